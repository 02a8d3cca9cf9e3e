#include "store/login_throttle.h"

#include "core/login_backoff.h"
#include "store/columns.h"
#include "store/store_error.h"

#include <vector>

namespace cadence::store {

namespace {

using Poco::Data::Keywords::bind;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

}  // namespace

std::optional<std::chrono::sys_seconds> LoginThrottle::blocked_until(std::string_view email, std::chrono::sys_seconds at) {
  try {
    std::vector<std::string> times;
    db_.session() << db_.dialect().sql("SELECT at FROM login_failures WHERE email = ? AND at > ? ORDER BY at"),
        bind(std::string(email)), bind(timestamp_text(at - kLoginFailureWindow)), into(times), now;
    if (times.empty()) return std::nullopt;
    const auto until = timestamp_column(times.back(), "login_failures.at") + login_wait(static_cast<int>(times.size()));
    if (until <= at) return std::nullopt;
    return until;
  } catch (...) {
    rethrow_with_context("cannot read the failed logins in '" + db_.name() + "'");
  }
}

void LoginThrottle::failed(std::string_view email, std::chrono::sys_seconds at) {
  try {
    Transaction transaction(db_);
    db_.session() << db_.dialect().sql("DELETE FROM login_failures WHERE email = ? AND at <= ?"),
        bind(std::string(email)), bind(timestamp_text(at - kLoginFailureWindow)), now;
    db_.session() << db_.dialect().sql("INSERT INTO login_failures (email, at) VALUES (?, ?)"), bind(std::string(email)),
        bind(timestamp_text(at)), now;
    transaction.commit();
  } catch (...) {
    rethrow_with_context("cannot record a failed login in '" + db_.name() + "'");
  }
}

void LoginThrottle::succeeded(std::string_view email) {
  try {
    db_.session() << db_.dialect().sql("DELETE FROM login_failures WHERE email = ?"), bind(std::string(email)), now;
  } catch (...) {
    rethrow_with_context("cannot clear the failed logins in '" + db_.name() + "'");
  }
}

}  // namespace cadence::store
