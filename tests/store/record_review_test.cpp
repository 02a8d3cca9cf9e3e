#include "store/record_review.h"

#include "store/audit_log.h"
#include "store/change_counters.h"
#include "store/database_copy.h"
#include "store/record_repository.h"
#include "store/unit_repository.h"
#include "store_fixture.h"

namespace cadence::store {
namespace {

using test::day;
using test::StoreTest;

Record record(const char* date, std::vector<std::string> tags = {}, std::string note = "") {
  return Record{0, "town", "study", day(date), Tags(std::move(tags)), std::nullopt, std::move(note)};
}

class RecordReviewTest : public StoreTest {
 protected:
  void SetUp() override {
    Unit county{"county", "", "县委", "committee", "", {}, kDefaultTimeZone, {}, {}};
    Unit town{"town", "county", "镇党委", "committee", "", {}, kDefaultTimeZone, {}, {}};
    UnitRepository(db).upsert({county, town}, "setup");
  }

  // What `check`, the reminders (scan) and the feeds (of_unit) count of the town's records.
  std::size_t scanned() {
    std::size_t n = 0;
    RecordRepository(db).scan(day("2026-01-01"), day("2026-12-31"),
                              [&](std::string_view, std::string_view, Day, std::string_view, std::string_view) { ++n; });
    std::size_t by_unit = 0;
    RecordRepository(db).scan_units({"town"}, day("2026-01-01"), day("2026-12-31"),
                                    [&](std::string_view, std::string_view, Day, std::string_view, std::string_view) {
                                      ++by_unit;
                                    });
    EXPECT_EQ(by_unit, n);
    EXPECT_EQ(RecordRepository(db).of_unit("town", day("2026-01-01"), day("2026-12-31")).size(), n);
    return n;
  }

  std::vector<AuditEntry> audit_of(std::int64_t id) { return AuditLog(db).for_entity("record", std::to_string(id)); }

  RecordReview review{db};
};

TEST_P(RecordReviewTest, CreatesARecordWithAttendanceAndAuditsIt) {
  const auto before = change_versions(db).records;
  const auto id = review.create(record("2026-03-05", {"expanded"}, "学习"), {30, 28}, "sec@example.org");
  const auto got = review.find(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->record.note, "学习");
  EXPECT_EQ(got->attendance, (Attendance{30, 28}));
  EXPECT_FALSE(got->returned);
  EXPECT_EQ(got->created_by, "sec@example.org");
  EXPECT_GT(change_versions(db).records, before);
  const auto audit = audit_of(id);
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "insert");
  EXPECT_EQ(audit[0].actor, "sec@example.org");
  EXPECT_NE(audit[0].after->find("\"attendance_present\":\"28\""), std::string::npos) << *audit[0].after;

  const auto none = review.create(record("2026-03-06"), {}, "sec@example.org");
  EXPECT_EQ(review.find(none)->attendance, Attendance{});
}

TEST_P(RecordReviewTest, ASecondRecordOfOneIdentityIsRefusedNamingTheFirst) {
  const auto id = review.create(record("2026-03-05"), {}, "sec");
  try {
    review.create(record("2026-03-05", {"expanded"}), {}, "sec");
    FAIL() << "no IdentityTaken";
  } catch (const IdentityTaken& e) {
    EXPECT_EQ(e.existing(), id);
  }
  const auto other = review.create(record("2026-03-09"), {}, "sec");
  EXPECT_THROW(review.correct(other, record("2026-03-05"), {}, "sec"), IdentityTaken);
}

TEST_P(RecordReviewTest, AReturnedRecordStopsCountingUntilResubmitted) {
  const auto id = review.create(record("2026-03-05"), {}, "sec");
  review.create(record("2026-04-05"), {}, "sec");
  EXPECT_EQ(scanned(), 2u);

  const auto counter = change_versions(db).records;
  review.give_back(id, "纪要不全", "admin@example.org");
  EXPECT_GT(change_versions(db).records, counter);
  EXPECT_EQ(scanned(), 1u);
  const auto returned = review.find(id);
  ASSERT_TRUE(returned->returned);
  EXPECT_EQ(returned->returned->reason, "纪要不全");
  EXPECT_EQ(returned->returned->by, "admin@example.org");
  // The API still lists it, with its state.
  EXPECT_EQ(review.of_unit("town", day("2026-01-01"), day("2026-12-31")).size(), 2u);

  review.correct(id, record("2026-03-05", {}, "补充了纪要"), {12, 11}, "sec");
  EXPECT_EQ(scanned(), 2u);
  EXPECT_FALSE(review.find(id)->returned);
  const auto audit = audit_of(id);
  ASSERT_EQ(audit.size(), 3u);
  EXPECT_EQ(audit[1].action, "return");
  EXPECT_NE(audit[1].after->find("纪要不全"), std::string::npos);
  EXPECT_EQ(audit[2].action, "resubmit");
  EXPECT_NE(audit[2].before->find("\"status\":\"returned\""), std::string::npos);
  EXPECT_NE(audit[2].after->find("\"status\":\"submitted\""), std::string::npos);
}

TEST_P(RecordReviewTest, FilesComeBackByteForByteAndLinksAsGiven) {
  const auto id = review.create(record("2026-03-05"), {}, "sec");
  std::string bytes("%PDF-1.4\n\0\xff\x01 end", 17);
  const auto file = review.add_file(id, "纪要", "纪要.pdf", "application/pdf", bytes, "sec");
  const auto link = review.add_link(id, "通知", "https://example.org/notice/7", "sec");
  const auto items = review.evidence(id);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].filename, "纪要.pdf");
  EXPECT_EQ(items[0].size, 17);
  EXPECT_EQ(items[1].link, "https://example.org/notice/7");
  const auto got = review.evidence_file(id, file);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->second, bytes);
  EXPECT_EQ(got->first.media_type, "application/pdf");
  EXPECT_TRUE(review.evidence_file(id, link)->second.empty());
  EXPECT_FALSE(review.evidence_file(id + 1, file));  // another record's id does not open it
  EXPECT_EQ(AuditLog(db).for_entity("evidence", std::to_string(file)).size(), 1u);

  EXPECT_TRUE(review.remove(id, "sec"));
  EXPECT_FALSE(review.find(id));
  EXPECT_EQ(count("SELECT COUNT(*) FROM record_evidence"), 0);
  EXPECT_EQ(audit_of(id).back().action, "delete");
  EXPECT_FALSE(review.remove(id, "sec"));
}

TEST_P(RecordReviewTest, ImportsLeaveTheReviewAsItWas) {
  const auto id = review.create(record("2026-03-05"), {40, 38}, "sec");
  review.give_back(id, "重做", "admin");
  RecordRepository(db).upsert({record("2026-03-05", {}, "改过")}, "cli:someone");
  const auto got = review.find(id);
  EXPECT_EQ(got->record.note, "改过");
  EXPECT_TRUE(got->returned);
  EXPECT_EQ(got->attendance, (Attendance{40, 38}));
}

TEST_P(RecordReviewTest, DbCopyCarriesTheReviewAndTheFilesToTheOtherBackendByteForByte) {
  const auto id = review.create(record("2026-03-05"), {9, 8}, "sec");
  review.give_back(id, "重做", "admin");
  std::string bytes("\x89PNG\r\n\x1A\n\0\xff", 10);
  const auto file = review.add_file(id, "现场照片", "a.png", "image/png", bytes, "sec");
  review.add_link(id, "通知", "https://example.org/n", "sec");
  cadence::testing::TestDatabase other_target(on_postgresql() ? cadence::testing::Backend::sqlite : cadence::testing::Backend::postgresql);
  Database other(other_target.uri(), Access::create);
  copy_database(db, other, false);
  RecordReview copied(other);
  const auto got = copied.find(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->attendance, (Attendance{9, 8}));
  ASSERT_TRUE(got->returned);
  EXPECT_EQ(got->returned->reason, "重做");
  EXPECT_EQ(copied.evidence(id).size(), 2u);
  EXPECT_EQ(copied.evidence_file(id, file)->second, bytes);
}

INSTANTIATE_TEST_SUITE_P(Backends, RecordReviewTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::store
