#include "store/record_identity.h"

#include "store_fixture.h"

namespace cadence::store {
namespace {

using test::day;

Record record(std::string unit, const char* date, std::optional<Period> period = std::nullopt) {
  return Record{0, std::move(unit), "study", day(date), {}, period, ""};
}

TEST(RecordIdentity, OrdersByUnitRuleDateThenPeriodThenPosition) {
  const std::vector<Record> records{record("b", "2026-01-01"), record("a", "2026-02-01"),
                                    record("a", "2026-01-01", parse_period("2025-Q4")),
                                    record("a", "2026-01-01"), record("a", "2026-02-01")};
  EXPECT_EQ(identity_order(records), (std::vector<std::size_t>{3, 2, 1, 4, 0}));
}

TEST(RecordIdentity, DistinctIdentitiesHaveNoRepeat) {
  const std::vector<Record> records{record("a", "2026-01-01"),
                                    record("a", "2026-01-01", parse_period("2025-Q4")),
                                    record("a", "2026-01-01", parse_period("2025-12"))};
  EXPECT_EQ(first_repeated_identity(records, identity_order(records)), std::nullopt);
}

TEST(RecordIdentity, NamesTheEarliestRepeatWithItsFirstOccurrence) {
  const std::vector<Record> records{record("a", "2026-01-01"), record("b", "2026-01-01"),
                                    record("b", "2026-01-01"), record("a", "2026-01-01"),
                                    record("b", "2026-01-01")};
  EXPECT_EQ(first_repeated_identity(records, identity_order(records)),
            (std::pair<std::size_t, std::size_t>{1, 2}));
}

}  // namespace
}  // namespace cadence::store
