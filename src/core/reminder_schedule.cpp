#include "core/reminder_schedule.h"

#include "core/due_date.h"

#include <set>

namespace cadence {

namespace {

using What = OpenItem::What;

std::string key(ReminderKind kind, const Unit& unit, std::string_view rule, std::string_view period,
                std::string_view level, std::string_view lead) {
  std::string k(to_string(kind));
  for (auto part : {std::string_view(unit.id), rule, period, level, lead}) {
    k += ':';
    k += part.empty() ? "-" : part;
  }
  return k;
}

// The workday a reminder `lead` before `day` goes out on: the last one on or before it.
std::optional<Day> send_day_for(const IsoDuration& lead, Day day, const WorkCalendar& calendar) {
  return calendar.last_workday_on_or_before(lead.before(day));
}

struct UnitPass {
  const ReminderInputs& in;
  std::size_t unit_index;
  const Unit& unit;
  const ReminderMoment& moment;
  SlotPlans& plans;
  std::vector<Reminder> out;

  Reminder base(ReminderKind kind, std::size_t r, const Period& period) const {
    Reminder rem;
    rem.kind = kind;
    rem.unit = unit_index;
    rem.rule = r;
    rem.period = period;
    rem.send_day = moment.today;
    return rem;
  }

  void upcoming(std::size_t r, const Period& period) {
    const Rule& rule = in.rules[r];
    const auto result = evaluate_cadence(rule, unit, period, in.records(unit_index, r), moment.today, in.calendar);
    if (!result) return;
    for (const auto& slot : plans.of(rule, r, unit, period, in.calendar)) {
      if (slot_done(slot, result->done) || slot.date < moment.today) continue;
      for (const auto& lead : rule.remind.before) {
        const auto send = send_day_for(lead, slot.date, in.calendar);
        if (!send || *send > moment.today) continue;
        auto rem = base(ReminderKind::upcoming, r, period);
        rem.key = key(rem.kind, unit, rule.id, period.id(), std::to_string(slot.index), lead.text);
        rem.slot = slot.index;
        rem.of = slot.of;
        rem.lead = lead.text;
        rem.event_day = slot.date;
        rem.send_day = *send;
        rem.done = result->done;
        rem.target = result->target;
        out.push_back(std::move(rem));
      }
    }
  }

  bool behind_on(std::size_t r, const Period& period, Day day) const {
    const auto result = evaluate_cadence(in.rules[r], unit, period, in.records(unit_index, r), day, in.calendar);
    return result && result->status == Status::behind;
  }

  // Behind on each of the last N workdays, today included.
  bool stayed_behind(std::size_t r, const Period& period, int workdays) const {
    Day day = moment.today;
    for (int i = 1; i < workdays; ++i) {
      const auto before = in.calendar.last_workday_on_or_before(day - date::days{1});
      if (!before || !period.contains(*before) || !behind_on(r, period, *before)) return false;
      day = *before;
    }
    return true;
  }

  void behind(std::size_t r, const Period& period) {
    const Rule& rule = in.rules[r];
    const auto result = evaluate_cadence(rule, unit, period, in.records(unit_index, r), moment.today, in.calendar);
    if (!result || result->status != Status::behind) return;
    auto rem = base(ReminderKind::behind, r, period);
    rem.key = key(rem.kind, unit, rule.id, period.id(), std::to_string(result->expected), "");
    rem.event_day = result->end;
    rem.done = result->done;
    rem.expected = result->expected;
    rem.target = result->target;
    out.push_back(rem);
    const auto after = rule.remind.escalate_after_workdays;
    if (!after || unit.parent.empty() || !stayed_behind(r, period, std::max(1, *after))) return;
    rem.kind = ReminderKind::escalation;
    rem.key = key(rem.kind, unit, rule.id, period.id(), std::to_string(result->expected), "");
    out.push_back(std::move(rem));
  }

  void missed(std::size_t r, const Period& period) {
    const Rule& rule = in.rules[r];
    const auto result = evaluate_cadence(rule, unit, period, in.records(unit_index, r), moment.today, in.calendar);
    if (!result || result->status != Status::missed) return;
    auto rem = base(ReminderKind::missed, r, period);
    rem.key = key(rem.kind, unit, rule.id, period.id(), "", "");
    rem.event_day = result->end;
    rem.done = result->done;
    rem.target = result->target;
    out.push_back(std::move(rem));
  }

  void deadline(std::size_t r, const Period& period) {
    const Rule& rule = in.rules[r];
    const auto result = evaluate_deadline(rule, unit, period, in.records(unit_index, r), moment.today, in.calendar);
    if (!result || !result->due) return;
    if (result->status == Status::overdue) {
      auto rem = base(ReminderKind::overdue, r, period);
      rem.key = key(rem.kind, unit, rule.id, period.id(), "", "");
      rem.event_day = *result->due;
      out.push_back(std::move(rem));
      return;
    }
    if (result->status != Status::pending) return;
    for (const auto& lead : rule.remind.before) {
      const auto send = send_day_for(lead, *result->due, in.calendar);
      if (!send || *send > moment.today) continue;
      auto rem = base(ReminderKind::due, r, period);
      rem.key = key(rem.kind, unit, rule.id, period.id(), "", lead.text);
      rem.lead = lead.text;
      rem.event_day = *result->due;
      rem.send_day = *send;
      out.push_back(std::move(rem));
    }
  }

  // Slots and due dates may lie this far ahead and still have a reminder due today: the longest
  // lead, plus a month for the holidays a reminder moves back over (春节 is nine days).
  Day horizon(const Rule& rule) const {
    int days = 0;
    for (const auto& lead : rule.remind.before) days = std::max(days, lead.years * 366 + lead.months * 31 + lead.days + 1);
    return moment.today + date::days{days + 31};
  }

  void rule(std::size_t r) {
    const Rule& rule = in.rules[r];
    if (!rule.applies_to_type(unit.type)) return;
    const auto current = period_containing(rule.period, moment.today);
    const auto until = horizon(rule);
    if (rule.kind == RuleKind::cadence) {
      for (auto p = current; p.start <= until; p = next_period(p)) upcoming(r, p);
      behind(r, current);
      missed(r, previous_period(current));
      return;
    }
    for (auto p = previous_period(current); p.start <= until; p = next_period(p)) deadline(r, p);
  }

  // A digest is sent from the first workday of its period on, while the period lasts.
  void digest(ReminderKind kind, const Period& period, const std::vector<std::size_t>& units) {
    const auto first = in.calendar.nth_workday_from(period.start, 1);
    if (!first || *first > moment.today) return;
    Reminder rem;
    rem.kind = kind;
    rem.unit = unit_index;
    rem.period = period;
    rem.event_day = period.end;
    rem.send_day = *first;
    rem.key = key(kind, unit, "", period.id(), "", "");
    for (auto u : units) {
      auto items = open_items(in, u, moment.today, std::max(period.start, moment.today), period.end, plans);
      rem.items.insert(rem.items.end(), items.begin(), items.end());
    }
    // Nothing open: nothing to say.
    if (!rem.items.empty()) out.push_back(std::move(rem));
  }
};

void open_cadence(const ReminderInputs& in, std::size_t u, std::size_t r, Day today, Day from, Day to,
                  SlotPlans& plans, std::vector<OpenItem>& out) {
  const Rule& rule = in.rules[r];
  const Unit& unit = in.tree.at(u);
  const auto current = period_containing(rule.period, today);
  for (auto period = current; period.start <= to; period = next_period(period)) {
    const auto result = evaluate_cadence(rule, unit, period, in.records(u, r), today, in.calendar);
    if (!result) continue;
    if (period == current && result->status == Status::behind)
      out.push_back({What::behind, u, r, period, today, 0, 0, result->done, result->expected, result->target});
    for (const auto& slot : plans.of(rule, r, unit, period, in.calendar))
      if (!slot_done(slot, result->done) && slot.date >= std::max(today, from) && slot.date <= to)
        out.push_back({What::session, u, r, period, slot.date, slot.index, slot.of, result->done, 0, result->target});
  }
}

void open_deadline(const ReminderInputs& in, std::size_t u, std::size_t r, Day today, Day from, Day to,
                   std::vector<OpenItem>& out) {
  const Rule& rule = in.rules[r];
  const auto current = period_containing(rule.period, today);
  for (const auto& period : {previous_period(current), current, next_period(current)}) {
    const auto result = evaluate_deadline(rule, in.tree.at(u), period, in.records(u, r), today, in.calendar);
    if (!result || !result->due) continue;
    if (result->status == Status::overdue)
      out.push_back({What::overdue, u, r, period, *result->due, 0, 0, 0, 0, 0});
    else if (result->status == Status::pending && *result->due >= from && *result->due <= to)
      out.push_back({What::deadline, u, r, period, *result->due, 0, 0, 0, 0, 0});
  }
}

}  // namespace

std::string_view to_string(ReminderKind kind) {
  switch (kind) {
    case ReminderKind::upcoming: return "upcoming";
    case ReminderKind::due: return "due";
    case ReminderKind::behind: return "behind";
    case ReminderKind::escalation: return "escalation";
    case ReminderKind::missed: return "missed";
    case ReminderKind::overdue: return "overdue";
    case ReminderKind::digest_month: return "digest-month";
    case ReminderKind::digest_week: return "digest-week";
  }
  return "?";
}

Audience audience_of(ReminderKind kind) {
  switch (kind) {
    case ReminderKind::escalation: return Audience::parent_admins;
    case ReminderKind::missed:
    case ReminderKind::overdue: return Audience::secretary_and_parent_admins;
    case ReminderKind::digest_week: return Audience::own_admins;
    default: return Audience::secretary;
  }
}

bool is_sending_moment(const ReminderMoment& moment, const WorkCalendar& calendar) {
  return moment.time_of_day >= moment.send_time && calendar.is_workday(moment.today);
}

const std::vector<Slot>& SlotPlans::of(const Rule& rule, std::size_t rule_index, const Unit& unit,
                                       const Period& period, const WorkCalendar& calendar) {
  if (rule.kind != RuleKind::cadence || !rule.applies_to_type(unit.type) || !rule.effective_in(period)) return none_;
  const auto active = active_part(unit, period);
  if (!active) return none_;
  const auto k = std::make_tuple(rule_index, period.start, active->start, active->end);
  auto it = plans_.find(k);
  if (it == plans_.end()) it = plans_.emplace(k, plan_unit_period(rule, rule_index, unit, period, calendar)).first;
  return it->second;
}

std::vector<OpenItem> open_items(const ReminderInputs& in, std::size_t unit, Day today, Day from, Day to,
                                 SlotPlans& plans) {
  std::vector<OpenItem> out;
  for (std::size_t r = 0; r < in.rules.size(); ++r) {
    if (!in.rules[r].applies_to_type(in.tree.at(unit).type)) continue;
    if (in.rules[r].kind == RuleKind::cadence)
      open_cadence(in, unit, r, today, from, to, plans, out);
    else
      open_deadline(in, unit, r, today, from, to, out);
  }
  return out;
}

std::vector<Reminder> reminders_due(const ReminderInputs& in, std::size_t unit, const ReminderMoment& moment,
                                    SlotPlans& plans) {
  if (!is_sending_moment(moment, in.calendar)) return {};
  UnitPass pass{in, unit, in.tree.at(unit), moment, plans, {}};
  for (std::size_t r = 0; r < in.rules.size(); ++r) pass.rule(r);
  if (unit < in.no_digests.size() && in.no_digests[unit]) return std::move(pass.out);
  pass.digest(ReminderKind::digest_month, period_containing(PeriodKind::month, moment.today), {unit});
  // The administrators' digest covers their whole subtree, the unit itself included. A unit
  // with nobody below and no administrators has nobody to send it to (its secretary has the
  // monthly one); one with units below but no administrators is listed as no_address.
  if (!in.tree.children(unit).empty() || !in.tree.at(unit).admin_emails.empty())
    pass.digest(ReminderKind::digest_week, period_containing(PeriodKind::week, moment.today), in.tree.subtree(unit));
  return std::move(pass.out);
}

std::vector<Reminder> reminders_ahead(const ReminderInputs& in, std::size_t unit, Day from, int days,
                                      std::chrono::minutes send_time, SlotPlans& plans) {
  std::vector<Reminder> ahead;
  std::set<std::string> seen;
  for (int i = 0; i < days; ++i) {
    const Day day = from + date::days{i};
    for (auto& r : reminders_due(in, unit, ReminderMoment{day, send_time, send_time}, plans))
      if (seen.insert(r.key).second) {
        r.send_day = std::max(r.send_day, day);
        ahead.push_back(std::move(r));
      }
  }
  return ahead;
}

}  // namespace cadence
