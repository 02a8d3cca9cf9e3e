#pragma once
// The daily notice to a unit's administrators that reminder emails about it could not be
// delivered: its key (design.md's format, kind `failures`) and its text. Values in, values out.
#include "core/reminder_text.h"
#include "core/unit.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cadence {

// One message that was given up on, as the outbox keeps it.
struct FailedMessage {
  std::int64_t id = 0;  // for `cadence outbox show|retry ID`
  std::string key;
  std::vector<std::string> to;
  bool unconfirmed = false;  // handed over twice without an answer, rather than refused
  std::string reply;         // the server's last reply, or the error
};

// "failures:UNIT:-:YYYY-MM-DD:-:-": one per unit and local day, whatever the number of failures.
std::string failure_notice_key(const Unit& unit, Day day);

ReminderText failure_notice_text(const Unit& unit, Day day, const std::vector<FailedMessage>& failed,
                                 Language language);

}  // namespace cadence
