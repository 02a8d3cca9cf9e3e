#include "ical/ics_import.h"

#include "core/diagnostic.h"
#include "core/plain_text.h"
#include "ical/content_lines.h"
#include "ical/event_clock.h"
#include "ical/ics_scan.h"
#include "ical/occurrences.h"
#include "ical/rule_match.h"
#include "ical/text_parser.h"

#include <libical/ical.h>

#include <algorithm>
#include <map>
#include <memory>
#include <tuple>

namespace cadence {

namespace {

std::optional<std::string> x_property(icalcomponent* event, std::string_view name) {
  for (auto* p = icalcomponent_get_first_property(event, ICAL_X_PROPERTY); p;
       p = icalcomponent_get_next_property(event, ICAL_X_PROPERTY)) {
    const char* x_name = icalproperty_get_x_name(p);
    if (x_name && ical::iequals(x_name, name)) {
      const char* value = icalproperty_get_x(p);
      return value ? value : "";
    }
  }
  return std::nullopt;
}

ical::EventWords words_of(icalcomponent* event) {
  ical::EventWords words;
  words.rule_id = x_property(event, "X-CADENCE-RULE");
  words.tags = x_property(event, "X-CADENCE-TAGS");
  // libical has already split "CATEGORIES:a,b" into one property per value, unescaped.
  for (auto* p = icalcomponent_get_first_property(event, ICAL_CATEGORIES_PROPERTY); p;
       p = icalcomponent_get_next_property(event, ICAL_CATEGORIES_PROPERTY))
    if (const char* c = icalproperty_get_categories(p)) words.categories.emplace_back(c);
  if (const char* s = icalcomponent_get_summary(event)) words.summary = s;
  return words;
}

// libical drops a recurrence property it cannot read and leaves an X-LIC-ERROR instead; read
// on, the event would silently count once instead of every time it recurred.
std::string recurrence_error(icalcomponent* event) {
  for (auto* p = icalcomponent_get_first_property(event, ICAL_XLICERROR_PROPERTY); p;
       p = icalcomponent_get_next_property(event, ICAL_XLICERROR_PROPERTY)) {
    const std::string message = icalproperty_get_xlicerror(p) ? icalproperty_get_xlicerror(p) : "";
    for (const char* name : {"RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"})
      if (message.find(name) != std::string::npos) return "libical cannot read the recurrence: " + message;
  }
  return "";
}

icalproperty_status status_of(icalcomponent* event) {
  auto* p = icalcomponent_get_first_property(event, ICAL_STATUS_PROPERTY);
  return p ? icalproperty_get_status(p) : ICAL_STATUS_NONE;
}

// The VEVENTs directly inside the VCALENDAR(s), in file order.
std::vector<icalcomponent*> events_of(icalcomponent* root) {
  std::vector<icalcomponent*> calendars;
  if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT) calendars.push_back(root);
  for (auto* c = icalcomponent_get_first_component(root, ICAL_VCALENDAR_COMPONENT); c;
       c = icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT))
    calendars.push_back(c);
  std::vector<icalcomponent*> events;
  for (auto* calendar : calendars)
    for (auto* e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT))
      events.push_back(e);
  return events;
}

class Reader {
 public:
  Reader(const std::string& file, const IcsContext& context, ical::EventClock& clock)
      : file_(file), context_(context), clock_(clock) {
    for (const auto& rule : *context.rules)
      if (rule.applies_to_type(context.unit.type)) rules_.push_back(&rule);
  }

  void read(icalcomponent* event, ical::EventLines at, const ical::Overrides& overrides) {
    const int line = at.begin;
    const auto words = words_of(event);
    if (const auto problem = text_problem(words.summary, kMaxNoteBytes, LineBreaks::allowed); !problem.empty())
      return error(line, "SUMMARY (the record's note) " + problem);
    const auto match = ical::match_rule(words, rules_);
    Record r;
    r.unit = context_.unit.id;
    r.note = words.summary;
    if (match.rule) {
      r.rule = match.rule->id;
      r.tags = Tags(ical::match_tags(words, *match.rule));
    }
    const auto status = status_of(event);
    std::string held_skip;  // reasons that hold for every occurrence
    if (status == ICAL_STATUS_CANCELLED) held_skip = "cancelled";
    else if (words.rule_id && status == ICAL_STATUS_TENTATIVE) held_skip = "a Cadence suggestion (TENTATIVE), not held";
    // Our feed shows each due date as an all-day event too: it marks the deadline, not a submission.
    else if (x_property(event, "X-CADENCE-KIND") == "due-date") held_skip = "a Cadence due date, not a submission";
    std::string rule_skip = match.problem;
    if (match.rule && match.rule->kind == RuleKind::deadline && !period(event, line, *match.rule, r) && rule_skip.empty())
      rule_skip = "deadline rule '" + r.rule + "' needs X-CADENCE-PERIOD (the period the deliverable is for)";
    if (!held_skip.empty() || !rule_skip.empty()) return once(event, line, std::move(r), held_skip, rule_skip);
    if (const auto problem = recurrence_error(event); !problem.empty()) return error(line, problem);
    const auto days = ical::occurrence_days(event, clock_, context_.as_of, overrides);
    if (!days.problem.empty()) return error(days.in_rrule && at.rrule ? at.rrule : line, days.problem);
    for (const auto day : days.days) {
      r.date = day;
      add(line, r, day > context_.as_of ? after_as_of() : "");
    }
  }

  std::vector<IcsEntry> entries() && {
    merge_repeats();
    if (!diagnostics_.empty()) throw InputError(diagnostics_);
    return std::move(entries_);
  }

 private:
  std::string after_as_of() const { return "after the as-of date " + format_day(context_.as_of) + ", not held yet"; }

  // A skipped event is listed once, on its first date, however often it recurs. Not being
  // held outweighs not being held yet, which outweighs not matching a rule.
  void once(icalcomponent* event, int line, Record r, const std::string& held_skip, const std::string& rule_skip) {
    auto* start = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
    const auto day = clock_.local_day(icalproperty_get_dtstart(start), ical::tzid_of(start));
    if (!day) return error(line, ical::unknown_zone_message(ical::tzid_of(start)));
    r.date = *day;
    add(line, std::move(r), !held_skip.empty() ? held_skip : *day > context_.as_of ? after_as_of() : rule_skip);
  }

  // A deadline record is for the period X-CADENCE-PERIOD names; false when there is none.
  bool period(icalcomponent* event, int line, const Rule& rule, Record& r) {
    const auto text = x_property(event, "X-CADENCE-PERIOD");
    if (!text) return false;
    r.period = parse_period(*text);
    if (!r.period)
      error(line, "X-CADENCE-PERIOD '" + *text + "' is not a period such as 2026, 2026-H1, 2026-Q2, 2026-05 (rule '" +
                      rule.id + "')");
    return r.period.has_value();
  }

  void add(int line, Record r, std::string skip) { entries_.push_back({line, std::move(r), std::move(skip)}); }

  // A record's identity is (unit, rule, date, period): two events of one rule on one day are
  // one record, which is what a calendar holding both a meeting and its follow-up means.
  void merge_repeats() {
    std::map<std::tuple<std::string, Day, Day>, std::size_t> first;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      auto& e = entries_[i];
      if (!e.is_record()) continue;
      const auto key = std::make_tuple(e.record.rule, e.record.date, e.record.period ? e.record.period->start : Day::min());
      const auto [it, fresh] = first.emplace(key, i);
      if (fresh) continue;
      auto& kept = entries_[it->second].record;
      kept.tags.insert(e.record.tags);
      e.skip = "same rule and date as the record of line " + std::to_string(entries_[it->second].line) + " (tags merged)";
    }
  }

  void error(int line, std::string message) { diagnostics_.push_back({file_, line, 0, std::move(message)}); }

  const std::string& file_;
  const IcsContext& context_;
  ical::EventClock& clock_;
  std::vector<const Rule*> rules_;
  std::vector<IcsEntry> entries_;
  Diagnostics diagnostics_;
};

}  // namespace

std::vector<IcsEntry> read_ics(const std::string& file, std::string_view text, const IcsContext& context) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const auto lines = ical::scan_ics(file, text);
  const auto root = ical::parse_text(text);
  const auto events = root ? events_of(root.get()) : std::vector<icalcomponent*>{};
  if (events.size() != lines.size())
    throw InputError(Diagnostics{{file, 0, 0, "libical read " + std::to_string(events.size()) + " events where the file has " +
                                                  std::to_string(lines.size()) + " BEGIN:VEVENT lines"}});
  ical::EventClock clock(root.get(), date::locate_zone(context.unit.timezone.empty() ? kDefaultTimeZone : context.unit.timezone));
  const auto overrides = ical::collect_overrides(events, clock);
  Reader reader(file, context, clock);
  for (std::size_t i = 0; i < events.size(); ++i) reader.read(events[i], lines[i], overrides);
  return std::move(reader).entries();
}

}  // namespace cadence
