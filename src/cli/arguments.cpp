#include "cli/arguments.h"

#include "core/diagnostic.h"

namespace cadence::cli {

namespace {
const std::set<std::string> kGlobal{"db", "db-password-file", "db-wait", "rules", "calendars", "config"};
}

Arguments::Arguments(const std::vector<std::string>& argv, const std::set<std::string>& flags) {
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const auto& a = argv[i];
    if (a == "--") {
      positionals_.insert(positionals_.end(), argv.begin() + static_cast<std::ptrdiff_t>(i) + 1, argv.end());
      break;
    }
    if (!a.starts_with("--") || a.size() == 2) {
      positionals_.push_back(a);
      continue;
    }
    const auto eq = a.find('=');
    const std::string name = a.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
    if (flags.count(name)) {
      if (eq != std::string::npos) throw UsageError("--" + name + " takes no value");
      flags_.insert(name);
    } else if (eq != std::string::npos) {
      options_[name] = a.substr(eq + 1);
    } else if (i + 1 < argv.size()) {
      options_[name] = argv[++i];
    } else {
      throw UsageError("--" + name + " needs a value");
    }
  }
}

std::optional<std::string> Arguments::option(const std::string& name) const {
  auto it = options_.find(name);
  if (it == options_.end()) return std::nullopt;
  return it->second;
}

std::string Arguments::text_option(const std::string& name, std::size_t max_bytes, LineBreaks breaks) const {
  auto value = option(name).value_or("");
  if (const auto problem = text_problem(value, max_bytes, breaks); !problem.empty())
    throw InputError("--" + name + ": " + problem);
  return value;
}

void Arguments::allow(const std::set<std::string>& allowed) const {
  for (const auto& [name, value] : options_)
    if (!allowed.count(name) && !kGlobal.count(name)) throw UsageError("unknown option --" + name);
  for (const auto& name : flags_)
    if (!allowed.count(name)) throw UsageError("unknown option --" + name);
}

void Arguments::expect_positionals(std::size_t n, const std::string& usage) const {
  if (positionals_.size() != n) throw UsageError("usage: " + usage);
}

}  // namespace cadence::cli
