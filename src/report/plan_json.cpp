#include "report/plan_json.h"

#include "json/json_writer.h"

#include <cstdio>

namespace cadence::report {

using json::JsonWriter;

std::string time_text(std::chrono::minutes t) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(t.count() / 60), static_cast<int>(t.count() % 60));
  return buf;
}

void write_plan_json(std::ostream& out, const Unit& unit, int year, const std::vector<Slot>& slots, const std::vector<Rule>& rules) {
  JsonWriter json(out);
  json.begin_object().field("unit", unit.id).field("year", year).key("slots").begin_array();
  for (const auto& s : slots) {
    const Rule& rule = rules[s.rule];
    json.begin_object()
        .field("rule", rule.id)
        .field("period", s.period.id())
        .field("slot", s.index)
        .field("of", s.of)
        .field("date", format_day(s.date));
    if (rule.plan.time) json.field("time", time_text(*rule.plan.time));
    json.key("tags").begin_array();
    for (const auto& t : s.tags) json.value(t);
    json.end_array().end_object();
  }
  json.end_array().end_object();
  json.flush();
  out << '\n';
}

}  // namespace cadence::report
