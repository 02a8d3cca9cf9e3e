#pragma once
// The command line split into positionals, `--name value` options and flags, with the global
// options (--db, --rules, --calendars, --config) accepted before or after the subcommand.
#include "core/plain_text.h"

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace cadence::cli {

// Bad usage: the message says what is wrong; exit code 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Arguments {
 public:
  // `flags` are options that take no value.
  Arguments(const std::vector<std::string>& argv, const std::set<std::string>& flags);

  const std::vector<std::string>& positionals() const { return positionals_; }
  std::optional<std::string> option(const std::string& name) const;
  // A free-text option (a note, a label): "" when absent. Throws InputError naming the option
  // when the value has a control character or is over `max_bytes` (see core/plain_text.h).
  std::string text_option(const std::string& name, std::size_t max_bytes, LineBreaks breaks = LineBreaks::refused) const;
  bool flag(const std::string& name) const { return flags_.count(name) > 0; }
  // Throws UsageError for any option or flag outside `allowed` (global options always allowed).
  void allow(const std::set<std::string>& allowed) const;
  // Throws UsageError unless there are exactly `n` positionals after the command words.
  void expect_positionals(std::size_t n, const std::string& usage) const;

 private:
  std::vector<std::string> positionals_;
  std::map<std::string, std::string> options_;
  std::set<std::string> flags_;
};

}  // namespace cadence::cli
