#include "web/api_support.h"

#include "web/handlers.h"
#include "web/request_body.h"

#include <Poco/SHA1Engine.h>

#include <charconv>

namespace cadence::web {

void refuse_outside_scope() {
  throw RequestError(403, "", "outside your scope: no such unit or record among those your roles reach");
}

std::size_t ApiCall::unit(const std::string& id, Action action) const {
  const auto index = tree->find(id);
  if (!index) refuse_outside_scope();
  require(action, *index);
  return *index;
}

void ApiCall::require(Action action, std::size_t index) const {
  if (!scope().may(action, index)) refuse_outside_scope();
}

std::int64_t id_parameter(const RequestContext& c, std::string_view name) {
  const auto& text = c.params.at(name);
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || end != text.data() + text.size() || id <= 0) refuse_outside_scope();
  return id;
}

std::string etag_of(std::string_view body) {
  Poco::SHA1Engine sha;
  sha.update(body.data(), static_cast<unsigned>(body.size()));
  return "\"" + Poco::DigestEngine::digestToHex(sha.digest()).substr(0, 32) + "\"";
}

HttpResponse json_response(int status, std::string body, const std::string& etag) {
  HttpResponse response;
  response.status = status;
  response.set("Content-Type", "application/json; charset=utf-8");
  if (!etag.empty()) response.set("ETag", etag);
  // What a caller may see depends on who they are: never from a shared cache.
  response.set("Cache-Control", "private, no-cache");
  response.set("Vary", "Authorization, Cookie");
  response.text = std::move(body);
  return response;
}

HttpResponse json_get(const RequestContext& c, std::string body) {
  auto kept = std::make_shared<CachedJson>();
  kept->etag = etag_of(body);
  kept->body = std::move(body);
  return json_get(c, std::move(kept));
}

HttpResponse json_get(const RequestContext& c, std::shared_ptr<const CachedJson> kept) {
  auto response = json_response(200, "", kept->etag);
  const auto& etag = kept->etag;
  if (const auto tags = c.request.header("If-None-Match"); tags && etag_matches(*tags, etag, etag)) {
    response.status = 304;
  } else {
    response.shared = &kept->body;
    response.owner = std::move(kept);
  }
  response.head_only = c.request.method == "HEAD";
  return response;
}

void require_if_match(const RequestContext& c, const std::string& current_etag) {
  const auto tags = c.request.header("If-Match");
  if (!tags)
    throw RequestError(428, "If-Match", "send If-Match with the ETag of the record as you read it, so that no change is lost");
  if (!etag_matches(*tags, current_etag, current_etag))
    throw RequestError(412, "If-Match", "the record has changed since you read it: read it again (its ETag is now " +
                                            current_etag + ")");
}

Poco::JSON::Object::Ptr json_object_body(const RequestContext& c) {
  const auto type = c.request.header("Content-Type").value_or("");
  if (media_type_of(type) != "application/json")
    throw RequestError(415, "", "send the content as application/json");
  const auto body = parse_body(type, c.request.content);
  const auto& value = std::get<Poco::Dynamic::Var>(body.value);
  if (value.type() != typeid(Poco::JSON::Object::Ptr)) throw RequestError(422, "", "the content is JSON but not an object");
  return value.extract<Poco::JSON::Object::Ptr>();
}

std::optional<std::string> query_value(const RequestContext& c, std::string_view name) {
  for (auto& [n, v] : c.request.query_parameters())
    if (n == name) return v;
  return std::nullopt;
}

}  // namespace cadence::web
