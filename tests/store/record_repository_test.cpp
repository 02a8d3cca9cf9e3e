#include "store/record_repository.h"

#include "store/audit_log.h"
#include "store/change_counters.h"
#include "store/record_import.h"
#include "store/unit_repository.h"
#include "store_fixture.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace cadence::store {
namespace {

using test::day;
using test::StoreTest;

Record record(std::string unit, std::string rule, const char* date, std::vector<std::string> tags = {},
              std::string note = "", std::optional<Period> period = std::nullopt) {
  return Record{0, std::move(unit), std::move(rule), day(date), Tags(std::move(tags)), period, std::move(note)};
}

class RecordRepositoryTest : public StoreTest {
 protected:
  void SetUp() override {
    Unit county{"county", "", "县委", "committee", "", {}, kDefaultTimeZone, {}, {}};
    Unit town{"town", "county", "镇党委", "committee", "", {}, kDefaultTimeZone, {}, {}};
    UnitRepository(db).upsert({county, town}, "setup");
  }

  // Records as compared in these tests: without their ids.
  std::vector<Record> stored(const std::string& unit) {
    auto out = records.of_unit(unit, day("2000-01-01"), day("2100-01-01"));
    for (auto& r : out) r.id = 0;
    return out;
  }

  int audit_rows() { return count("SELECT COUNT(*) FROM audit WHERE entity <> 'unit'"); }

  RecordRepository records{db};
  AuditLog audit{db};
};

TEST_P(RecordRepositoryTest, StoresRecordsAndReadsThemBackByDate) {
  const auto a = record("town", "study", "2026-03-05", {"observed", "expanded"}, "第一次");
  const auto b = record("town", "study", "2026-01-20");
  const auto c = record("county", "study", "2026-02-01");
  EXPECT_EQ(records.upsert({a, b, c}, "tester"), (ImportSummary{3, 0, 0}));

  auto sorted_a = a;
  sorted_a.tags = {"expanded", "observed"};
  EXPECT_EQ(stored("town"), (std::vector<Record>{b, sorted_a}));
  EXPECT_EQ(records.count(), 3);
}

TEST_P(RecordRepositoryTest, OfUnitKeepsToTheDateRange) {
  records.upsert({record("town", "study", "2026-01-01"), record("town", "study", "2026-01-31"),
                  record("town", "study", "2026-02-01")},
                 "tester");
  EXPECT_EQ(records.of_unit("town", day("2026-01-01"), day("2026-01-31")).size(), 2u);
}

TEST_P(RecordRepositoryTest, AMakeUpKeepsItsPeriod) {
  const auto make_up = record("town", "study", "2026-04-10", {}, "补开", parse_period("2026-Q1"));
  const auto report = record("town", "report", "2026-07-03", {}, "", parse_period("2026-H1"));
  records.upsert({make_up, report}, "tester");
  EXPECT_EQ(stored("town"), (std::vector<Record>{make_up, report}));
}

TEST_P(RecordRepositoryTest, TheSameDayWithAndWithoutAPeriodAreTwoRecords) {
  const auto held = record("town", "study", "2026-04-10");
  const auto make_up = record("town", "study", "2026-04-10", {}, "", parse_period("2026-Q1"));
  EXPECT_EQ(records.upsert({held, make_up}, "tester").added, 2);
}

TEST_P(RecordRepositoryTest, IdentityDecidesBetweenAddUpdateAndUnchanged) {
  records.upsert(
      {record("town", "study", "2026-01-10", {"expanded"}),
       record("town", "study", "2026-02-10", {}, "old note"), record("town", "study", "2026-03-10")},
      "first");
  clock.advance(std::chrono::hours{1});
  const auto summary =
      records.upsert({record("town", "study", "2026-01-10", {"expanded", "observed"}),
                      record("town", "study", "2026-02-10", {}, "new note"),
                      record("town", "study", "2026-03-10"), record("town", "study", "2026-04-10")},
                     "second");
  EXPECT_EQ(summary, (ImportSummary{1, 2, 1}));
  EXPECT_EQ(records.count(), 4);
  EXPECT_EQ(stored("town")[1].note, "new note");
  EXPECT_EQ(
      count(
          "SELECT COUNT(*) FROM records WHERE updated_at = '2026-03-01T09:00:00Z' AND updated_by = 'second'"),
      3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM records WHERE created_by = 'first'"), 3);
}

TEST_P(RecordRepositoryTest, AnUpdateIsAuditedWithTheRecordBeforeAndAfter) {
  const auto id = records.add(record("town", "study", "2026-02-10", {}, "old \"note\""), "first");
  clock.advance(std::chrono::hours{1});
  records.upsert({record("town", "study", "2026-02-10", {"observed"}, "new")}, "second");

  const auto entries = audit.for_entity("record", std::to_string(id));
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "insert");
  EXPECT_EQ(
      entries[0].after,
      R"({"unit":"town","rule":"study","date":"2026-02-10","period":"","tags":"","note":"old \"note\""})");
  EXPECT_EQ(entries[1].action, "update");
  EXPECT_EQ(entries[1].actor, "second");
  EXPECT_EQ(entries[1].at, db.now());
  EXPECT_EQ(entries[1].before, entries[0].after);
  EXPECT_EQ(
      entries[1].after,
      R"({"unit":"town","rule":"study","date":"2026-02-10","period":"","tags":"observed","note":"new"})");
}

TEST_P(RecordRepositoryTest, ImportingTheSameRecordsAgainChangesNothing) {
  const std::vector<Record> file{record("town", "study", "2026-01-10", {"observed", "expanded"}, "n"),
                                 record("town", "report", "2026-07-03", {}, "", parse_period("2026-H1"))};
  records.upsert(file, "tester");
  const int rows = audit_rows();
  clock.advance(std::chrono::hours{24});
  EXPECT_EQ(records.upsert(file, "tester"), (ImportSummary{0, 0, 2}));
  EXPECT_EQ(audit_rows(), rows);
  EXPECT_EQ(text("SELECT MAX(updated_at) FROM records"), "2026-03-01T08:00:00Z");
}

TEST_P(RecordRepositoryTest, TagsInAnotherOrderAreTheSameRecord) {
  records.upsert({record("town", "study", "2026-01-10", {"a", "b"})}, "tester");
  EXPECT_EQ(records.upsert({record("town", "study", "2026-01-10", {"b", "a", "a"})}, "tester"),
            (ImportSummary{0, 0, 1}));
}

TEST_P(RecordRepositoryTest, AddReturnsTheIdOfTheRecordItStoredOrFound) {
  const auto id = records.add(record("town", "study", "2026-01-10"), "tester");
  EXPECT_GT(id, 0);
  EXPECT_EQ(records.add(record("town", "study", "2026-01-10"), "tester"), id);
  EXPECT_EQ(records.add(record("town", "study", "2026-01-10", {}, "changed"), "tester"), id);
  EXPECT_EQ(records.find(id)->note, "changed");
  EXPECT_EQ(audit.for_entity("record", std::to_string(id)).size(), 2u);
}

TEST_P(RecordRepositoryTest, RemoveDeletesAndAudits) {
  const auto id = records.add(record("town", "study", "2026-01-10"), "tester");
  EXPECT_TRUE(records.remove(id, "remover"));
  EXPECT_FALSE(records.remove(id, "remover"));
  EXPECT_EQ(records.find(id), std::nullopt);
  const auto entries = audit.for_entity("record", std::to_string(id));
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].action, "delete");
  EXPECT_EQ(entries[1].before, entries[0].after);
  EXPECT_EQ(entries[1].after, std::nullopt);
}

TEST_P(RecordRepositoryTest, SmallImportsAuditEachInsert) {
  records.upsert({record("town", "study", "2026-01-10"), record("town", "study", "2026-01-11")}, "tester");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit WHERE entity = 'record' AND action = 'insert'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit WHERE action = 'import'"), 0);
}

TEST_P(RecordRepositoryTest, LargeImportsAuditTheirInsertsInOneRow) {
  std::vector<Record> many;
  for (int i = 0; i <= RecordRepository::kRowAuditLimit; ++i)
    many.push_back(record("town", "rule-" + std::to_string(i), "2026-01-10"));
  records.upsert(many, "tester", "records.csv");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit WHERE entity = 'record'"), 0);
  const auto entries = audit.for_entity("file", "records.csv");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].action, "import");
  EXPECT_EQ(entries[0].after, R"({"added":"1001","updated":"0","unchanged":"0"})");
}

TEST_P(RecordRepositoryTest, ScanReturnsExactlyTheRecordsInTheRange) {
  records.upsert({record("town", "study", "2025-12-31"), record("town", "study", "2026-01-01", {"b", "a"}),
                  record("county", "report", "2026-06-30", {}, "", parse_period("2026-Q1")),
                  record("town", "study", "2026-07-01")},
                 "tester");
  using Row = std::tuple<std::string, std::string, Day, std::string, std::string>;
  std::vector<Row> rows;
  records.scan(day("2026-01-01"), day("2026-06-30"),
               [&](auto unit, auto rule, Day date, auto tags, auto period) {
                 rows.emplace_back(unit, rule, date, tags, period);
               });
  std::sort(rows.begin(), rows.end());
  EXPECT_EQ(rows, (std::vector<Row>{{"county", "report", day("2026-06-30"), "", "2026-Q1"},
                                    {"town", "study", day("2026-01-01"), "a;b", ""}}));
}

TEST_P(RecordRepositoryTest, ScanReadsEveryRowAndEveryByteOfItsValues) {
  std::vector<Record> many;
  const std::size_t n = 20007;
  for (std::size_t i = 0; i < n; ++i)
    many.push_back(record("town", "rule-" + std::to_string(i), "2026-01-10"));
  // What PostgreSQL's COPY escapes (tab, newline, backslash) and what is not ASCII.
  many.push_back(record("town", "a\tb\\c\nd 学习", "2026-01-11", {"x\\y", "中心组"}));
  records.upsert(many, "tester");
  std::size_t seen = 0;
  std::string odd_rule, odd_tags;
  records.scan(day("2026-01-01"), day("2026-12-31"), [&](auto, auto rule, Day, auto tags, auto) {
    ++seen;
    if (!rule.starts_with("rule-")) odd_rule = rule, odd_tags = tags;
  });
  EXPECT_EQ(seen, n + 1);
  EXPECT_EQ(odd_rule, "a\tb\\c\nd 学习");
  EXPECT_EQ(odd_tags, "x\\y;中心组");
}

TEST_P(RecordRepositoryTest, WhatTheScanCallbackThrowsPassesThroughAndTheConnectionStaysUsable) {
  std::vector<Record> many;
  for (int i = 0; i < 100; ++i) many.push_back(record("town", "rule-" + std::to_string(i), "2026-01-10"));
  records.upsert(many, "tester");
  struct Stop {};
  int calls = 0;
  EXPECT_THROW(records.scan(day("2026-01-01"), day("2026-12-31"),
                            [&](auto, auto, Day, auto, auto) {
                              if (++calls == 3) throw Stop{};
                            }),
               Stop);
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(records.count(), 100);
  std::size_t seen = 0;
  records.scan_units({"town"}, day("2026-01-01"), day("2026-12-31"), [&](auto, auto, Day, auto, auto) { ++seen; });
  EXPECT_EQ(seen, 100u);
}

TEST_P(RecordRepositoryTest, EveryWriteStampsTheUnitsWhoseRecordsItChanged) {
  const auto changed_since = [&](std::int64_t version) {
    auto units = units_with_records_after(db, version);
    std::sort(units.begin(), units.end());
    return units;
  };
  const auto version = [&] { return change_versions(db).records; };
  const auto v0 = version();
  records.upsert({record("town", "study", "2026-01-10"), record("town", "study", "2026-02-10")}, "tester");
  EXPECT_EQ(changed_since(v0), std::vector<std::string>{"town"});
  const auto v1 = version();
  EXPECT_GT(v1, v0);
  EXPECT_TRUE(changed_since(v1).empty());
  const auto id = records.add(record("county", "study", "2026-01-10"), "tester");
  EXPECT_EQ(changed_since(v1), std::vector<std::string>{"county"});
  EXPECT_EQ(changed_since(v0), (std::vector<std::string>{"county", "town"}));
  const auto v2 = version();
  records.upsert({record("town", "study", "2026-01-10")}, "tester");  // the same: nothing changes
  EXPECT_TRUE(changed_since(v2).empty());
  records.remove(id, "tester");
  EXPECT_EQ(changed_since(v2), std::vector<std::string>{"county"});
  const auto v3 = version();
  RecordImport import(db, "tester", "r.csv");
  import.add(record("town", "study", "2026-03-10"));
  import.finish(RecordRepository::kRowAuditLimit);
  EXPECT_EQ(changed_since(v3), std::vector<std::string>{"town"});
}

TEST_P(RecordRepositoryTest, TheSameIdentityTwiceInOneImportIsAnInputError) {
  try {
    records.upsert({record("town", "study", "2026-01-10"), record("town", "study", "2026-01-11"),
                    record("town", "study", "2026-01-10", {"x"})},
                   "tester");
    FAIL() << "no error";
  } catch (const ImportItemError& error) {
    EXPECT_EQ(error.index(), 2u);
    EXPECT_EQ(std::string(error.what()),
              "records 1 and 3 of the import have the same unit, rule, date and period (town, study, "
              "2026-01-10, '')");
  }
  EXPECT_EQ(records.count(), 0);
}

TEST_P(RecordRepositoryTest, AnUnknownUnitIsAnInputError) {
  try {
    records.upsert({record("town", "study", "2026-01-10"), record("nowhere", "study", "2026-01-11")},
                   "tester");
    FAIL() << "no error";
  } catch (const ImportItemError& error) {
    EXPECT_EQ(error.index(), 1u);
    EXPECT_EQ(std::string(error.what()), "unit 'nowhere' is not in the database (record 2 of the import)");
  }
  EXPECT_EQ(records.count(), 0);
}

TEST_P(RecordRepositoryTest, ATagWithASemicolonIsAnInputError) {
  try {
    records.upsert({record("town", "study", "2026-01-10"), record("town", "study", "2026-01-11", {"a;b"})},
                   "tester");
    FAIL() << "no error";
  } catch (const ImportItemError& error) {
    EXPECT_EQ(error.index(), 1u);
    EXPECT_EQ(std::string(error.what()),
              "a tag cannot be empty or contain ';': 'a;b' (record 2 of the import)");
  }
}

TEST_P(RecordRepositoryTest, AFailureHalfwayLeavesTheDatabaseAsItWas) {
  records.upsert({record("town", "study", "2026-01-10", {}, "kept")}, "tester");
  const auto before = stored("town");
  const int rows = audit_rows();
  fail_inserts_when("records", "NEW.note = 'boom'");
  try {
    records.upsert({record("town", "study", "2026-01-10", {}, "changed"),
                    record("town", "study", "2026-01-11"), record("town", "study", "2026-01-12", {}, "boom")},
                   "tester");
    FAIL() << "no error";
  } catch (const StoreError& error) {
    EXPECT_EQ(std::string(error.what()),
              "cannot import records into '" + uri() + "': injected failure");
  }
  EXPECT_EQ(stored("town"), before);
  EXPECT_EQ(audit_rows(), rows);
  // The failed import left nothing behind that stops the next one.
  stop_failing("records");
  EXPECT_EQ(records.upsert({record("town", "study", "2026-01-11")}, "tester").added, 1);
}

TEST_P(RecordRepositoryTest, AnImportInsideAnUndoneTransactionIsUndoneToo) {
  {
    Transaction outer(db);
    records.upsert({record("town", "study", "2026-01-10")}, "tester");
  }
  EXPECT_EQ(records.count(), 0);
}

TEST_P(RecordRepositoryTest, TheCallersExceptionsPassThroughScan) {
  records.upsert({record("town", "study", "2026-01-10")}, "tester");
  EXPECT_THROW(records.scan(day("2026-01-01"), day("2026-12-31"),
                            [](auto, auto, Day, auto, auto) { throw std::logic_error("mine"); }),
               std::logic_error);
}

TEST_P(RecordRepositoryTest, ScanUnitsReadsOnlyThoseUnitsRecordsInTheRange) {
  Unit other{"other", "county", "另一镇党委", "committee", "", {}, kDefaultTimeZone, {}, {}};
  UnitRepository(db).upsert({other}, "setup");
  records.upsert({record("town", "study", "2025-12-31"), record("town", "study", "2026-01-01", {"b", "a"}),
                  record("county", "report", "2026-06-30", {}, "", parse_period("2026-Q1")),
                  record("other", "study", "2026-03-01"), record("town", "study", "2026-07-01")},
                 "tester");
  using Row = std::tuple<std::string, std::string, Day, std::string, std::string>;
  std::vector<Row> rows;
  records.scan_units({"town", "county"}, day("2026-01-01"), day("2026-06-30"),
                     [&](auto unit, auto rule, Day date, auto tags, auto period) {
                       rows.emplace_back(unit, rule, date, tags, period);
                     });
  std::sort(rows.begin(), rows.end());
  EXPECT_EQ(rows, (std::vector<Row>{{"county", "report", day("2026-06-30"), "", "2026-Q1"},
                                    {"town", "study", day("2026-01-01"), "a;b", ""}}));
}

TEST_P(RecordRepositoryTest, ScanUnitsAsksForManyUnitsInSeveralQueries) {
  std::vector<Unit> units;
  std::vector<Record> held;
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < RecordRepository::kUnitsPerQuery + 3; ++i) {
    ids.push_back("b" + std::to_string(i));
    units.push_back({ids.back(), "town", "支部", "branch", "", {}, kDefaultTimeZone, {}, {}});
    held.push_back(record(ids.back(), "study", "2026-02-01"));
  }
  UnitRepository(db).upsert(units, "setup");
  held.push_back(record("county", "study", "2026-02-01"));
  records.upsert(held, "tester");
  std::set<std::string> seen;
  records.scan_units(ids, day("2026-01-01"), day("2026-12-31"), [&](auto unit, auto, Day, auto, auto) {
    EXPECT_TRUE(seen.emplace(unit).second) << unit;
  });
  EXPECT_EQ(seen, std::set<std::string>(ids.begin(), ids.end()));
}

TEST_P(RecordRepositoryTest, AStreamedImportFindsRepeatsAndStoresNothingUntilFinished) {
  {
    RecordImport import(db, "tester", "r.csv");
    for (const char* date : {"2026-01-10", "2026-01-11", "2026-01-10", "2026-01-12", "2026-01-10"})
      import.add(record("town", "study", date));
    const auto repeats = import.repeats(1);
    EXPECT_EQ(repeats.count, 2u);
    ASSERT_EQ(repeats.first.size(), 1u);
    EXPECT_EQ(repeats.first[0].earlier, 0u);
    EXPECT_EQ(repeats.first[0].later, 2u);
    EXPECT_EQ(records.count(), 0);
    EXPECT_THROW(import.finish(RecordRepository::kRowAuditLimit), ImportItemError);
  }
  EXPECT_EQ(records.count(), 0);
  RecordImport import(db, "tester", "r.csv");
  for (const char* date : {"2026-01-12", "2026-01-10"}) import.add(record("town", "study", date));
  EXPECT_EQ(import.repeats(50).count, 0u);
  EXPECT_EQ(import.finish(RecordRepository::kRowAuditLimit), (ImportSummary{2, 0, 0}));
  EXPECT_EQ(stored("town"), (std::vector<Record>{record("town", "study", "2026-01-10"), record("town", "study", "2026-01-12")}));
}

TEST_P(RecordRepositoryTest, AStreamedImportOfAnUnknownUnitStoresNothing) {
  RecordImport import(db, "tester", "r.csv");
  import.add(record("town", "study", "2026-01-10"));
  import.add(record("nosuch", "study", "2026-01-10"));
  try {
    import.finish(RecordRepository::kRowAuditLimit);
    FAIL() << "no error";
  } catch (const ImportItemError& error) {
    EXPECT_EQ(error.index(), 1u);
    EXPECT_EQ(std::string(error.what()), "unit 'nosuch' is not in the database (record 2 of the import)");
  }
  EXPECT_EQ(records.count(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, RecordRepositoryTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::store
