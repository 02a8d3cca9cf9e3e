#pragma once
// Records reduced to what compliance needs, grouped by (unit, rule) so that checking
// 100,000 units reads each group as one contiguous span.
#include "core/day.h"
#include "core/record.h"
#include "core/rule.h"

#include <cstdint>
#include <span>
#include <vector>

namespace cadence {

struct Entry {
  Day date;
  // First day of the period the record names (a deadline's period, a cadence make-up);
  // Day::min() when it names none.
  Day names_period = Day::min();
  std::uint32_t tags = 0;  // bit i: carries rule.quotas[i].tag
};

// The bit of `tag` in Entry::tags for this rule; 0 when the rule has no such quota.
// REQUIRES: rule.quotas.size() <= 32 (the rule loader enforces it).
std::uint32_t tag_bit(const Rule& rule, std::string_view tag);
Entry to_entry(const Rule& rule, const Record& record);
// The same from a stored record's columns as they are read (tags in Tags' text form), without
// building a Record: `names_period` is the first day of the period it names, if any.
Entry to_entry(const Rule& rule, Day date, std::string_view tags, std::optional<Day> names_period);

class RecordIndex {
 public:
  RecordIndex(std::size_t units, std::size_t rules);
  void add(std::size_t unit, std::size_t rule, Entry entry);
  // Groups what was added; call once, after the last add.
  void seal();
  std::span<const Entry> of(std::size_t unit, std::size_t rule) const;
  std::size_t size() const { return entries_.size(); }

 private:
  std::size_t rules_;
  std::vector<std::uint32_t> keys_;  // before seal: key per entry
  std::vector<Entry> entries_;
  std::vector<std::uint32_t> offsets_;  // after seal: group (unit * rules + rule) range
};

}  // namespace cadence
