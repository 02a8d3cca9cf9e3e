#include "cli/settings.h"

#include "core/diagnostic.h"
#include "toml/toml_fields.h"

#include <filesystem>
#include <functional>

namespace cadence::cli {

namespace {

void apply_config_file(const std::string& path, Settings& s) {
  if (!std::filesystem::exists(path)) throw UsageError("config file '" + path + "' does not exist");
  Diagnostics diagnostics;
  auto doc = parse_toml_file(path, diagnostics);
  if (doc) {
    // Sections for later subsystems ([serve], [smtp]) are read by them.
    TomlFields f(*doc, path, "", diagnostics);
    f.only({"db", "rules", "calendars", "region", "timezone", "serve", "smtp", "feeds"});
    s.db = f.string("db", false).value_or(s.db);
    s.rules = f.string("rules", false).value_or(s.rules);
    s.calendars = f.string("calendars", false).value_or(s.calendars);
    s.region = f.string("region", false).value_or(s.region);
    s.timezone = f.string("timezone", false).value_or(s.timezone);
  }
  if (!diagnostics.empty()) throw InputError(diagnostics);
}

}  // namespace

Settings resolve_settings(const Arguments& args, const std::function<const char*(const char*)>& environment) {
  Settings s;
  auto env = [&](const char* name) -> std::optional<std::string> {
    const char* v = environment(name);
    if (!v || !*v) return std::nullopt;
    return std::string(v);
  };
  if (auto config = args.option("config") ? args.option("config") : env("CADENCE_CONFIG")) apply_config_file(*config, s);
  auto pick = [&](std::string& field, const char* option, const char* variable) {
    if (auto v = args.option(option)) field = *v;
    else if (auto e = env(variable)) field = *e;
  };
  pick(s.db, "db", "CADENCE_DB");
  pick(s.rules, "rules", "CADENCE_RULES");
  pick(s.calendars, "calendars", "CADENCE_CALENDARS");
  return s;
}

}  // namespace cadence::cli
