#pragma once
// Which reminder emails are due for a unit at a moment (design.md, Reminders): values in,
// values out. The scheduler calls this on every wake-up and lets the outbox's keys decide what
// is new, so that no timer is kept that a restart or a clock jump could lose or fire twice.
#include "core/compliance.h"
#include "core/feed.h"
#include "core/planner.h"
#include "core/rule.h"
#include "core/unit_tree.h"
#include "core/work_calendar.h"

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace cadence {

enum class ReminderKind { upcoming, due, behind, escalation, missed, overdue, digest_month, digest_week };
std::string_view to_string(ReminderKind kind);

// Who gets it. Escalations and weekly digests go to administrators, of the parent unit and of
// the unit itself; missed and overdue to both the secretary and the parent's administrators.
enum class Audience { secretary, parent_admins, secretary_and_parent_admins, own_admins };
Audience audience_of(ReminderKind kind);

// One open item a digest lists: a session not held, a deliverable not filed, a rule behind.
struct OpenItem {
  enum class What { session, deadline, behind, overdue } what = What::session;
  std::size_t unit = 0;
  std::size_t rule = 0;
  Period period;
  Day day;  // the session's or due date; for `behind`, the as-of day
  int slot = 0;
  int of = 0;
  int done = 0;
  int expected = 0;
  int target = 0;
};

struct Reminder {
  std::string key;  // design.md's X-Cadence-Key
  ReminderKind kind = ReminderKind::upcoming;
  std::size_t unit = 0;  // the unit the email is about
  std::optional<std::size_t> rule;
  Period period;
  int slot = 0;  // upcoming: k of `of`
  int of = 0;
  std::string lead;  // upcoming, due: as written in the rule ("P7D")
  Day event_day;     // the slot's or due date; the period's end for missed
  Day send_day;      // the workday it was meant to go out on; before today when it is late
  int done = 0;
  int expected = 0;
  int target = 0;
  std::vector<OpenItem> items;  // digests: what is still open
};

// The local moment of a pass in the unit's zone, and the configured send time.
struct ReminderMoment {
  Day today;
  std::chrono::minutes time_of_day{0};
  std::chrono::minutes send_time{9 * 60};
};

// Whether anything may go out for a unit at this moment: a workday of its calendar, at or after
// the send time. A reminder scheduled for a day that is not one moves to the previous workday.
bool is_sending_moment(const ReminderMoment& moment, const WorkCalendar& calendar);

// Plans shared by the units whose active part of a period is the same, computed once.
class SlotPlans {
 public:
  const std::vector<Slot>& of(const Rule& rule, std::size_t rule_index, const Unit& unit, const Period& period,
                              const WorkCalendar& calendar);

 private:
  std::map<std::tuple<std::size_t, Day, Day, Day>, std::vector<Slot>> plans_;
  std::vector<Slot> none_;
};

struct ReminderInputs {
  const std::vector<Rule>& rules;
  const UnitTree& tree;
  const EntriesOf& records;
  const WorkCalendar& calendar;
  // Units that turned their digests off, by index (empty: none did).
  std::vector<bool> no_digests{};
};

// Every reminder about `unit` that is due at `moment` and still useful, whether or not it was
// sent already: upcoming slots and due dates per lead, behind, escalation, missed, overdue, and
// the digests (monthly for its secretary; weekly for its administrators, covering its subtree
// with itself, when it has units below or administrators of its own).
// Empty when `moment` is not a sending moment.
std::vector<Reminder> reminders_due(const ReminderInputs& in, std::size_t unit, const ReminderMoment& moment,
                                    SlotPlans& plans);

// What a unit will be sent on the `days` days from `from` on, as its records stand now: for each
// day a sending moment at `send_time`, each reminder once, on the first day it is due. What the
// unit's page announces as coming (a pass has not decided these yet).
std::vector<Reminder> reminders_ahead(const ReminderInputs& in, std::size_t unit, Day from, int days,
                                      std::chrono::minutes send_time, SlotPlans& plans);

// What is open for `unit` between `from` and `to`, as of `today`: sessions not held and
// deliverables not filed in that span, rules behind now, deliverables overdue.
std::vector<OpenItem> open_items(const ReminderInputs& in, std::size_t unit, Day today, Day from, Day to,
                                 SlotPlans& plans);

}  // namespace cadence
