#pragma once
// The synthetic province in memory, as the core benchmarks read it: the bench rules, the work
// calendar, the unit tree and a year (2026) of records, built once per size.
#include "calendars/calendar_loader.h"
#include "core/record_index.h"
#include "core/unit_tree.h"
#include "rules/rule_loader.h"
#include "synthetic_county.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace cadence::bench {

struct Province {
  std::vector<Rule> rules = load_rules_or_throw(CADENCE_SOURCE_DIR "/bench/rules");
  WorkCalendar calendar = load_calendar_or_throw(CADENCE_SOURCE_DIR "/calendars");
  UnitTree tree;
  std::unique_ptr<RecordIndex> records;

  // `adjust` changes the rules before the records are made (a benchmark's own settings).
  Province(std::size_t units, const std::function<void(std::vector<Rule>&)>& adjust) : tree(synthetic_units(units)) {
    if (adjust) adjust(rules);
    std::unordered_map<std::string, std::size_t> rule_index;
    for (std::size_t i = 0; i < rules.size(); ++i) rule_index.emplace(rules[i].id, i);
    records = std::make_unique<RecordIndex>(tree.size(), rules.size());
    synthetic_records(tree.units(), rules, 2026, calendar, [&](const Record& r) {
      const auto rule = rule_index.at(r.rule);
      records->add(*tree.find(r.unit), rule, to_entry(rules[rule], r));
    });
    records->seal();
  }
};

// One Province per size, built on first use.
inline const Province& province(std::size_t units, const std::function<void(std::vector<Rule>&)>& adjust = {}) {
  static std::map<std::size_t, std::unique_ptr<Province>> cache;
  auto& p = cache[units];
  if (!p) p = std::make_unique<Province>(units, adjust);
  return *p;
}

}  // namespace cadence::bench
