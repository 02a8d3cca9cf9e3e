#include "store/migrations.h"

#include "store_fixture.h"

namespace cadence::store {
namespace {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using test::StoreTest;

std::vector<Migration> with_extra(std::vector<std::string_view> statements) {
  auto list = migrations();
  list.push_back({latest_schema_version() + 1, "test migration", std::move(statements)});
  return list;
}

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const StoreError& error) {
    return error.what();
  }
  return "no error";
}

TEST(Migrations, AreNumberedFromOneWithoutGaps) {
  const auto& list = migrations();
  ASSERT_FALSE(list.empty());
  for (std::size_t i = 0; i < list.size(); ++i) EXPECT_EQ(list[i].version, static_cast<int>(i) + 1);
  EXPECT_EQ(latest_schema_version(), list.back().version);
}

TEST_P(StoreTest, ANewDatabaseGetsEveryMigrationOnce) {
  EXPECT_EQ(db.schema_version(), latest_schema_version());
  EXPECT_EQ(count("SELECT COUNT(*) FROM schema_migrations"), latest_schema_version());
  EXPECT_EQ(text("SELECT applied_at FROM schema_migrations WHERE version = 1"), "2026-03-01T08:00:00Z");
}

TEST_P(StoreTest, SchemaVersionOneHasItsTables) {
  for (const char* table : {"units", "records", "audit", "users"})
    EXPECT_TRUE(has_table(table)) << table;
}

TEST_P(StoreTest, ReopeningDoesNotApplyMigrationsAgain) {
  clock.advance(std::chrono::hours{24});
  auto again = reopen();
  EXPECT_EQ(again->schema_version(), latest_schema_version());
  EXPECT_EQ(count("SELECT COUNT(*) FROM schema_migrations"), latest_schema_version());
  EXPECT_EQ(text("SELECT MAX(applied_at) FROM schema_migrations"), "2026-03-01T08:00:00Z");
}

TEST_P(StoreTest, APendingMigrationIsAppliedOnceAndRecorded) {
  const auto list = with_extra({"CREATE TABLE extra (x INTEGER)"});
  clock.advance(std::chrono::hours{1});
  migrate(db, list);
  migrate(db, list);
  EXPECT_EQ(db.schema_version(), latest_schema_version() + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM extra"), 0);
  EXPECT_EQ(text("SELECT applied_at FROM schema_migrations WHERE version = " +
                 std::to_string(latest_schema_version() + 1)),
            "2026-03-01T09:00:00Z");
}

TEST_P(StoreTest, AFailedMigrationChangesNothing) {
  const auto list = with_extra({"CREATE TABLE extra (x INTEGER)", "THIS IS NOT SQL"});
  const std::string message = error_of([&] { migrate(db, list); });
  EXPECT_TRUE(message.starts_with("cannot migrate database '" + uri() + "' to schema version " +
                                  std::to_string(latest_schema_version() + 1) + " (test migration): "))
      << message;
  EXPECT_EQ(db.schema_version(), latest_schema_version());
  EXPECT_FALSE(has_table("extra"));
}

TEST_P(StoreTest, ADatabaseFromANewerCadenceIsRefused) {
  const int newer = latest_schema_version() + 5;
  db.session() << "INSERT INTO schema_migrations VALUES (" + std::to_string(newer) + ", 'x')", now;
  const std::string message = error_of([&] { reopen(); });
  EXPECT_EQ(message, "database '" + uri() + "' has schema version " + std::to_string(newer) +
                         ", newer than version " + std::to_string(latest_schema_version()) +
                         ", the newest this cadence knows: upgrade cadence");
}


}  // namespace
}  // namespace cadence::store
