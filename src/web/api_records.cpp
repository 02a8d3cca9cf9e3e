// GET|POST /api/v1/units/{id}/records, GET|PUT|DELETE /api/v1/records/{rid}, and
// POST /api/v1/records/{rid}/return (退回).
#include "web/api_handlers.h"
#include "web/api_record_json.h"

#include "core/plain_text.h"

namespace cadence::web {

namespace {

// A record within the caller's scope for `action`, with the unit it belongs to; 403 for one
// outside it and for one that does not exist alike.
struct Found {
  store::ReviewedRecord record;
  std::size_t unit;
};

Found find_record(ApiCall& call, store::RecordReview& review, Action action) {
  const auto id = id_parameter(call.c, "rid");
  auto record = review.find(id);
  if (!record) refuse_outside_scope();
  const auto unit = call.unit(record->record.unit, action);
  return {std::move(*record), unit};
}

std::string current_json(store::RecordReview& review, std::int64_t id) {
  return record_json(*review.find(id), review.evidence(id));
}

// Inside a write's transaction: the record held until it ends, then compared with If-Match. One
// deleted by a writer this one waited for answers as a record that never existed.
void hold_if_current(const RequestContext& c, store::RecordReview& review, std::int64_t id) {
  if (!review.lock(id)) refuse_outside_scope();
  require_if_match(c, etag_of(current_json(review, id)));
}

Day day_query(const ApiCall& call, const char* name, Day fallback) {
  const auto text = query_value(call.c, name);
  if (!text) return fallback;
  const auto day = parse_day(*text);
  if (!day) throw RequestError(400, name, std::string(name) + ": '" + *text + "' is not a date (YYYY-MM-DD)");
  return *day;
}

[[noreturn]] void identity_taken(const store::IdentityTaken& e) {
  throw RequestError(409, "date", std::string(e.what()) + ": correct that one (/api/v1/records/" +
                                      std::to_string(e.existing()) + ") instead");
}

}  // namespace

HttpResponse list_records(ApiCall& call) {
  const auto u = call.unit(call.c.params.at("id"), Action::kRead);
  const Day from = day_query(call, "from", Day{date::year{1970} / 1 / 1});
  const Day to = day_query(call, "to", Day{date::year{2200} / 12 / 31});
  const auto db = call.c.db();
  const auto& id = call.tree->at(u).id;
  return json_get(call.c, records_json(id, store::RecordReview(*db).of_unit(id, from, to)));
}

HttpResponse create_record(ApiCall& call) {
  const auto u = call.unit(call.c.params.at("id"), Action::kRecord);
  const auto body = json_object_body(call.c);
  const auto input = record_input(*body, call.tree->at(u), call.site.rules);
  const auto db = call.c.db();
  store::RecordReview review(*db);
  try {
    const auto id = review.create(input.record, input.attendance, call.who.email);
    auto text = current_json(review, id);
    const auto etag = etag_of(text);
    auto response = json_response(201, std::move(text), etag);
    response.set("Location", "/api/v1/records/" + std::to_string(id));
    return response;
  } catch (const store::IdentityTaken& e) {
    identity_taken(e);
  }
}

HttpResponse get_record(ApiCall& call) {
  const auto db = call.c.db();
  store::RecordReview review(*db);
  const auto found = find_record(call, review, Action::kRead);
  return json_get(call.c, record_json(found.record, review.evidence(found.record.record.id)));
}

HttpResponse put_record(ApiCall& call) {
  const auto db = call.c.db();
  store::RecordReview review(*db);
  const auto found = find_record(call, review, Action::kRecord);
  const auto body = json_object_body(call.c);
  const auto input = record_input(*body, call.tree->at(found.unit), call.site.rules);
  const auto id = found.record.record.id;
  try {
    // The comparison and the change in one transaction: no other change can come between.
    store::Transaction transaction(*db);
    hold_if_current(call.c, review, id);
    review.correct(id, input.record, input.attendance, call.who.email);
    transaction.commit();
  } catch (const store::IdentityTaken& e) {
    identity_taken(e);
  }
  auto text = current_json(review, id);
  const auto etag = etag_of(text);
  return json_response(200, std::move(text), etag);
}

HttpResponse delete_record(ApiCall& call) {
  const auto db = call.c.db();
  store::RecordReview review(*db);
  const auto found = find_record(call, review, Action::kRecord);
  const auto id = found.record.record.id;
  store::Transaction transaction(*db);
  hold_if_current(call.c, review, id);
  review.remove(id, call.who.email);
  transaction.commit();
  HttpResponse response;
  response.status = 204;
  return response;
}

HttpResponse return_record(ApiCall& call) {
  const auto db = call.c.db();
  store::RecordReview review(*db);
  const auto found = find_record(call, review, Action::kReturn);
  const auto body = json_object_body(call.c);
  std::string reason;
  if (body->has("reason") && body->get("reason").isString()) reason = body->get("reason").extract<std::string>();
  if (reason.empty()) throw RequestError(422, "reason", "reason: say why the record goes back to its unit");
  if (const auto problem = text_problem(reason, kMaxNoteBytes, LineBreaks::allowed); !problem.empty())
    throw RequestError(422, "reason", "reason: " + problem);
  if (found.record.returned)
    throw RequestError(409, "", "the record was returned already, on " + date::format("%FT%TZ", found.record.returned->at) +
                                    "; it counts again once its unit corrects it");
  const auto id = found.record.record.id;
  review.give_back(id, reason, call.who.email);
  auto text = current_json(review, id);
  const auto etag = etag_of(text);
  return json_response(200, std::move(text), etag);
}

}  // namespace cadence::web
