#include "store/database.h"

#include <string>

namespace cadence::store {

namespace {
std::string savepoint(int depth) { return "cadence_" + std::to_string(depth); }
}  // namespace

Transaction::Transaction(Database& db) : db_(db), depth_(db.transaction_depth_) {
  execute(depth_ == 0 ? std::string(db_.dialect_.begin_transaction) : "SAVEPOINT " + savepoint(depth_),
          "cannot start a transaction");
  ++db_.transaction_depth_;
}

Transaction::~Transaction() {
  if (!open_) return;
  --db_.transaction_depth_;
  // Undoing must not throw from a destructor; when it fails the backend has already given
  // up the transaction (SQLite rolls back by itself on, e.g., a full disk).
  try {
    if (depth_ == 0) {
      execute("ROLLBACK", "cannot roll back");
    } else {
      execute("ROLLBACK TO " + savepoint(depth_), "cannot roll back");
      execute("RELEASE " + savepoint(depth_), "cannot roll back");
    }
  } catch (...) {
  }
}

void Transaction::commit() {
  execute(depth_ == 0 ? std::string("COMMIT") : "RELEASE " + savepoint(depth_), "cannot commit");
  open_ = false;
  --db_.transaction_depth_;
}

void Transaction::execute(const std::string& sql, const char* what) {
  try {
    db_.session() << sql, Poco::Data::Keywords::now;
  } catch (...) {
    rethrow_with_context(std::string(what) + " on '" + db_.name() + "'");
  }
}

}  // namespace cadence::store
