#include "mail/password_file.h"

#include "core/diagnostic.h"

#include <fstream>

namespace cadence::mail {

std::string read_password_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot read the SMTP password file '" + path + "'");
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty()) throw InputError("the SMTP password file '" + path + "' is empty");
  return line;
}

}  // namespace cadence::mail
