#pragma once
// What was held (an activity) or submitted (a deliverable), by one unit for one rule.
#include "core/day.h"
#include "core/period.h"
#include "core/tags.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cadence {

struct Record {
  std::int64_t id = 0;  // 0 until stored
  std::string unit;
  std::string rule;
  Day date;
  Tags tags;
  // Deadline rules: the period fulfilled. Cadence rules: set only for a make-up (补开)
  // of an earlier period.
  std::optional<Period> period;
  std::string note;

  friend bool operator==(const Record&, const Record&) = default;
};

}  // namespace cadence
