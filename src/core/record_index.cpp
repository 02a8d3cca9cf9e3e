#include "core/record_index.h"

#include <algorithm>

namespace cadence {

std::uint32_t tag_bit(const Rule& rule, std::string_view tag) {
  for (std::size_t i = 0; i < rule.quotas.size(); ++i)
    if (rule.quotas[i].tag == tag) return 1u << i;
  return 0;
}

Entry to_entry(const Rule& rule, const Record& record) {
  Entry e{record.date};
  if (record.period) e.names_period = record.period->start;
  for (const auto& tag : record.tags) e.tags |= tag_bit(rule, tag);
  return e;
}

Entry to_entry(const Rule& rule, Day date, std::string_view tags, std::optional<Day> names_period) {
  Entry e{date};
  if (names_period) e.names_period = *names_period;
  Tags::for_each_in(tags, [&](std::string_view tag) { e.tags |= tag_bit(rule, tag); });
  return e;
}

RecordIndex::RecordIndex(std::size_t units, std::size_t rules)
    : rules_(rules), offsets_(units * rules + 1, 0) {}

void RecordIndex::add(std::size_t unit, std::size_t rule, Entry entry) {
  keys_.push_back(static_cast<std::uint32_t>(unit * rules_ + rule));
  entries_.push_back(entry);
}

void RecordIndex::seal() {
  // Counting sort by group: linear, and stable so records keep their input order.
  for (auto k : keys_) ++offsets_[k + 1];
  for (std::size_t i = 1; i < offsets_.size(); ++i) offsets_[i] += offsets_[i - 1];
  // Added group by group already (kept records are): nothing to move.
  if (std::is_sorted(keys_.begin(), keys_.end())) {
    keys_.clear();
    keys_.shrink_to_fit();
    return;
  }
  std::vector<Entry> sorted(entries_.size());
  std::vector<std::uint32_t> next(offsets_.begin(), offsets_.end() - 1);
  for (std::size_t i = 0; i < entries_.size(); ++i) sorted[next[keys_[i]]++] = entries_[i];
  entries_ = std::move(sorted);
  keys_.clear();
  keys_.shrink_to_fit();
}

std::span<const Entry> RecordIndex::of(std::size_t unit, std::size_t rule) const {
  const auto k = unit * rules_ + rule;
  return {entries_.data() + offsets_[k], entries_.data() + offsets_[k + 1]};
}

}  // namespace cadence
