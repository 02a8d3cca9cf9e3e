#include "report/kept_records.h"

#include "calendars/calendar_loader.h"
#include "csv/units_csv.h"
#include "report/check_json.h"
#include "report/record_rows.h"
#include "rules/rule_loader.h"
#include "store/record_repository.h"
#include "store/record_review.h"
#include "store/store_fixture.h"
#include "store/unit_repository.h"
#include "web/two_townships.h"

#include <sstream>

namespace cadence::report {
namespace {

using store::test::day;

class KeptRecordsTest : public store::test::StoreTest {
 protected:
  KeptRecordsTest()
      : rules(load_rules_or_throw(CADENCE_SOURCE_DIR "/rules")),
        calendar(load_calendar_or_throw(CADENCE_SOURCE_DIR "/calendars")) {
    store::UnitRepository(db).upsert(parse_units_csv("units.csv", cadence::testing::kTwoTownshipsCsv), "setup");
    tree = std::make_shared<const UnitTree>(store::UnitRepository(db).all());
    std::vector<Record> records;
    // Every unit, every rule, a record a month (some tagged), and some the rules do not know.
    for (const auto& unit : tree->units())
      for (const auto& rule : rules)
        for (unsigned month = 1; month <= 12; month += unit.id.size() % 3 + 1) {
          Record r{0, unit.id, rule.id, Day{date::year{2026} / month / 10}, {}, std::nullopt, ""};
          if (!rule.quotas.empty() && month % 4 == 1) r.tags = Tags({rule.quotas.front().tag});
          records.push_back(r);
        }
    records.push_back(Record{0, "v1", "no-such-rule", day("2026-03-03"), {}, std::nullopt, ""});
    store::RecordRepository(db).upsert(records, "setup");
  }

  // The JSON `cadence check` prints for `query`, judged from the database and from kept records.
  std::string from_database(const CheckQuery& query) {
    return json(compliance_report(db, *tree, rules, query, calendar));
  }
  std::string from_kept(const RecordsSnapshot& kept, const CheckQuery& query) {
    return json(compliance_report(kept, rules, query, calendar));
  }
  std::string json(const CheckReport& report) {
    std::ostringstream out;
    write_check_json(out, report, *tree, rules);
    return out.str();
  }
  std::size_t unit(const char* id) { return *tree->find(id); }

  std::vector<Rule> rules;
  WorkCalendar calendar;
  std::shared_ptr<const UnitTree> tree;
};

TEST_P(KeptRecordsTest, JudgesAsTheDatabaseDoesForEveryRootDayAndPeriod) {
  KeptRecords kept(rules, 1'000'000);
  const auto snapshot = kept.current(db, tree);
  ASSERT_TRUE(snapshot);
  for (const char* as_of : {"2026-01-09", "2026-03-31", "2026-06-30", "2026-11-20", "2027-01-15"})
    for (const std::optional<std::size_t> root : {std::optional<std::size_t>(), std::optional(unit("county")),
                                                  std::optional(unit("town-a")), std::optional(unit("v3"))}) {
      const CheckQuery query{day(as_of), std::nullopt, root};
      EXPECT_EQ(from_kept(*snapshot, query), from_database(query)) << as_of;
    }
  const CheckQuery first_quarter{day("2026-11-20"), parse_period("2026-Q1"), unit("county")};
  EXPECT_EQ(from_kept(*snapshot, first_quarter), from_database(first_quarter));
}

TEST_P(KeptRecordsTest, AWriteFromAnotherConnectionIsSeenAtOnceAndOnlyItsUnitIsReadAgain) {
  KeptRecords kept(rules, 1'000'000);
  const auto before = kept.current(db, tree);
  EXPECT_EQ(kept.current(db, tree), before) << "nothing changed: the same snapshot";
  const CheckQuery query{day("2026-11-20"), std::nullopt, std::nullopt};
  const auto other = reopen();
  store::RecordReview review(*other);
  const auto id = review.create(Record{0, "v2", rules.front().id, day("2026-11-02"), {}, std::nullopt, ""}, {}, "tester");
  const auto after_add = kept.current(db, tree);
  ASSERT_NE(after_add, before);
  EXPECT_EQ(from_kept(*after_add, query), from_database(query));
  EXPECT_NE(from_kept(*after_add, query), from_kept(*before, query));
  EXPECT_NE(after_add->units[unit("v2")], before->units[unit("v2")]);
  for (const char* untouched : {"county", "town-a", "v1", "town-b", "v3"})
    EXPECT_EQ(after_add->units[unit(untouched)], before->units[unit(untouched)]) << untouched;

  review.give_back(id, "no minutes", "admin");  // returned: it no longer counts
  const auto after_return = kept.current(db, tree);
  EXPECT_EQ(from_kept(*after_return, query), from_database(query));
  EXPECT_EQ(from_kept(*after_return, query), from_kept(*before, query));

  const auto v1_record = store::RecordRepository(*other).of_unit("v1", day("2026-01-01"), day("2026-12-31")).front();
  store::RecordRepository(*other).remove(v1_record.id, "tester");
  const auto after_delete = kept.current(db, tree);
  EXPECT_EQ(from_kept(*after_delete, query), from_database(query));
  EXPECT_EQ(after_delete->rows + 1, after_return->rows);
}

TEST_P(KeptRecordsTest, AnotherTreeIsReadWhole) {
  KeptRecords kept(rules, 1'000'000);
  const auto first = kept.current(db, tree);
  const auto same_units = std::make_shared<const UnitTree>(tree->units());
  const auto second = kept.current(db, same_units);
  EXPECT_EQ(second->tree, same_units);
  EXPECT_EQ(second->rows, first->rows);
}

TEST_P(KeptRecordsTest, MoreRecordsThanTheLimitAreNotKept) {
  KeptRecords kept(rules, 10);
  EXPECT_EQ(kept.current(db, tree), nullptr);
  EXPECT_EQ(kept.current(db, tree), nullptr) << "and not read again";
  kept.clear();
  KeptRecords roomy(rules, 1'000'000);
  EXPECT_NE(roomy.current(db, tree), nullptr);
}

TEST_P(KeptRecordsTest, AStoppingServerGivesUpTheReadAndKeepsNothing) {
  std::atomic<bool> cancelled{true};
  EXPECT_THROW(read_rows(db, {}, *tree, rules, day("2026-01-01"), day("2026-12-31"), {&cancelled}), ReadCancelled);
  EXPECT_THROW(read_rows(db, {}, *tree, rules, day("2026-01-01"), day("2026-12-31"), {nullptr, 5}), TooManyRows);
  KeptRecords kept(rules, 1'000'000);
  kept.stop();
  EXPECT_TRUE(kept.stopped());
  EXPECT_EQ(kept.current(db, tree), nullptr);
}

INSTANTIATE_TEST_SUITE_P(Backends, KeptRecordsTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::report
