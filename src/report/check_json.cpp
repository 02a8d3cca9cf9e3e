#include "report/check_json.h"

#include "json/json_writer.h"

namespace cadence::report {

using json::JsonWriter;

void write_check_json(std::ostream& out, const CheckReport& report, const UnitTree& tree, const std::vector<Rule>& rules) {
  JsonWriter json(out);
  json.begin_object().field("as_of", format_day(report.as_of)).key("results").begin_array();
  for (const auto& r : report.results) {
    const Rule& rule = rules[r.rule];
    json.begin_object()
        .field("unit", tree.at(r.unit).id)
        .field("rule", rule.id)
        .field("period", r.period.id())
        .field("start", format_day(r.start))
        .field("end", format_day(r.end));
    if (r.due) json.field("due", format_day(*r.due));
    if (rule.kind == RuleKind::deadline && r.submitted) json.field("submitted", format_day(*r.submitted));
    if (rule.kind == RuleKind::cadence) {
      json.field("target", r.target).field("done", r.done).field("expected", r.expected);
      if (!r.quotas.empty()) {
        json.key("quotas").begin_array();
        for (const auto& q : r.quotas)
          json.begin_object().field("tag", q.tag).field("min", q.min).field("done", q.done).field("expected", q.expected).end_object();
        json.end_array();
      }
    }
    json.field("status", to_string(r.status)).end_object();
  }
  json.end_array().key("rollup").begin_array();
  for (const auto& r : report.rollup) {
    json.begin_object()
        .field("unit", tree.at(r.unit).id)
        .field("rule", rules[r.rule].id)
        .field("period", r.period.id())
        .field("applicable", r.applicable)
        .key("counts")
        .begin_object();
    for (auto s : statuses_of(rules[r.rule].kind)) json.field(to_string(s), r.counts[static_cast<std::size_t>(s)]);
    json.end_object().field("rate", r.rate()).end_object();
  }
  json.end_array().end_object();
  json.flush();
  out << '\n';
}

}  // namespace cadence::report
