#include "core/compliance.h"

#include "core/due_date.h"
#include "core/plan_window.h"

#include <algorithm>

namespace cadence {

namespace {

constexpr std::array<std::string_view, kStatusCount> kStatusNames{
    "met", "made_up", "on_track", "behind", "missed", "upcoming", "done", "late", "overdue", "pending"};
constexpr std::array<Status, 6> kCadenceStatuses{Status::met,    Status::made_up, Status::on_track,
                                                 Status::behind, Status::missed,  Status::upcoming};
constexpr std::array<Status, 4> kDeadlineStatuses{Status::done, Status::late, Status::overdue, Status::pending};

// Workdays in [a, b], or calendar days when `span` has no workday at all (design.md).
std::int64_t measure(Day a, Day b, const Period& span, const WorkCalendar& calendar) {
  if (b < a) return 0;
  if (calendar.workdays(span.start, span.end) == 0) return (b - a).count() + 1;
  return calendar.workdays(a, b);
}

struct Fraction {
  std::int64_t part = 0;
  std::int64_t whole = 1;
};

// floor(x × f) in integers, never in floating point.
int expected_share(int x, Fraction f) { return f.whole == 0 ? x : static_cast<int>(x * f.part / f.whole); }

// The elapsed share of `span` (the part of the period a rule is measured over) on `until`:
// 0 before it, 1 after it. For a whole quarter, half or year every month weighs the same
// and workdays count within the month: "12 a year" means one a month, so on 2026-06-30 half
// the year has passed, though only 120 of its 248 workdays have (Spring Festival falls in
// February). Plain workdays would expect 5 sessions there, calling the seed township that
// skipped a month on track. Months, weeks, partly active units and plan windows use workdays
// over the span, as design.md says: a window is a stretch of workdays the planner spreads
// its slots over, often not whole months. See README, "Compliance".
Fraction elapsed(const Period& span, const Period& period, Day until, const WorkCalendar& calendar) {
  if (until < span.start) return {0, 1};
  until = std::min(until, span.end);
  const bool whole_months = span == period && period.kind != PeriodKind::month && period.kind != PeriodKind::week;
  if (!whole_months) return {measure(span.start, until, span, calendar), measure(span.start, span.end, span, calendar)};
  const Period month = period_containing(PeriodKind::month, until);
  const auto month_of = [](Day d) {
    const date::year_month_day ymd{d};
    return date::year_month{ymd.year(), ymd.month()};
  };
  const std::int64_t months = (month_of(period.end) - month_of(period.start)).count() + 1;
  const std::int64_t full = (month_of(month.start) - month_of(period.start)).count();
  auto in_month = calendar.workdays(month.start, until);
  auto of_month = calendar.workdays(month.start, month.end);
  if (of_month == 0) {
    in_month = (until - month.start).count() + 1;
    of_month = (month.end - month.start).count() + 1;
  }
  return {full * of_month + in_month, months * of_month};
}

struct Counts {
  int all = 0;
  std::array<int, 32> tag{};
  void add(const Entry& e) {
    ++all;
    for (std::uint32_t bits = e.tags, i = 0; bits; bits >>= 1, ++i)
      if (bits & 1u) ++tag[i];
  }
};

}  // namespace

std::string_view to_string(Status status) { return kStatusNames[static_cast<std::size_t>(status)]; }

bool is_compliant(Status status) {
  return status == Status::met || status == Status::on_track || status == Status::done ||
         status == Status::pending || status == Status::upcoming;
}

std::span<const Status> statuses_of(RuleKind kind) {
  if (kind == RuleKind::cadence) return kCadenceStatuses;
  return kDeadlineStatuses;
}

std::optional<Period> active_part(const Unit& unit, const Period& period) {
  Period part = period;
  if (unit.active_from && *unit.active_from > part.start) part.start = *unit.active_from;
  if (unit.active_until && *unit.active_until < part.end) part.end = *unit.active_until;
  if (part.end < part.start) return std::nullopt;
  return part;
}

int scaled_target(int x, const Period& active, const Period& period, const WorkCalendar& calendar) {
  if (active.start == period.start && active.end == period.end) return x;
  const auto part = measure(active.start, active.end, period, calendar);
  const auto whole = measure(period.start, period.end, period, calendar);
  if (whole == 0) return x;
  return static_cast<int>((x * part + whole - 1) / whole);
}

Counted counted_in(const Entry& e, const Period& active, const Period& period, Day as_of) {
  const bool names_other = e.names_period != Day::min() && e.names_period != period.start;
  if (!names_other && e.date >= active.start && e.date <= std::min(active.end, as_of)) return Counted::regular;
  if (e.names_period == period.start && e.date > period.end && e.date <= as_of) return Counted::makeup;
  return Counted::no;
}

std::optional<Result> evaluate_cadence(const Rule& rule, const Unit& unit, const Period& period,
                                       std::span<const Entry> entries, Day as_of,
                                       const WorkCalendar& calendar) {
  if (!rule.effective_in(period)) return std::nullopt;
  const auto active = active_part(unit, period);
  if (!active) return std::nullopt;

  Result r;
  r.period = period;
  r.start = active->start;
  r.end = active->end;
  r.target = scaled_target(rule.target, *active, period, calendar);
  std::vector<int> mins;
  for (const auto& q : rule.quotas) mins.push_back(scaled_target(q.min, *active, period, calendar));

  const Day counted_until = std::min(active->end, as_of);
  Counts regular, with_makeups;
  for (const auto& e : entries) {
    const auto counted = counted_in(e, *active, period, as_of);
    if (counted == Counted::regular) regular.add(e);
    if (counted != Counted::no) with_makeups.add(e);
  }

  // Measured over the active part (it replaces P in every formula), narrowed to the plan
  // window: behind once the window has passed without the record, never before it opens.
  const Fraction f = elapsed(planning_span(rule.plan.window, *active, period), period, counted_until, calendar);
  r.done = with_makeups.all;
  r.expected = expected_share(r.target, f);
  for (std::size_t i = 0; i < rule.quotas.size(); ++i)
    r.quotas.push_back({rule.quotas[i].tag, mins[i], with_makeups.tag[i], expected_share(mins[i], f)});

  auto satisfied = [&](const Counts& c) {
    if (c.all < r.target) return false;
    for (std::size_t i = 0; i < mins.size(); ++i)
      if (c.tag[i] < mins[i]) return false;
    return true;
  };
  auto below_expected = [&] {
    if (r.done < r.expected) return true;
    return std::any_of(r.quotas.begin(), r.quotas.end(), [](const QuotaProgress& q) { return q.done < q.expected; });
  };

  if (active->start > as_of) r.status = Status::upcoming;
  else if (satisfied(regular)) r.status = Status::met;
  else if (satisfied(with_makeups)) r.status = Status::made_up;
  else if (as_of > active->end) r.status = Status::missed;
  else if (below_expected()) r.status = Status::behind;
  else r.status = Status::on_track;
  return r;
}

std::optional<Result> evaluate_deadline(const Rule& rule, const Unit& unit, const Period& period,
                                        std::span<const Entry> entries, Day as_of,
                                        const WorkCalendar& calendar) {
  if (!rule.effective_in(period) || !rule.due) return std::nullopt;
  const auto due = due_date(*rule.due, period, calendar);
  if (!due || !unit.active_on(*due)) return std::nullopt;

  Result r;
  r.period = period;
  r.start = period.start;
  r.end = period.end;
  r.due = due;
  for (const auto& e : entries)
    if (e.names_period == period.start && e.date <= as_of && (!r.submitted || e.date < *r.submitted))
      r.submitted = e.date;
  r.done = r.submitted ? 1 : 0;
  r.target = 1;
  if (r.submitted) r.status = *r.submitted <= *due ? Status::done : Status::late;
  else r.status = as_of > *due ? Status::overdue : Status::pending;
  return r;
}

}  // namespace cadence
