#pragma once
// Typed access to the keys of one TOML table, reporting every problem (unknown key, wrong
// type, missing key) as a Diagnostic at the key's file:line:column.
#include "core/day.h"
#include "core/diagnostic.h"

#include <toml++/toml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cadence {

// Parses a TOML file; a syntax error becomes one diagnostic and nullopt.
std::optional<toml::table> parse_toml_file(const std::string& path, Diagnostics& out);

class TomlFields {
 public:
  TomlFields(const toml::table& table, std::string file, std::string context, Diagnostics& out)
      : table_(table), file_(std::move(file)), context_(std::move(context)), out_(out) {}

  // Reports keys outside `allowed`.
  void only(std::initializer_list<std::string_view> allowed);

  std::optional<std::string> string(std::string_view key, bool required);
  std::optional<std::int64_t> integer(std::string_view key, bool required);
  std::optional<Day> date(std::string_view key, bool required);
  std::optional<std::vector<std::string>> strings(std::string_view key, bool required);
  std::optional<std::vector<Day>> dates(std::string_view key, bool required);
  const toml::table* table(std::string_view key);
  const toml::array* array(std::string_view key);

  // A problem with the value of `key` (or the table itself when the key is absent).
  void error(std::string_view key, const std::string& message);
  void error_at(const toml::source_region& where, const std::string& message);
  const toml::table& raw() const { return table_; }
  const std::string& file() const { return file_; }

 private:
  const toml::node* node(std::string_view key, bool required, std::string_view expected);
  void wrong_type(std::string_view key, std::string_view expected);

  const toml::table& table_;
  std::string file_;
  std::string context_;
  Diagnostics& out_;
};

}  // namespace cadence
