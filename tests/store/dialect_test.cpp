#include "store/dialect.h"

#include <gtest/gtest.h>

namespace cadence::store {
namespace {

TEST(Dialect, SqliteKeepsQuestionMarks) {
  EXPECT_EQ(sqlite_dialect().sql("SELECT * FROM t WHERE a = ? AND b = ?"),
            "SELECT * FROM t WHERE a = ? AND b = ?");
}

TEST(Dialect, PostgresqlNumbersPlaceholdersOutsideLiterals) {
  EXPECT_EQ(postgresql_dialect().sql("SELECT '?' FROM t WHERE a = ? AND b = ?"),
            "SELECT '?' FROM t WHERE a = $1 AND b = $2");
}

TEST(Dialect, TokensAreFilledIn) {
  EXPECT_EQ(sqlite_dialect().sql("CREATE TABLE t (id {autoincrement_key}, j TEXT)"),
            "CREATE TABLE t (id INTEGER PRIMARY KEY, j TEXT)");
  EXPECT_EQ(postgresql_dialect().sql("SELECT {json_object}('a', x), {json_object}('b', y)"),
            "SELECT json_build_object('a', x), json_build_object('b', y)");
}

}  // namespace
}  // namespace cadence::store
