#include "web/record_pages.h"

#include "calendars/local_date.h"
#include "core/plain_text.h"
#include "web/api_handlers.h"
#include "web/api_record_json.h"
#include "web/api_support.h"
#include "web/error_response.h"
#include "web/judge.h"
#include "web/overview_request.h"
#include "web/page_call.h"
#include "web/unit_emails.h"
#include "web/unit_page.h"

#include <charconv>

namespace cadence::web {

namespace {

using report::Language;

// What a unit page is asked for: the day it is judged at and its language, from the query of a
// GET or the fields of a form.
struct PageQuery {
  Day as_of;
  Language language = Language::kChinese;
};

PageQuery page_query(const PageCall& call, const FormFields& fields) {
  PageQuery q{local_day(call.c.now, call.site.api.timezone).day};
  for (const auto& [name, value] : fields) {
    if (name == "as_of") {
      if (const auto day = parse_day(value)) q.as_of = *day;
      else if (!value.empty()) throw RequestError(400, "as_of", "as_of: '" + value + "' is not a date (YYYY-MM-DD)");
    }
    if (name == "lang") q.language = report::parse_language(value).value_or(Language::kChinese);
  }
  return q;
}

FormFields form_fields(const RequestContext& c) {
  auto body = parse_body(c.request.header("Content-Type").value_or(""), c.request.content);
  if (body.media_type != "application/x-www-form-urlencoded")
    throw RequestError(415, "", "a page's form is sent as application/x-www-form-urlencoded");
  return std::get<FormFields>(std::move(body.value));
}

std::string field_of(const FormFields& fields, std::string_view name) {
  for (const auto& [n, v] : fields)
    if (n == name) return v;
  return "";
}

// Everything a unit page needs from the database, read through one lease.
struct UnitData {
  std::shared_ptr<const CheckReport> report;
  std::vector<store::ReviewedRecord> records;
  std::map<std::int64_t, std::string> versions;
  std::map<std::int64_t, std::vector<store::Evidence>> evidence;
  std::vector<Slot> slots;
  std::vector<store::OutboxMessage> emails;
  std::vector<Reminder> ahead;
  bool ahead_digests = true;  // whether `ahead` includes the unit's digests
};

// A weekly digest lists the unit's whole subtree, and the list to come looks for it on each of
// 14 days: above this many units (a county), the page leaves the digests out and says so.
constexpr std::size_t kAheadDigestsUnits = 2'000;

// What the unit's reminder passes will send from `as_of` on, as its records stand then: the
// passes' own decision (reminders_ahead), less the keys a pass has decided already.
std::vector<Reminder> reminders_to_come(const PageCall& call, std::size_t u, Day as_of, bool& with_digests) {
  const auto& site = call.site;
  if (!site.reminder_send_time) return {};
  with_digests = call.tree->subtree(u).size() <= kAheadDigestsUnits;
  // What a pass reads: from the start of last year (escalations and make-ups look back).
  const Day from{(date::year_month_day{as_of}.year() - date::years{1}) / 1 / 1};
  // Without digests only the unit's own records count.
  const auto records = subtree_records(site.api, call.c, call.tree, u, from, as_of, with_digests);
  const EntriesOf entries = [&records](std::size_t unit, std::size_t rule) { return records.of(unit, rule); };
  ReminderInputs in{site.api.rules, *call.tree, entries, site.api.calendar};
  auto db = call.c.db();
  in.no_digests.assign(call.tree->size(), false);
  for (const auto& id : store::DigestOptouts(*db).units())
    if (const auto v = call.tree->find(id)) in.no_digests[*v] = true;
  if (!with_digests) in.no_digests[u] = true;
  SlotPlans plans;
  auto ahead = reminders_ahead(in, u, as_of, kRemindersAheadDays, *site.reminder_send_time, plans);
  std::vector<std::string> keys;
  for (const auto& r : ahead) keys.push_back(r.key);
  const auto decided = store::Outbox(*db).existing_keys(keys);
  std::erase_if(ahead, [&decided](const Reminder& r) { return decided.contains(r.key); });
  return ahead;
}

UnitData read_unit(const PageCall& call, std::size_t u, Day as_of) {
  UnitData d;
  d.report = judged(call.site, call.c, call.tree, CheckQuery{as_of, std::nullopt, u});
  d.ahead = reminders_to_come(call, u, as_of, d.ahead_digests);
  auto db = call.c.db();
  store::RecordReview review(*db);
  const auto year = date::year_month_day{as_of}.year();
  d.records = review.of_unit(call.tree->at(u).id, Day{year / 1 / 1}, Day{year / 12 / 31});
  for (const auto& r : d.records) {
    auto& evidence = d.evidence[r.record.id] = review.evidence(r.record.id);
    d.versions[r.record.id] = etag_of(record_json(r, evidence));
  }
  d.slots = plan_unit_year(call.site.api.rules, call.tree->at(u), year, call.site.api.calendar);
  d.emails = store::Outbox(*db).of_unit(call.tree->at(u).id, kUnitEmailsShown);
  return d;
}

struct Shown {
  std::optional<RecordFormValues> values;  // what a refused form sent
  std::optional<FormProblem> problem;
  std::string notice;
  int status = 200;
};

HttpResponse render_unit(const PageCall& call, std::size_t u, const PageQuery& q, Shown shown) {
  const auto& unit = call.tree->at(u);
  const auto data = read_unit(call, u, q.as_of);
  const auto scope = call.scope();
  const auto csrf = call.site.auth.csrf_token(call.c).value_or("");
  UnitView view{*call.tree, u, call.site.api.rules, *data.report, q.as_of, data.records, data.versions, data.evidence, data.slots, scope,
                csrf, q.language,
                std::nullopt, shown.notice, data.emails, data.ahead, call.site.reminder_send_time,
                data.ahead_digests};
  if (scope.may(Action::kRecord, u)) {
    RecordFormValues values = shown.values.value_or(RecordFormValues{});
    if (!shown.values) values.date = format_day(q.as_of);
    view.form.emplace(RecordForm{"/units/" + url_encode(unit.id) + "/records", csrf, "", format_day(q.as_of), unit,
                                 call.site.api.rules, std::move(values), shown.problem, q.language});
  }
  auto frame = call.frame(q.language, unit_title(view));
  frame.other_language_url = unit_path(unit, q.as_of, q.language == Language::kChinese ? Language::kEnglish : Language::kChinese);
  return html_response(shown.status, page_html(frame, unit_body(view)));
}

std::string notice_of(const RequestContext& c, Language lang) {
  for (const auto& [name, value] : c.request.query_parameters()) {
    if (name != "done") continue;
    if (value == "saved") return std::string(pick(lang, "记录已保存。", "The record is saved."));
    if (value == "deleted") return std::string(pick(lang, "记录已删除。", "The record is deleted."));
    if (value == "returned") return std::string(pick(lang, "记录已退回本单位。", "The record went back to its unit."));
    if (value == "evidence") return std::string(pick(lang, "佐证材料已上传。", "The evidence is attached."));
  }
  return "";
}

HttpResponse back_to_unit(const PageCall& call, std::size_t u, const PageQuery& q, std::string_view done) {
  return see_other(unit_path(call.tree->at(u), q.as_of, q.language) + "&done=" + std::string(done) + "#records");
}

// A record the reader may do `action` with, and its unit; 403 for one outside the scope and for
// one that does not exist alike.
std::pair<store::ReviewedRecord, std::size_t> record_for(const PageCall& call, store::RecordReview& review, Action action) {
  std::int64_t id = 0;
  const auto& text = call.c.params.at("rid");
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  auto record = ec == std::errc{} && end == text.data() + text.size() ? review.find(id) : std::nullopt;
  if (!record) throw RequestError(403, "record", "this record is not within your units");
  const auto u = call.unit(record->record.unit, action);
  return {std::move(*record), u};
}

// Inside the change's transaction: the record held, then compared with the version its form
// was made from.
void hold_if_unchanged(store::RecordReview& review, std::int64_t id, const std::string& version, Language lang) {
  const auto current = review.lock(id) ? review.find(id) : std::nullopt;
  if (!current) throw RequestError(403, "record", "this record is not within your units");
  if (etag_of(record_json(*current, review.evidence(id))) != version)
    throw RequestError(409, "", std::string(pick(lang, "这条记录在你打开后已被修改：请重新打开再改。",
                                                        "The record changed after you opened it: open it again.")));
}

// The upload of a file (PDF, JPEG, PNG) to a record, sent as the API takes it.
std::string evidence_form(const PageCall& call, const store::ReviewedRecord& record, const PageQuery& q) {
  const auto lang = q.language;
  std::string kinds;
  for (const char* k : store::kEvidenceKinds) kinds += "<option>" + std::string(k) + "</option>";
  return "<h2>" + std::string(pick(lang, "上传佐证材料", "Attach evidence")) +
         "</h2>\n<form class=\"record\" method=\"post\" enctype=\"multipart/form-data\" action=\"/records/" +
         std::to_string(record.record.id) + "/evidence\"><input type=\"hidden\" name=\"csrf_token\" value=\"" +
         html_escape(call.site.auth.csrf_token(call.c).value_or("")) + "\"><input type=\"hidden\" name=\"as_of\" value=\"" +
         format_day(q.as_of) + "\">" + (lang == Language::kEnglish ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "") +
         "<label>" + std::string(pick(lang, "类别", "Kind")) + " <select name=\"kind\">" + kinds + "</select></label><label>" +
         std::string(pick(lang, "文件（PDF、JPEG、PNG，≤10 MB）", "File (PDF, JPEG, PNG, up to 10 MB)")) +
         " <input type=\"file\" name=\"file\" accept=\"application/pdf,image/jpeg,image/png\" required></label><button "
         "type=\"submit\">" + std::string(pick(lang, "上传", "Upload")) + "</button></form>\n";
}

struct EditShown {
  RecordFormValues values;
  std::string version;  // of the record when its form was first made
  std::optional<FormProblem> problem;
  int status = 200;
};

HttpResponse render_edit(const PageCall& call, const std::pair<store::ReviewedRecord, std::size_t>& found,
                         const PageQuery& q, EditShown shown) {
  const auto& [record, u] = found;
  const auto& unit = call.tree->at(u);
  const RecordForm form{"/records/" + std::to_string(record.record.id), call.site.auth.csrf_token(call.c).value_or(""),
                        shown.version, format_day(q.as_of), unit, call.site.api.rules, std::move(shown.values),
                        std::move(shown.problem), q.language};
  const auto title = unit.name + " · " + std::string(pick(q.language, "修改记录", "Correct a record"));
  std::string body = "<nav class=\"crumbs\"><a href=\"" + html_escape(unit_path(unit, q.as_of, q.language)) + "\">" +
                     html_escape(unit.name) + "</a></nav>\n<h1>" + html_escape(title) + "</h1>\n";
  if (record.returned)
    body += "<p class=\"notice\">" + std::string(pick(q.language, "退回原因：", "Returned because: ")) +
            html_escape(record.returned->reason) + "</p>\n";
  return html_response(shown.status,
                       page_html(call.frame(q.language, title), body + record_form_html(form) + evidence_form(call, record, q)));
}

// A form posted about one record: who posts it (its CSRF checked), what it sent, the page it
// returns to, and the record with its unit, read through `review`.
struct RecordPost {
  const PageCall& call;
  const FormFields& fields;
  const PageQuery& q;
  store::Database& db;
  store::RecordReview& review;
  const store::ReviewedRecord& record;
  std::size_t unit;
};

template <typename Change>
HttpResponse post_about_record(DashboardSite& site, RequestContext& c, Action action, Change change) {
  const auto call = open_page(site, c);
  if (!call) return see_other("/login");
  call->check_csrf();
  const auto fields = form_fields(c);
  const auto q = page_query(*call, fields);
  auto db = c.db();
  store::RecordReview review(*db);
  const auto [record, u] = record_for(*call, review, action);
  return change(RecordPost{*call, fields, q, *db, review, record, u});
}

}  // namespace

HttpResponse unit_page(DashboardSite& site, RequestContext& c) {
  const auto call = open_page(site, c);
  if (!call) return see_other("/login");
  const auto u = call->unit(c.params.at("id"), Action::kRead);
  const auto q = page_query(*call, c.request.query_parameters());
  return render_unit(*call, u, q, {std::nullopt, std::nullopt, notice_of(c, q.language), 200});
}

HttpResponse add_record_page(DashboardSite& site, RequestContext& c) {
  const auto call = open_page(site, c);
  if (!call) return see_other("/login");
  const auto u = call->unit(c.params.at("id"), Action::kRecord);
  call->check_csrf();
  const auto fields = form_fields(c);
  const auto q = page_query(*call, fields);
  const auto values = form_values(fields);
  try {
    const auto input = record_input(*record_object(values), call->tree->at(u), site.api.rules);
    auto db = c.db();
    store::RecordReview(*db).create(input.record, input.attendance, call->who.email);
  } catch (const RequestError& e) {
    if (e.status() != 422) throw;
    return render_unit(*call, u, q, {values, FormProblem{e.field(), e.what()}, "", 422});
  } catch (const store::IdentityTaken& e) {
    return render_unit(*call, u, q, {values, FormProblem{"date", e.what()}, "", 409});
  }
  return back_to_unit(*call, u, q, "saved");
}

HttpResponse edit_record_page(DashboardSite& site, RequestContext& c) {
  const auto call = open_page(site, c);
  if (!call) return see_other("/login");
  const auto q = page_query(*call, c.request.query_parameters());
  auto db = c.db();
  store::RecordReview review(*db);
  const auto [record, u] = record_for(*call, review, Action::kRecord);
  const auto version = etag_of(record_json(record, review.evidence(record.record.id)));
  return render_edit(*call, {record, u}, q, {form_values(record), version, std::nullopt, 200});
}

HttpResponse add_evidence_page(DashboardSite& site, RequestContext& c) {
  const auto call = open_page(site, c);
  if (!call) return see_other("/login");
  call->check_csrf();
  const auto body = parse_body(c.request.header("Content-Type").value_or(""), c.request.content);
  const auto q = page_query(*call, {{"as_of", body.field("as_of").value_or("")}, {"lang", body.field("lang").value_or("")}});
  auto db = c.db();
  store::RecordReview review(*db);
  const auto [record, u] = record_for(*call, review, Action::kRecord);
  add_evidence_file(c, review, record.record.id, call->who.email);
  return back_to_unit(*call, u, q, "evidence");
}

HttpResponse correct_record_page(DashboardSite& site, RequestContext& c) {
  return post_about_record(site, c, Action::kRecord, [&site](const RecordPost& p) {
    const auto values = form_values(p.fields);
    const auto version = field_of(p.fields, "version");
    const std::pair found{p.record, p.unit};
    try {
      const auto input = record_input(*record_object(values), p.call.tree->at(p.unit), site.api.rules);
      store::Transaction transaction(p.db);
      hold_if_unchanged(p.review, p.record.record.id, version, p.q.language);
      p.review.correct(p.record.record.id, input.record, input.attendance, p.call.who.email);
      transaction.commit();
    } catch (const RequestError& e) {
      if (e.status() != 422 && e.status() != 409) throw;
      return render_edit(p.call, found, p.q, {values, version, FormProblem{e.field(), e.what()}, e.status()});
    } catch (const store::IdentityTaken& e) {
      return render_edit(p.call, found, p.q, {values, version, FormProblem{"date", e.what()}, 409});
    }
    return back_to_unit(p.call, p.unit, p.q, "saved");
  });
}

HttpResponse delete_record_page(DashboardSite& site, RequestContext& c) {
  return post_about_record(site, c, Action::kRecord, [](const RecordPost& p) {
    store::Transaction transaction(p.db);
    hold_if_unchanged(p.review, p.record.record.id, field_of(p.fields, "version"), p.q.language);
    p.review.remove(p.record.record.id, p.call.who.email);
    transaction.commit();
    return back_to_unit(p.call, p.unit, p.q, "deleted");
  });
}

HttpResponse return_record_page(DashboardSite& site, RequestContext& c) {
  return post_about_record(site, c, Action::kReturn, [](const RecordPost& p) {
    const auto reason = field_of(p.fields, "reason");
    if (reason.empty()) throw RequestError(422, "reason", "reason: say why the record goes back to its unit");
    if (const auto problem = text_problem(reason, kMaxNoteBytes, LineBreaks::allowed); !problem.empty())
      throw RequestError(422, "reason", "reason: " + problem);
    if (p.record.returned)
      throw RequestError(409, "", "the record was returned already; it counts again once its unit corrects it");
    p.review.give_back(p.record.record.id, reason, p.call.who.email);
    return back_to_unit(p.call, p.unit, p.q, "returned");
  });
}

}  // namespace cadence::web
