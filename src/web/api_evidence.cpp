// POST /api/v1/records/{rid}/evidence (a file as multipart/form-data, or a link as JSON) and
// GET /api/v1/records/{rid}/evidence/{eid} (the file back).
#include "web/api_handlers.h"
#include "web/api_record_json.h"
#include "web/request_body.h"

#include "core/plain_text.h"

namespace cadence::web {

namespace {

// What the bytes are, by their magic numbers, whatever the client calls them.
std::optional<std::string> media_type_by_content(std::string_view data) {
  if (data.starts_with("%PDF-")) return "application/pdf";
  if (data.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
  if (data.starts_with("\x89PNG\r\n\x1A\n")) return "image/png";
  return std::nullopt;
}

std::string checked_kind(const std::optional<std::string>& kind) {
  if (!kind || !store::is_evidence_kind(*kind)) {
    std::string known;
    for (const char* k : store::kEvidenceKinds) known += (known.empty() ? "" : ", ") + std::string(k);
    throw RequestError(422, "kind", "kind: '" + kind.value_or("") + "' is not one of " + known);
  }
  return *kind;
}

std::int64_t record_in_scope(ApiCall& call, store::RecordReview& review, Action action) {
  const auto id = id_parameter(call.c, "rid");
  const auto record = review.find(id);
  if (!record) refuse_outside_scope();
  call.unit(record->record.unit, action);
  return id;
}

std::int64_t add_link(ApiCall& call, store::RecordReview& review, std::int64_t record) {
  const auto body = json_object_body(call.c);
  const auto field = [&](const char* name) -> std::optional<std::string> {
    if (!body->has(name) || !body->get(name).isString()) return std::nullopt;
    return body->get(name).extract<std::string>();
  };
  const auto kind = checked_kind(field("kind"));
  const auto link = field("link").value_or("");
  if (!link.starts_with("https://") && !link.starts_with("http://"))
    throw RequestError(422, "link", "link: '" + link + "' is not an http:// or https:// address");
  if (const auto problem = text_problem(link, kMaxLineBytes); !problem.empty())
    throw RequestError(422, "link", "link: " + problem);
  return review.add_link(record, kind, link, call.who.email);
}

}  // namespace

std::int64_t add_evidence_file(const RequestContext& c, store::RecordReview& review, std::int64_t record,
                               const std::string& actor) {
  const auto type = c.request.header("Content-Type").value_or("");
  const auto body = parse_body(type, c.request.content);
  const auto* parts = std::get_if<std::vector<FormPart>>(&body.value);
  if (!parts) throw RequestError(415, "", "send a file as multipart/form-data, a link as application/json");
  const auto kind = checked_kind(body.field("kind"));
  const FormPart* file = nullptr;
  for (const auto& part : *parts)
    if (part.name == "file" && part.filename) file = &part;
  if (!file) throw RequestError(422, "file", "file: no part named 'file' with a filename");
  if (file->data.size() > kMaxEvidenceBytes)
    throw RequestError(413, "file", "file: " + std::to_string(file->data.size()) + " bytes; at most " +
                                        size_text(kMaxEvidenceBytes));
  const auto media_type = media_type_by_content(file->data);
  if (!media_type) throw RequestError(415, "file", "file: not a PDF, JPEG or PNG file (by its content)");
  if (const auto problem = text_problem(*file->filename, kMaxLineBytes); !problem.empty())
    throw RequestError(422, "file", "file: its name " + problem);
  return review.add_file(record, kind, *file->filename, *media_type, file->data, actor);
}

HttpResponse add_evidence(ApiCall& call) {
  const auto db = call.c.db();
  store::RecordReview review(*db);
  const auto record = record_in_scope(call, review, Action::kRecord);
  const auto type = media_type_of(call.c.request.header("Content-Type").value_or(""));
  const auto id =
      type == "application/json" ? add_link(call, review, record) : add_evidence_file(call.c, review, record, call.who.email);
  for (const auto& e : review.evidence(record))
    if (e.id == id) {
      auto response = json_response(201, evidence_json(e));
      response.set("Location", "/api/v1/records/" + std::to_string(record) + "/evidence/" + std::to_string(id));
      return response;
    }
  throw std::logic_error("evidence stored but not found again");
}

HttpResponse get_evidence(ApiCall& call) {
  const auto db = call.c.db();
  store::RecordReview review(*db);
  const auto record = record_in_scope(call, review, Action::kRead);
  const auto item = review.evidence_file(record, id_parameter(call.c, "eid"));
  if (!item) refuse_outside_scope();
  const auto& [e, content] = *item;
  if (!e.link.empty()) return json_get(call.c, evidence_json(e));
  HttpResponse response;
  response.set("Content-Type", e.media_type);
  response.set("ETag", etag_of(content));
  response.set("Cache-Control", "private, no-cache");
  // Never rendered as something else, never inline where a script could run beside it.
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Content-Disposition", "attachment; filename=\"evidence-" + std::to_string(e.id) +
                                          (e.media_type == "application/pdf" ? ".pdf" : e.media_type == "image/png" ? ".png" : ".jpg") +
                                          "\"");
  response.text = content;
  response.head_only = call.c.request.method == "HEAD";
  return response;
}

}  // namespace cadence::web
