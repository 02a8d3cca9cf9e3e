#pragma once
// A requirement: how often a unit of some types must hold an activity (cadence) or file a
// deliverable by a due date (deadline), and how it is planned and reminded.
#include "core/day.h"
#include "core/iso_duration.h"
#include "core/period.h"
#include "core/plan_window.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace cadence {

enum class RuleKind { cadence, deadline };
std::string_view to_string(RuleKind kind);

struct Quota {
  std::string tag;
  int min = 0;
  std::string label;
};

struct DueSpec {
  enum class Anchor { start, end };
  Anchor from = Anchor::end;
  // Exactly one of them is set.
  std::optional<int> workdays;
  std::optional<int> days;
};

struct PlanSpec {
  std::optional<date::weekday> weekday;
  std::optional<std::chrono::minutes> time;  // local time of day
  std::optional<IsoDuration> duration;
  std::optional<PlanWindow> window;  // the time of year the sessions are held in
};

struct RemindSpec {
  std::vector<IsoDuration> before;
  std::optional<int> escalate_after_workdays;
};

struct Rule {
  std::string id;
  std::string title;
  std::string short_title;  // for calendar entries ("中心组学习"); empty: use title
  std::string title_en;
  std::vector<std::string> applies_to;
  RuleKind kind = RuleKind::cadence;
  PeriodKind period = PeriodKind::year;
  int target = 0;  // cadence rules
  std::vector<Quota> quotas;
  std::optional<DueSpec> due;  // deadline rules
  std::string source;
  std::string cite;  // the citation people read (feed DESCRIPTION); empty: show source
  std::string authority;  // "central" or "local"
  std::string note;
  std::optional<Day> effective_from;
  std::optional<Day> effective_until;
  PlanSpec plan;
  RemindSpec remind;

  bool applies_to_type(std::string_view type) const;
  // A rule applies only in periods that start within its effective range.
  bool effective_in(const Period& period) const;
  const Quota* quota(std::string_view tag) const;
  const std::string& display_title() const { return short_title.empty() ? title : short_title; }
};

}  // namespace cadence
