#include "store/unit_repository.h"

#include "store/audit_log.h"
#include "store_fixture.h"

namespace cadence::store {
namespace {

using test::day;
using test::StoreTest;

Unit unit(std::string id, std::string parent = "", std::string type = "branch") {
  return Unit{id, parent, "Unit " + id, type, id + "@example.org", {}, kDefaultTimeZone, {}, {}};
}

class UnitRepositoryTest : public StoreTest {
 protected:
  UnitRepository units{db};
  AuditLog audit{db};
};

TEST_P(UnitRepositoryTest, StoresEveryFieldAndReadsItBack) {
  Unit county{"county",
              "",
              "县委",
              "committee",
              "sec@example.org",
              {"a@example.org", "b@example.org"},
              "Asia/Urumqi",
              day("2020-01-01"),
              day("2030-12-31")};
  Unit town = unit("town", "county");
  EXPECT_EQ(units.upsert({county, town}, "tester"), (ImportSummary{2, 0, 0}));
  EXPECT_EQ(units.find("county"), county);
  EXPECT_EQ(units.find("town"), town);
  EXPECT_EQ(units.find("nowhere"), std::nullopt);
}

TEST_P(UnitRepositoryTest, AllIsOrderedById) {
  units.upsert({unit("c"), unit("a"), unit("b", "a")}, "tester");
  std::vector<std::string> ids;
  for (const auto& u : units.all()) ids.push_back(u.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "c"}));
}

TEST_P(UnitRepositoryTest, CountsAddedUpdatedAndUnchangedAndAuditsEachChange) {
  units.upsert({unit("a"), unit("b")}, "first");
  Unit renamed = unit("b");
  renamed.name = "新名字";
  clock.advance(std::chrono::hours{1});
  EXPECT_EQ(units.upsert({unit("a"), renamed, unit("c")}, "second"), (ImportSummary{1, 1, 1}));

  const auto b = audit.for_entity("unit", "b");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].action, "insert");
  EXPECT_EQ(b[0].actor, "first");
  EXPECT_EQ(b[0].before, std::nullopt);
  EXPECT_EQ(b[1].action, "update");
  EXPECT_EQ(b[1].actor, "second");
  EXPECT_EQ(b[1].at, db.now());
  EXPECT_EQ(b[1].before,
            R"({"id":"b","parent":"","name":"Unit b","type":"branch","secretary_email":"b@example.org",)"
            R"("admin_emails":"","timezone":"Asia/Shanghai","active_from":"","active_until":""})");
  EXPECT_NE(b[1].after->find(R"("name":"新名字")"), std::string::npos);
  EXPECT_EQ(audit.for_entity("unit", "a").size(), 1u);
  EXPECT_EQ(audit.for_entity("unit", "c").size(), 1u);
}

TEST_P(UnitRepositoryTest, ImportingTheSameUnitsAgainChangesNothing) {
  Unit county{"county",
              "",
              "县委",
              "committee",
              "sec@example.org",
              {"a@example.org"},
              kDefaultTimeZone,
              day("2020-01-01"),
              std::nullopt};
  const std::vector<Unit> file{county, unit("town", "county")};
  units.upsert(file, "tester");
  const int audit_rows = count("SELECT COUNT(*) FROM audit");
  clock.advance(std::chrono::hours{24});

  EXPECT_EQ(units.upsert(file, "tester"), (ImportSummary{0, 0, 2}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit"), audit_rows);
  EXPECT_EQ(text("SELECT MAX(updated_at) FROM units"), "2026-03-01T08:00:00Z");
}

TEST_P(UnitRepositoryTest, AnUpdateKeepsCreatedAtAndMovesUpdatedAt) {
  units.upsert({unit("a")}, "tester");
  clock.advance(std::chrono::hours{2});
  units.upsert({unit("a", "", "committee")}, "tester");
  EXPECT_EQ(text("SELECT created_at || ' ' || updated_at FROM units"),
            "2026-03-01T08:00:00Z 2026-03-01T10:00:00Z");
}

TEST_P(UnitRepositoryTest, AParentMayFollowItsChildInTheImport) {
  EXPECT_EQ(units.upsert({unit("town", "county"), unit("county")}, "tester").added, 2);
}

TEST_P(UnitRepositoryTest, AParentMayBeStoredAlready) {
  units.upsert({unit("county")}, "tester");
  EXPECT_EQ(units.upsert({unit("town", "county")}, "tester").added, 1);
}

TEST_P(UnitRepositoryTest, AnUnknownParentIsAnInputErrorAndNothingIsStored) {
  try {
    units.upsert({unit("a"), unit("town", "nowhere")}, "tester");
    FAIL() << "no error";
  } catch (const ImportItemError& error) {
    EXPECT_EQ(error.index(), 1u);
    EXPECT_STREQ(error.what(),
                 "unit 'town' names parent 'nowhere', which is neither in the import nor in the database");
  }
  EXPECT_TRUE(units.all().empty());
}

TEST_P(UnitRepositoryTest, TheSameIdTwiceIsAnInputError) {
  try {
    units.upsert({unit("a"), unit("b"), unit("a")}, "tester");
    FAIL() << "no error";
  } catch (const ImportItemError& error) {
    EXPECT_EQ(error.index(), 2u);
    EXPECT_STREQ(error.what(), "units 1 and 3 of the import have the same id 'a'");
  }
}

TEST_P(UnitRepositoryTest, AFailureHalfwayLeavesTheDatabaseAsItWas) {
  units.upsert({unit("a"), unit("b")}, "tester");
  const auto before = units.all();
  const int audit_rows = count("SELECT COUNT(*) FROM audit");
  fail_inserts_when("units", "NEW.id = 'boom'");

  Unit changed = unit("a", "", "committee");
  try {
    units.upsert({changed, unit("c"), unit("boom")}, "tester");
    FAIL() << "no error";
  } catch (const StoreError& error) {
    EXPECT_STREQ(error.what(), ("cannot import units into '" + uri() + "': injected failure").c_str());
  }
  EXPECT_EQ(units.all(), before);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit"), audit_rows);
}

INSTANTIATE_TEST_SUITE_P(Backends, UnitRepositoryTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::store
