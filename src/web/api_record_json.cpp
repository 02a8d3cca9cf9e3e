#include "web/api_record_json.h"

#include "core/plain_text.h"
#include "csv/records_csv.h"
#include "json/json_writer.h"
#include "web/request_error.h"

#include <Poco/JSON/Array.h>

#include <sstream>

namespace cadence::web {

namespace {

using json::JsonWriter;

std::string stamp(std::chrono::sys_seconds at) { return date::format("%FT%TZ", at); }

void write_evidence(JsonWriter& json, const store::Evidence& e) {
  json.begin_object().field("id", static_cast<long long>(e.id)).field("kind", e.kind);
  if (!e.link.empty()) {
    json.field("link", e.link);
  } else {
    json.field("filename", e.filename).field("media_type", e.media_type).field("size", static_cast<long long>(e.size));
  }
  json.field("href", "/api/v1/records/" + std::to_string(e.record) + "/evidence/" + std::to_string(e.id))
      .field("created_at", stamp(e.created_at))
      .field("created_by", e.created_by)
      .end_object();
}

void write_record(JsonWriter& json, const store::ReviewedRecord& r, const std::vector<store::Evidence>* evidence) {
  const auto& rec = r.record;
  json.begin_object()
      .field("id", static_cast<long long>(rec.id))
      .field("unit", rec.unit)
      .field("rule", rec.rule)
      .field("date", format_day(rec.date));
  if (rec.period) json.field("period", rec.period->id());
  json.key("tags").begin_array();
  for (const auto& t : rec.tags) json.value(t);
  json.end_array().field("note", rec.note).key("attendance").begin_object();
  if (r.attendance.expected) json.field("expected", static_cast<long long>(*r.attendance.expected));
  if (r.attendance.present) json.field("present", static_cast<long long>(*r.attendance.present));
  json.end_object().field("status", r.returned ? "returned" : "submitted");
  if (r.returned)
    json.key("returned").begin_object().field("reason", r.returned->reason).field("by", r.returned->by)
        .field("at", stamp(r.returned->at)).end_object();
  if (evidence) {
    json.key("evidence").begin_array();
    for (const auto& e : *evidence) write_evidence(json, e);
    json.end_array();
  }
  json.field("created_at", stamp(r.created_at)).field("created_by", r.created_by)
      .field("updated_at", stamp(r.updated_at)).field("updated_by", r.updated_by).end_object();
}

RequestError invalid(const std::string& field, const std::string& message) { return RequestError(422, field, field + ": " + message); }

std::string text_field(const Poco::JSON::Object& body, const std::string& name, bool required, std::size_t max,
                       LineBreaks breaks = LineBreaks::refused) {
  if (!body.has(name) || body.isNull(name)) {
    if (required) throw invalid(name, "is required");
    return "";
  }
  const auto value = body.get(name);
  if (!value.isString()) throw invalid(name, "is not a string");
  auto text = value.extract<std::string>();
  if (const auto problem = text_problem(text, max, breaks); !problem.empty()) throw invalid(name, problem);
  return text;
}

std::optional<std::int64_t> count_field(const Poco::JSON::Object& attendance, const std::string& name) {
  const std::string field = "attendance." + name;
  if (!attendance.has(name) || attendance.isNull(name)) return std::nullopt;
  const auto value = attendance.get(name);
  if (!value.isInteger()) throw invalid(field, "is not a whole number");
  const auto n = value.convert<Poco::Int64>();
  if (n < 0 || n > 1'000'000) throw invalid(field, std::to_string(n) + " is not between 0 and 1000000");
  return n;
}

store::Attendance attendance_field(const Poco::JSON::Object& body) {
  if (!body.has("attendance") || body.isNull("attendance")) return {};
  const auto object = body.getObject("attendance");
  if (!object) throw invalid("attendance", "is not an object such as {\"expected\": 30, \"present\": 28}");
  store::Attendance a{count_field(*object, "expected"), count_field(*object, "present")};
  if (a.expected && a.present && *a.present > *a.expected)
    throw invalid("attendance.present", "实到 " + std::to_string(*a.present) + " is more than 应到 " + std::to_string(*a.expected));
  return a;
}

Tags tags_field(const Poco::JSON::Object& body) {
  if (!body.has("tags") || body.isNull("tags")) return {};
  const auto array = body.getArray("tags");
  if (!array) throw invalid("tags", "is not an array of strings");
  std::vector<std::string> tags;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto v = array->get(static_cast<unsigned>(i));
    if (!v.isString()) throw invalid("tags", "is not an array of strings");
    auto tag = v.extract<std::string>();
    if (const auto problem = text_problem(tag, kMaxIdBytes); !problem.empty()) throw invalid("tags", problem);
    if (tag.empty() || tag.find(';') != std::string::npos) throw invalid("tags", "a tag cannot be empty or contain ';'");
    tags.push_back(std::move(tag));
  }
  return Tags(std::move(tags));
}

}  // namespace

std::string record_json(const store::ReviewedRecord& r, const std::vector<store::Evidence>& evidence) {
  std::ostringstream out;
  {
    JsonWriter json(out);
    write_record(json, r, &evidence);
  }
  return out.str() + "\n";
}

std::string records_json(const std::string& unit, const std::vector<store::ReviewedRecord>& records) {
  std::ostringstream out;
  {
    JsonWriter json(out);
    json.begin_object().field("unit", unit).key("records").begin_array();
    for (const auto& r : records) write_record(json, r, nullptr);
    json.end_array().end_object();
  }
  return out.str() + "\n";
}

std::string evidence_json(const store::Evidence& e) {
  std::ostringstream out;
  {
    JsonWriter json(out);
    write_evidence(json, e);
  }
  return out.str() + "\n";
}

RecordInput record_input(const Poco::JSON::Object& body, const Unit& unit, const std::vector<Rule>& rules) {
  RecordInput in;
  auto& r = in.record;
  r.unit = unit.id;
  if (const auto given = text_field(body, "unit", false, kMaxIdBytes); !given.empty() && given != unit.id)
    throw invalid("unit", "a record stays with its unit ('" + unit.id + "'); record it there instead");
  r.rule = text_field(body, "rule", true, kMaxIdBytes);
  const auto date_text = text_field(body, "date", true, kMaxIdBytes);
  const auto day = parse_day(date_text);
  if (!day) throw invalid("date", "'" + date_text + "' is not a date (YYYY-MM-DD)");
  r.date = *day;
  r.tags = tags_field(body);
  if (const auto period = text_field(body, "period", false, kMaxIdBytes); !period.empty()) {
    r.period = parse_period(period);
    if (!r.period) throw invalid("period", "'" + period + "' is not a period such as 2026-H1");
  }
  r.note = text_field(body, "note", false, kMaxNoteBytes, LineBreaks::allowed);
  in.attendance = attendance_field(body);
  const RecordContext context{{{unit.id, unit.type}}, &rules};
  if (auto problem = check_record(r, context); !problem.empty()) {
    const auto colon = problem.find(": ");
    throw RequestError(422, colon == std::string::npos ? "" : problem.substr(0, colon), problem);
  }
  return in;
}

}  // namespace cadence::web
