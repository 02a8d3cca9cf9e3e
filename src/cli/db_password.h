#pragma once
// --db-password-file: the PostgreSQL password read from a file (its first line), so that it is
// never on a command line, in a URI or in a log.
#include "cli/settings.h"

namespace cadence::cli {

// When `settings.db_password_file` is set: reads the password and hands it to libpq as
// PGPASSWORD, for this process only (libpq reads it at every connection). Call before any
// thread starts. Throws UsageError for a file that cannot be read or holds no password.
void use_db_password_file(const Settings& settings);

}  // namespace cadence::cli
