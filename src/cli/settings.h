#pragma once
// Where the database, rules and calendars are: command line over environment (CADENCE_DB,
// CADENCE_RULES, CADENCE_CALENDARS, CADENCE_CONFIG) over the config file over defaults.
#include "cli/arguments.h"

#include <functional>
#include <string>

namespace cadence::cli {

struct Settings {
  std::string db = "cadence.db";
  std::string rules = "rules";
  std::string calendars = "calendars";
  std::string region = "cn";
  std::string timezone = "Asia/Shanghai";
};

// `environment` looks a variable up (getenv in main, a map in tests).
Settings resolve_settings(const Arguments& args, const std::function<const char*(const char*)>& environment);

}  // namespace cadence::cli
