#pragma once
// Loads rules/*.toml into core Rules, with every problem located at file:line:column.
#include "core/diagnostic.h"
#include "core/rule.h"

#include <string>
#include <vector>

namespace cadence {

struct RuleSet {
  std::vector<Rule> rules;  // in file-name order, then file order
  std::vector<std::string> files;
  // For each rule with a plan window, the index of the rule and where its window is written
  // (a Diagnostic without a message), for lint_windows, which needs a work calendar.
  std::vector<std::pair<std::size_t, Diagnostic>> windows;
  Diagnostics diagnostics;
  Diagnostics warnings;  // what `rules lint` mentions without failing: a seed source with no cite
  bool ok() const { return diagnostics.empty(); }
};

// Every *.toml below `dir` (sorted by path). A missing or empty folder is a diagnostic.
RuleSet load_rules(const std::string& dir);
// Same, throwing InputError listing every diagnostic.
std::vector<Rule> load_rules_or_throw(const std::string& dir);

// True when `source` names a seed report's file (003_313a25426172a4c1.txt).
bool names_seed_file(const std::string& source);

// Parses one file's [[rule]] tables into `into`; ids are checked against those already there.
void load_rule_file(const std::string& path, RuleSet& into);

}  // namespace cadence
