#pragma once
// Base64 on one line, as encoded-words and SMTP AUTH need it (Poco's encoder breaks lines at
// 72 characters unless told not to).
#include <string>
#include <string_view>

namespace cadence::mail {

std::string base64(std::string_view bytes);

}  // namespace cadence::mail
