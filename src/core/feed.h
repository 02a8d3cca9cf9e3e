#pragma once
// What a unit's calendar feed shows, as values: the planned sessions of its cadence rules, its
// deadlines, and optionally the holidays of the work calendar. src/ical only renders them.
#include "core/iso_duration.h"
#include "core/period.h"
#include "core/planner.h"
#include "core/record_index.h"
#include "core/rule.h"
#include "core/unit_tree.h"
#include "core/work_calendar.h"

#include <chrono>
#include <functional>
#include <span>
#include <optional>
#include <string>
#include <vector>

namespace cadence {

enum class FeedItemKind {
  session,         // a planned slot of a cadence rule: a timed or all-day event
  deadline,        // a deliverable's due date: rendered as a to-do and as an all-day event
  holiday,         // off days of the official schedule (放假)
  makeup_workday,  // a weekend day worked instead (调休上班)
};

struct FeedItem {
  FeedItemKind kind = FeedItemKind::session;
  // Stable across fetches and unique in the feed: clients key on it.
  std::string uid;
  std::string unit;  // unit id; empty for the work calendar's layer
  std::string zone;  // the unit's time zone, in which `time` is meant
  std::string rule;  // rule id; empty for the work calendar's layer
  std::string period;
  Day date;       // session: suggested date, or the date held; deadline: due date; holiday: first day
  Day last_date;  // holidays: last day (inclusive); otherwise == date
  std::optional<std::chrono::minutes> time;      // sessions of rules with plan.time
  std::chrono::minutes duration{0};              // with `time`
  bool done = false;                             // session held; deliverable submitted
  std::optional<Day> done_on;                    // deadline: the submission's date
  std::vector<std::string> tags;                 // suggested tags, or the held record's tags
  std::string summary;
  std::string description;
  std::string category;                          // the rule's title
  std::vector<IsoDuration> alarms;               // before the start, or before the due date
  // Set where the item reads differently in the feeds that show it: a descendant's deadline
  // names its unit in an ancestor's subtree feed, not in its own. It is one item (one UID, one
  // SEQUENCE) in both, so fingerprint() returns this, which covers both readings.
  std::string common_fingerprint;
};

struct FeedRequest {
  Day today;
  bool subtree = false;   // add every descendant's deadlines
  bool holidays = false;  // add the work calendar's holidays and make-up workdays
};

struct Feed {
  std::string name;  // the calendar's display name
  std::string zone;  // the unit's time zone
  std::vector<FeedItem> items;  // sessions and deadlines by date, then the calendar layer
};

// Sessions of every cadence rule for the current and next period; deadlines of the previous,
// current and next period that fall due from the start of the current one on. A session is
// done when the unit has at least k records counted in its period (as compliance counts them,
// up to `today`); it then shows the date the k-th was held.
// The records of (unit, rule) by their indexes in `tree` and `rules`; a feed needs those of
// the unit, and for `subtree` those of its descendants.
using EntriesOf = std::function<std::span<const Entry>(std::size_t unit, std::size_t rule)>;

Feed build_feed(const std::vector<Rule>& rules, const UnitTree& tree, std::size_t unit, const EntriesOf& records,
                const FeedRequest& request, const WorkCalendar& calendar);

// `cadence plan --format ics`: the slots as suggested sessions, none of them held.
Feed plan_feed(const std::vector<Rule>& rules, const Unit& unit, const std::vector<Slot>& slots);

// Every field of an item that a client sees, in one string: equal fingerprints, equal
// rendering, in every feed that shows the item. Used to tell when an item changed (SEQUENCE,
// DTSTAMP, Last-Modified).
std::string fingerprint(const FeedItem& item);

// "2026年", "2026年上半年", "2026年第2季度", "2026年5月", "2026年第7周".
std::string period_label(const Period& period);

}  // namespace cadence
