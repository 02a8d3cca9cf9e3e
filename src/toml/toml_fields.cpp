#include "toml/toml_fields.h"

#include <algorithm>

namespace cadence {

namespace {
Diagnostic at(const std::string& file, const toml::source_region& where, std::string message) {
  return Diagnostic{file, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column),
                    std::move(message)};
}
}  // namespace

std::optional<toml::table> parse_toml_file(const std::string& path, Diagnostics& out) {
  try {
    return toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    out.push_back(at(path, e.source(), std::string(e.description())));
    return std::nullopt;
  }
}

void TomlFields::only(std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : table_) {
    if (std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end()) continue;
    std::string list;
    for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    out_.push_back(at(file_, key.source(), context_ + "unknown key '" + std::string(key.str()) +
                                               "' (allowed: " + list + ")"));
  }
}

void TomlFields::error(std::string_view key, const std::string& message) {
  if (const auto* n = table_.get(key)) return error_at(n->source(), context_ + message);
  out_.push_back(at(file_, table_.source(), context_ + message));
}

void TomlFields::error_at(const toml::source_region& where, const std::string& message) {
  out_.push_back(at(file_, where, message));
}

void TomlFields::wrong_type(std::string_view key, std::string_view expected) {
  error(key, "'" + std::string(key) + "' must be " + std::string(expected));
}

const toml::node* TomlFields::node(std::string_view key, bool required, std::string_view expected) {
  const auto* n = table_.get(key);
  if (!n && required)
    out_.push_back(at(file_, table_.source(),
                      context_ + "missing required key '" + std::string(key) + "' (" + std::string(expected) + ")"));
  return n;
}

std::optional<std::string> TomlFields::string(std::string_view key, bool required) {
  const auto* n = node(key, required, "a string");
  if (!n) return std::nullopt;
  if (auto v = n->value<std::string>(); v && n->is_string()) return *v;
  wrong_type(key, "a string");
  return std::nullopt;
}

std::optional<std::int64_t> TomlFields::integer(std::string_view key, bool required) {
  const auto* n = node(key, required, "an integer");
  if (!n) return std::nullopt;
  if (n->is_integer()) return n->as_integer()->get();
  wrong_type(key, "an integer");
  return std::nullopt;
}

std::optional<Day> TomlFields::date(std::string_view key, bool required) {
  const auto* n = node(key, required, "a date such as 2026-01-01");
  if (!n) return std::nullopt;
  if (n->is_date()) {
    const auto d = n->as_date()->get();
    return Day{date::year{d.year} / date::month{d.month} / date::day{d.day}};
  }
  wrong_type(key, "a date such as 2026-01-01 (without quotes)");
  return std::nullopt;
}

std::optional<std::vector<std::string>> TomlFields::strings(std::string_view key, bool required) {
  const auto* n = node(key, required, "an array of strings");
  if (!n) return std::nullopt;
  const auto* arr = n->as_array();
  std::vector<std::string> values;
  if (arr)
    for (const auto& item : *arr) {
      if (!item.is_string()) return wrong_type(key, "an array of strings"), std::nullopt;
      values.push_back(item.as_string()->get());
    }
  else
    return wrong_type(key, "an array of strings"), std::nullopt;
  return values;
}

std::optional<std::vector<Day>> TomlFields::dates(std::string_view key, bool required) {
  const auto* n = node(key, required, "an array of dates");
  if (!n) return std::nullopt;
  const auto* arr = n->as_array();
  if (!arr) return wrong_type(key, "an array of dates such as [2026-01-01]"), std::nullopt;
  std::vector<Day> values;
  for (const auto& item : *arr) {
    if (!item.is_date()) {
      error_at(item.source(), context_ + "'" + std::string(key) + "' must hold dates such as 2026-01-01");
      return std::nullopt;
    }
    const auto d = item.as_date()->get();
    values.push_back(Day{date::year{d.year} / date::month{d.month} / date::day{d.day}});
  }
  return values;
}

const toml::table* TomlFields::table(std::string_view key) {
  const auto* n = table_.get(key);
  if (!n) return nullptr;
  if (const auto* t = n->as_table()) return t;
  wrong_type(key, "a table");
  return nullptr;
}

const toml::array* TomlFields::array(std::string_view key) {
  const auto* n = table_.get(key);
  if (!n) return nullptr;
  if (const auto* a = n->as_array()) return a;
  wrong_type(key, "an array");
  return nullptr;
}

}  // namespace cadence
