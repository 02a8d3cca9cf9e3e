#pragma once
// A unit's own calendar export (.ics) read as the records of what it held.
#include "core/day.h"
#include "core/record.h"
#include "core/rule.h"
#include "core/unit.h"

#include <string>
#include <string_view>
#include <vector>

namespace cadence {

struct IcsContext {
  Unit unit;
  const std::vector<Rule>* rules = nullptr;  // every rule; only those for the unit's type count
  Day as_of;                                 // events after it have not been held yet
};

// One VEVENT, or one occurrence of a recurring VEVENT.
struct IcsEntry {
  int line = 0;   // of the VEVENT's BEGIN
  Record record;  // rule empty when none matched; date always set
  std::string skip;  // why this is not a record ("cancelled", …); empty when it is one

  bool is_record() const { return skip.empty(); }
};

// Every VEVENT of `text` (UTF-8) in file order, recurring ones expanded up to the as-of date
// (the first occurrence after it is listed, skipped, so every event shows up). Records carry
// the unit, the matched rule, the unit's local date, tags, the period of a deadline rule
// (X-CADENCE-PERIOD) and the SUMMARY as note; they are not checked against the rules here
// (see check_record). Two events that make the same record become one, tags merged.
// Throws InputError with `file:line` when the file is malformed (see scan_ics), an event's
// SUMMARY is over kMaxNoteBytes, or an event that would be a record has a TZID no one defines,
// a recurrence libical cannot read (or would search for ever: see occurrence_days), or an
// X-CADENCE-PERIOD that is no period.
std::vector<IcsEntry> read_ics(const std::string& file, std::string_view text, const IcsContext& context);

}  // namespace cadence
