#pragma once
// A unit's page (issue 13): where it stands against each rule as of a day, its year planned and
// held on a timeline, its records of the year (returned ones with why, who entered each), the
// reminder emails about it, and for those who may, the form to record
// with and, for an administrator above, the return (退回) of a record with a reason.
#include "core/access_scope.h"
#include "core/check.h"
#include "core/planner.h"
#include "core/reminder_schedule.h"
#include "store/outbox.h"
#include "store/record_review.h"
#include "web/record_form.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cadence::web {

struct UnitView {
  const UnitTree& tree;
  std::size_t unit = 0;
  const std::vector<Rule>& rules;
  const CheckReport& report;  // the unit's own subtree as of `as_of`
  Day as_of;
  const std::vector<store::ReviewedRecord>& records;  // of the year of `as_of`
  const std::map<std::int64_t, std::string>& versions;  // each record's ETag, for its forms
  const std::map<std::int64_t, std::vector<store::Evidence>>& evidence;  // each record's
  const std::vector<Slot>& slots;  // the year's planned dates (plan_unit_year)
  const AccessScope& scope;
  std::string csrf_token;
  report::Language language = report::Language::kChinese;
  std::optional<RecordForm> form;  // the add form, when the reader may record for the unit
  std::string notice;              // what the last change did ("已保存")
  std::vector<store::OutboxMessage> emails{};  // about the unit, newest first (unit_emails.h)
  std::vector<Reminder> ahead{};  // what its passes will send from `as_of` on, not decided yet
  std::optional<std::chrono::minutes> reminder_send_time{};  // nullopt: reminders are off
  bool ahead_digests = true;  // false: `ahead` leaves the digests out (a unit with many below)
};

std::string unit_title(const UnitView& view);
std::string unit_body(const UnitView& view);

// The unit page's path, with the as-of day and language kept.
std::string unit_path(const Unit& unit, Day as_of, report::Language language);

}  // namespace cadence::web
