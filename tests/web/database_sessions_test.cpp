// The connection pool of `cadence serve`, on both backends: at most `size` connections, each
// lent to one borrower, and one an exception passed through replaced by a new one.
#include "web/database_sessions.h"

#include "store/store_fixture.h"

#include <stdexcept>

namespace cadence::web {
namespace {

using store::test::StoreTest;

class DatabaseSessionsTest : public StoreTest {
 protected:
  // A TEMP table lives as long as its connection: it tells one connection from another.
  static void mark(store::Database& db) { db.session() << "CREATE TEMP TABLE marker (x INTEGER)", Poco::Data::Keywords::now; }
  static bool marked(store::Database& db) {
    try {
      int n = -1;
      db.session() << "SELECT COUNT(*) FROM marker", Poco::Data::Keywords::into(n), Poco::Data::Keywords::now;
      return true;
    } catch (const std::exception&) {
      return false;
    }
  }
};

TEST_P(DatabaseSessionsTest, LendsAtMostItsSizeAndTheSameConnectionAgain) {
  DatabaseSessions pool(uri(), 1, std::chrono::milliseconds(50));
  {
    const auto lease = pool.acquire();
    mark(*lease);
    EXPECT_THROW(pool.acquire(), DatabaseUnavailable);
  }
  const auto again = pool.acquire();
  EXPECT_TRUE(marked(*again));
}

TEST_P(DatabaseSessionsTest, AConnectionAnExceptionPassedThroughIsReplaced) {
  DatabaseSessions pool(uri(), 1);
  try {
    const auto lease = pool.acquire();
    mark(*lease);
    throw std::runtime_error("the server went away");
  } catch (const std::runtime_error&) {
  }
  const auto fresh = pool.acquire();
  EXPECT_FALSE(marked(*fresh));
}

// What acquire() threw, "" if nothing.
std::string failure_of(DatabaseSessions& pool) {
  try {
    pool.acquire(std::chrono::milliseconds(0));
  } catch (const DatabaseUnavailable& e) {
    return e.what();
  }
  return "";
}

TEST_P(DatabaseSessionsTest, ADatabaseThatCannotBeOpenedIsUnavailable) {
  DatabaseSessions pool(GetParam() == cadence::testing::Backend::sqlite ? uri() + "-missing"
                                                                        : cadence::testing::pg_uri("cadence_missing"),
                        1);
  const auto first = failure_of(pool);
  EXPECT_NE(first, "");
  // The failed attempt holds no place in the pool: the next one tries to open again.
  EXPECT_EQ(failure_of(pool), first);
  EXPECT_EQ(first.find("stayed busy"), std::string::npos) << first;
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseSessionsTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::web
