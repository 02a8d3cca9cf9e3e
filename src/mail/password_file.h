#pragma once
// The SMTP password comes from a file (never a setting or an option, which would put it in a
// config listing or a process list).
#include <string>

namespace cadence::mail {

// The file's first line without its line end. Throws InputError naming the file (never its
// content) when it cannot be read or is empty.
std::string read_password_file(const std::string& path);

}  // namespace cadence::mail
