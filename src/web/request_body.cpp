#include "web/request_body.h"

#include "web/http_request.h"
#include "web/http_text.h"
#include "web/request_error.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

namespace cadence::web {

namespace {

RequestError malformed(const std::string& what) { return RequestError(400, "", "malformed request content: " + what); }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

std::string_view unquote(std::string_view v) {
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') return v.substr(1, v.size() - 2);
  return v;
}

// One part: its header lines, an empty line, its data. Only the fields form-data needs are read.
FormPart parse_part(std::string_view part) {
  const auto split = part.find("\r\n\r\n");
  if (split == std::string_view::npos) throw malformed("a multipart part without headers");
  FormPart out;
  std::string_view headers = part.substr(0, split);
  out.data = std::string(part.substr(split + 4));
  while (!headers.empty()) {
    const auto end = headers.find("\r\n");
    const std::string_view line = headers.substr(0, end);
    headers.remove_prefix(end == std::string_view::npos ? headers.size() : end + 2);
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) throw malformed("a multipart header without ':'");
    const auto name = line.substr(0, colon), value = trim_ows(line.substr(colon + 1));
    if (iequals(name, "Content-Type")) {
      out.content_type = std::string(value);
    } else if (iequals(name, "Content-Disposition")) {
      if (media_type_of(value) != "form-data") throw malformed("a multipart part that is not form-data");
      out.name = media_parameter(value, "name").value_or("");
      out.filename = media_parameter(value, "filename");
    }
  }
  if (out.name.empty()) throw malformed("a multipart part without a name");
  return out;
}

std::vector<FormPart> parse_multipart(std::string_view content, const std::string& boundary) {
  const std::string delimiter = "--" + boundary;
  auto at = content.find(delimiter);
  if (at == std::string_view::npos) throw malformed("no multipart boundary");
  std::vector<FormPart> parts;
  for (;;) {
    at += delimiter.size();
    if (content.substr(at, 2) == "--") return parts;  // the closing delimiter
    if (content.substr(at, 2) != "\r\n") throw malformed("a multipart boundary not followed by CRLF");
    at += 2;
    const auto next = content.find("\r\n" + delimiter, at);
    if (next == std::string_view::npos) throw malformed("an unterminated multipart part");
    parts.push_back(parse_part(content.substr(at, next - at)));
    at = next + 2;
  }
}

}  // namespace

std::string media_type_of(std::string_view content_type) {
  return lower(trim_ows(content_type.substr(0, content_type.find(';'))));
}

std::optional<std::string> media_parameter(std::string_view content_type, std::string_view name) {
  auto rest = content_type;
  for (auto semicolon = rest.find(';'); semicolon != std::string_view::npos; semicolon = rest.find(';')) {
    rest.remove_prefix(semicolon + 1);
    const auto piece = trim_ows(rest.substr(0, rest.find(';')));
    const auto eq = piece.find('=');
    if (eq != std::string_view::npos && iequals(trim_ows(piece.substr(0, eq)), name))
      return std::string(unquote(trim_ows(piece.substr(eq + 1))));
  }
  return std::nullopt;
}

FormFields parse_form(std::string_view text) {
  FormFields out;
  while (!text.empty()) {
    const auto amp = text.find('&');
    const auto pair = text.substr(0, amp);
    text.remove_prefix(amp == std::string_view::npos ? text.size() : amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    auto name = percent_decode(pair.substr(0, eq), true);
    auto value = percent_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), true);
    if (!name || !value) throw malformed("a form field with a malformed %-escape");
    out.emplace_back(std::move(*name), std::move(*value));
  }
  return out;
}

RequestBody parse_body(std::string_view content_type, std::string_view content) {
  RequestBody body;
  body.media_type = media_type_of(content_type);
  if (body.media_type == "application/x-www-form-urlencoded") {
    body.value = parse_form(content);
  } else if (body.media_type == "multipart/form-data") {
    const auto boundary = media_parameter(content_type, "boundary");
    if (!boundary || boundary->empty() || boundary->size() > 70) throw malformed("multipart without a valid boundary");
    body.value = parse_multipart(content, *boundary);
  } else if (body.media_type == "application/json") {
    try {
      Poco::JSON::Parser parser;
      body.value = parser.parse(std::string(content));
    } catch (const Poco::Exception& e) {
      throw malformed("JSON: " + e.message());
    }
  } else {
    throw RequestError(415, "", "content of type '" + body.media_type + "' is not read here");
  }
  return body;
}

std::optional<std::string> RequestBody::field(std::string_view name) const {
  if (const auto* form = std::get_if<FormFields>(&value))
    for (const auto& [n, v] : *form)
      if (n == name) return v;
  if (const auto* parts = std::get_if<std::vector<FormPart>>(&value))
    for (const auto& part : *parts)
      if (part.name == name) return part.data;
  return std::nullopt;
}

}  // namespace cadence::web
