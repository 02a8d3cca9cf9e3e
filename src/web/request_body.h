#pragma once
// A request's content read by its media type: application/x-www-form-urlencoded,
// multipart/form-data (RFC 7578), application/json (through Poco::JSON). The result owns its
// data. Malformed content is a RequestError 400, another media type 415.
#include <Poco/Dynamic/Var.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace cadence::web {

using FormFields = std::vector<std::pair<std::string, std::string>>;

struct FormPart {
  std::string name;
  std::optional<std::string> filename;
  std::string content_type = "text/plain";
  std::string data;
};

struct RequestBody {
  std::string media_type;  // lower case, without parameters
  std::variant<FormFields, std::vector<FormPart>, Poco::Dynamic::Var> value;

  // The first value of a form field (urlencoded or multipart), if there is one.
  std::optional<std::string> field(std::string_view name) const;
};

// `content_type` is the request's Content-Type value.
RequestBody parse_body(std::string_view content_type, std::string_view content);

// a=b&c=d, percent-decoded with '+' as a space (also a query's parameters).
FormFields parse_form(std::string_view text);

// A Content-Type value's media type (lower case) and the value of one of its parameters.
std::string media_type_of(std::string_view content_type);
std::optional<std::string> media_parameter(std::string_view content_type, std::string_view name);

}  // namespace cadence::web
