#include "cli/db_password.h"

#include "core/diagnostic.h"

#include <cstdlib>
#include <fstream>
#include <string>

namespace cadence::cli {

void use_db_password_file(const Settings& settings) {
  const auto& path = settings.db_password_file;
  if (path.empty()) return;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("--db-password-file: cannot read '" + path + "'");
  std::string password;
  std::getline(in, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  // The message names the file, never what is in it.
  if (password.empty()) throw UsageError("--db-password-file: '" + path + "' holds no password on its first line");
  ::setenv("PGPASSWORD", password.c_str(), 1);
}

}  // namespace cadence::cli
