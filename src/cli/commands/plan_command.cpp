// cadence plan --unit ID --year YYYY [--format json|table|ics]
#include "cli/commands/commands.h"
#include "report/plan_json.h"
#include "cli/text_table.h"
#include "cli/workspace.h"
#include "core/feed.h"
#include "core/planner.h"
#include "ical/feed_ics.h"

#include <charconv>
#include <cstdio>

namespace cadence::cli {

namespace {

void write_table(std::ostream& out, const Unit& unit, int year, const std::vector<Slot>& slots, const std::vector<Rule>& rules) {
  out << "建议日程 Suggested dates for " << unit.name << " (" << unit.id << "), " << year << "\n\n";
  TextTable table({"日期 Date", "时间 Time", "要求 Rule", "周期 Period", "次序 Slot", "类别 Tags"});
  std::vector<const Slot*> by_date;
  for (const auto& s : slots) by_date.push_back(&s);
  std::stable_sort(by_date.begin(), by_date.end(), [](const Slot* a, const Slot* b) { return a->date < b->date; });
  for (const auto* s : by_date) {
    const Rule& rule = rules[s->rule];
    std::string tags;
    for (const auto& t : s->tags) tags += (tags.empty() ? "" : "，") + (rule.quota(t) ? rule.quota(t)->label : t);
    table.add({format_day(s->date) + " " + std::string(date::format("%a", date::weekday{s->date})),
               rule.plan.time ? report::time_text(*rule.plan.time) : "", rule.title, s->period.id(),
               "第" + std::to_string(s->index) + "次/共" + std::to_string(s->of) + "次", tags});
  }
  if (table.empty()) out << "No cadence rule applies to this unit in " << year << ".\n";
  else table.print(out);
}

// A one-off export, not a subscription: every item is version 0, stamped now.
void write_ics(const Invocation& inv, const Unit& unit, int year, const std::vector<Slot>& slots, const std::vector<Rule>& rules) {
  const Feed feed = plan_feed(rules, unit, slots);
  const ItemVersion stamp{0, std::chrono::floor<std::chrono::seconds>(inv.now)};
  const std::vector<ItemVersion> versions(feed.items.size(), stamp);
  inv.out << ical::render_feed(feed, versions, {std::chrono::minutes{inv.settings.refresh_minutes}, Day{date::year{year} / 1 / 1}});
}

}  // namespace

int run_plan(const Invocation& inv) {
  inv.args.allow({"unit", "year", "format"});
  const std::string usage = "cadence plan --unit ID --year YYYY [--format json|table|ics]";
  inv.args.expect_positionals(1, usage);
  const auto unit_id = inv.args.option("unit");
  const auto year_text = inv.args.option("year");
  if (!unit_id || !year_text) throw UsageError("usage: " + usage);
  int year = 0;
  auto [ptr, ec] = std::from_chars(year_text->data(), year_text->data() + year_text->size(), year);
  if (ec != std::errc{} || ptr != year_text->data() + year_text->size() || year < 1970 || year > 2200)
    throw UsageError("--year '" + *year_text + "' is not a year between 1970 and 2200");
  const auto format = format_option(inv, {"json", "table", "ics"});

  const auto rules = load_rules(inv);
  const auto calendar = load_calendar(inv);
  auto db = open_database(inv, store::Access::read_only);
  const auto tree = load_unit_tree(*db);
  const Unit& unit = tree.at(unit_index(tree, *unit_id));
  const auto slots = plan_unit_year(rules, unit, date::year{year}, calendar);
  const Day jan1{date::year{year} / 1 / 1};
  const Day last = slots.empty() ? jan1 : std::max_element(slots.begin(), slots.end(), [](auto& a, auto& b) {
    return a.period.end < b.period.end;
  })->period.end;
  warn_missing_schedules(inv, calendar, jan1, last);
  if (format == "ics") write_ics(inv, unit, year, slots, rules);
  else if (format == "json") report::write_plan_json(inv.out, unit, year, slots, rules);
  else write_table(inv.out, unit, year, slots, rules);
  return 0;
}

}  // namespace cadence::cli
