// GET /api/v1/units/{id}, …/tree, …/compliance, …/plan and /api/v1/rules.
#include "calendars/local_date.h"
#include "json/json_writer.h"
#include "report/check_json.h"
#include "web/judge.h"
#include "report/plan_json.h"
#include "web/api_handlers.h"
#include "web/report_cache.h"

#include <charconv>
#include <random>
#include <sstream>

namespace cadence::web {

namespace {

using json::JsonWriter;

void write_unit_fields(JsonWriter& json, const Unit& u) {
  json.field("id", u.id);
  if (u.parent.empty()) json.key("parent").null();
  else json.field("parent", u.parent);
  json.field("name", u.name).field("type", u.type).field("timezone", u.timezone);
  if (u.active_from) json.field("active_from", format_day(*u.active_from));
  if (u.active_until) json.field("active_until", format_day(*u.active_until));
}

template <typename Write>
std::string json_text(Write write) {
  std::ostringstream out;
  {
    JsonWriter json(out);
    write(json);
  }
  return out.str() + "\n";
}

Day as_of(const ApiCall& call) {
  const auto text = query_value(call.c, "as_of");
  if (!text) return local_day(call.c.now, call.site.timezone).day;
  const auto day = parse_day(*text);
  if (!day) throw RequestError(400, "as_of", "as_of: '" + *text + "' is not a date (YYYY-MM-DD)");
  return *day;
}

}  // namespace

HttpResponse get_unit(ApiCall& call) {
  const auto u = call.unit(call.c.params.at("id"), Action::kRead);
  const auto& tree = *call.tree;
  return json_get(call.c, json_text([&](JsonWriter& json) {
    json.begin_object();
    write_unit_fields(json, tree.at(u));
    json.key("children").begin_array();
    for (const auto child : tree.children(u)) {
      json.begin_object();
      write_unit_fields(json, tree.at(child));
      json.end_object();
    }
    json.end_array().end_object();
  }));
}

HttpResponse get_unit_tree(ApiCall& call) {
  const auto u = call.unit(call.c.params.at("id"), Action::kRead);
  const auto& tree = *call.tree;
  return json_get(call.c, json_text([&](JsonWriter& json) {
    json.begin_object().field("root", tree.at(u).id).key("units").begin_array();
    for (const auto v : tree.subtree(u)) {
      json.begin_object();
      write_unit_fields(json, tree.at(v));
      json.end_object();
    }
    json.end_array().end_object();
  }));
}

namespace {

// Rules and calendars are read once, at start: an answer's key (the unit, day, period and the
// change counters) names its bytes within one process only.
const std::string& process_tag() {
  static const std::string tag = [] {
    std::random_device random;
    return std::to_string(random()) + "." + std::to_string(random());
  }();
  return tag;
}

}  // namespace

HttpResponse get_compliance(ApiCall& call) {
  const auto u = call.unit(call.c.params.at("id"), Action::kRead);
  CheckQuery query{as_of(call), std::nullopt, u};
  if (const auto p = query_value(call.c, "period")) {
    query.period = parse_period(*p);
    if (!query.period)
      throw RequestError(400, "period", "period: '" + *p + "' is not a period such as 2026, 2026-H1, 2026-Q1, 2026-03, 2026-W07");
  }
  // Released before judging, which borrows a connection of its own.
  const auto key = report_key(*call.c.db(), *call.tree, query);
  // Whoever asks gets the same bytes for the same unit, day and period: the scope was checked above.
  return json_get(call.c, call.site.compliance.get(key, [&] {
    const auto report = judge(call.site, call.c, call.tree, query);
    std::ostringstream out;
    report::write_check_json(out, report, *call.tree, call.site.rules);
    auto kept = std::make_shared<CachedJson>();
    kept->body = std::move(out).str();
    // The key names the bytes (hashing a province's 158 MB took a fifth of its first answer).
    kept->etag = etag_of(key + process_tag());
    return std::shared_ptr<const CachedJson>(std::move(kept));
  }));
}

HttpResponse get_plan(ApiCall& call) {
  const auto u = call.unit(call.c.params.at("id"), Action::kRead);
  const auto text = query_value(call.c, "year").value_or("");
  int year = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || year < 1970 || year > 2200)
    throw RequestError(400, "year", "year: '" + text + "' is not a year between 1970 and 2200");
  const auto& unit = call.tree->at(u);
  const auto slots = plan_unit_year(call.site.rules, unit, date::year{year}, call.site.calendar);
  std::ostringstream out;
  report::write_plan_json(out, unit, year, slots, call.site.rules);
  return json_get(call.c, out.str());
}

HttpResponse get_rules(ApiCall& call) {
  return json_get(call.c, json_text([&](JsonWriter& json) {
    json.begin_object().key("rules").begin_array();
    for (const auto& r : call.site.rules) {
      json.begin_object().field("id", r.id).field("title", r.title).field("kind", r.kind == RuleKind::cadence ? "cadence" : "deadline")
          .field("period", to_string(r.period));
      if (r.kind == RuleKind::cadence) json.field("target", r.target);
      json.key("applies_to").begin_array();
      for (const auto& t : r.applies_to) json.value(t);
      json.end_array().key("quotas").begin_array();
      for (const auto& q : r.quotas) json.begin_object().field("tag", q.tag).field("label", q.label).field("min", q.min).end_object();
      json.end_array().field("source", r.source).end_object();
    }
    json.end_array().end_object();
  }));
}

}  // namespace cadence::web
