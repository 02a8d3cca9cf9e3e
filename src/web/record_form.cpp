#include "web/record_form.h"

#include "web/error_response.h"
#include "web/page.h"

#include <charconv>
#include <set>

namespace cadence::web {

namespace {

using report::Language;

std::string esc(std::string_view text) { return html_escape(text); }

std::string count_text(const std::optional<std::int64_t>& n) { return n ? std::to_string(*n) : ""; }

Poco::Dynamic::Var count_value(const std::string& text) {
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec == std::errc{} && end == text.data() + text.size()) return Poco::Int64{n};
  return text;
}

// The refusal of `field`, placed under it; the field is marked invalid for screen readers.
std::string problem_html(const RecordForm& f, std::string_view field) {
  if (!f.problem || f.problem->field != field) return "";
  return "<span class=\"field-error\" role=\"alert\" id=\"error-" + std::string(field) + "\">" + esc(f.problem->message) +
         "</span>";
}

std::string invalid_attr(const RecordForm& f, std::string_view field) {
  return f.problem && f.problem->field == field ? " aria-invalid=\"true\" aria-describedby=\"error-" + std::string(field) + "\""
                                                 : "";
}

std::string input(const RecordForm& f, std::string_view label, std::string_view name, std::string_view field,
                  std::string_view type, const std::string& value, std::string_view extra = "") {
  return "<label>" + esc(label) + " <input type=\"" + std::string(type) + "\" name=\"" + std::string(name) + "\" value=\"" +
         esc(value) + "\"" + std::string(extra) + invalid_attr(f, field) + ">" + problem_html(f, field) + "</label>\n";
}

std::string rule_select(const RecordForm& f) {
  std::string html = "<label>" + std::string(pick(f.language, "制度", "Rule")) + " <select name=\"rule\" required" +
                     invalid_attr(f, "rule") + ">";
  for (const auto& r : f.rules)
    if (r.applies_to_type(f.unit.type))
      html += "<option value=\"" + esc(r.id) + "\"" + (r.id == f.values.rule ? " selected" : "") + ">" +
              esc(report::display_rule_title(r, f.language)) + "</option>";
  return html + "</select>" + problem_html(f, "rule") + "</label>\n";
}

std::string tag_boxes(const RecordForm& f) {
  std::set<std::string> seen;
  std::string html = "<fieldset class=\"tags\"><legend>" + std::string(pick(f.language, "标记", "Tags")) + "</legend>";
  for (const auto& r : f.rules) {
    if (!r.applies_to_type(f.unit.type)) continue;
    for (const auto& q : r.quotas) {
      if (!seen.insert(q.tag).second) continue;
      const bool on = std::find(f.values.tags.begin(), f.values.tags.end(), q.tag) != f.values.tags.end();
      html += "<label><input type=\"checkbox\" name=\"tags\" value=\"" + esc(q.tag) + "\"" + (on ? " checked" : "") + "> " +
              esc(q.label.empty() ? q.tag : q.label) + "</label>";
    }
  }
  return html + problem_html(f, "tags") + "</fieldset>\n";
}

}  // namespace

RecordFormValues form_values(const store::ReviewedRecord& r) {
  RecordFormValues v;
  v.rule = r.record.rule;
  v.date = format_day(r.record.date);
  if (r.record.period) v.period = r.record.period->id();
  v.note = r.record.note;
  v.expected = count_text(r.attendance.expected);
  v.present = count_text(r.attendance.present);
  for (const auto& t : r.record.tags) v.tags.push_back(t);
  return v;
}

RecordFormValues form_values(const FormFields& fields) {
  RecordFormValues v;
  for (const auto& [name, value] : fields) {
    if (name == "rule") v.rule = value;
    else if (name == "date") v.date = value;
    else if (name == "period") v.period = value;
    else if (name == "note") v.note = value;
    else if (name == "expected") v.expected = value;
    else if (name == "present") v.present = value;
    else if (name == "tags" && !value.empty()) v.tags.push_back(value);
  }
  return v;
}

Poco::JSON::Object::Ptr record_object(const RecordFormValues& v) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("rule", v.rule);
  o->set("date", v.date);
  o->set("period", v.period);
  o->set("note", v.note);
  Poco::JSON::Array::Ptr tags = new Poco::JSON::Array;
  for (const auto& t : v.tags) tags->add(t);
  o->set("tags", tags);
  Poco::JSON::Object::Ptr attendance = new Poco::JSON::Object;
  if (!v.expected.empty()) attendance->set("expected", count_value(v.expected));
  if (!v.present.empty()) attendance->set("present", count_value(v.present));
  o->set("attendance", attendance);
  return o;
}

std::string record_form_html(const RecordForm& f) {
  const auto lang = f.language;
  std::string html = "<form class=\"record\" method=\"post\" action=\"" + esc(f.action) + "\">\n"
                     "<input type=\"hidden\" name=\"csrf_token\" value=\"" + esc(f.csrf_token) + "\">\n";
  if (!f.version.empty()) html += "<input type=\"hidden\" name=\"version\" value=\"" + esc(f.version) + "\">\n";
  if (lang == Language::kEnglish) html += "<input type=\"hidden\" name=\"lang\" value=\"en\">\n";
  html += "<input type=\"hidden\" name=\"as_of\" value=\"" + esc(f.as_of) + "\">\n";
  if (f.problem && f.problem->field.empty())
    html += "<p class=\"field-error\" role=\"alert\">" + esc(f.problem->message) + "</p>\n";
  html += rule_select(f);
  html += input(f, pick(lang, "日期", "Date"), "date", "date", "date", f.values.date, " required");
  html += tag_boxes(f);
  html += input(f, pick(lang, "期间（报送或补开时填）", "Period (a report's, or a make-up's)"), "period", "period", "text",
                f.values.period, " placeholder=\"2026-H1\" size=\"9\"");
  html += input(f, pick(lang, "应到", "Expected"), "expected", "attendance.expected", "number", f.values.expected, " min=\"0\"");
  html += input(f, pick(lang, "实到", "Present"), "present", "attendance.present", "number", f.values.present, " min=\"0\"");
  html += "<label>" + std::string(pick(lang, "备注", "Note")) + " <textarea name=\"note\" rows=\"2\" cols=\"40\"" +
          invalid_attr(f, "note") + ">" + esc(f.values.note) + "</textarea>" + problem_html(f, "note") + "</label>\n";
  const auto submit = f.version.empty() ? pick(lang, "保存记录", "Save the record") : pick(lang, "保存修改", "Save the changes");
  return html + "<button type=\"submit\">" + std::string(submit) + "</button>\n</form>\n";
}

}  // namespace cadence::web
