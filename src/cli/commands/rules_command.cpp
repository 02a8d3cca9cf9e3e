// cadence rules lint [DIR]
// cadence rules list [--format json|table]
#include "cli/commands/commands.h"
#include "json/json_writer.h"
#include "cli/text_table.h"
#include "cli/workspace.h"
#include "rules/rule_loader.h"
#include "rules/window_lint.h"

namespace cadence::cli {

using json::JsonWriter;

namespace {

// Plan windows need the work calendar; without one (--calendars) they are checked for
// everything else, and stderr says what was left out.
void lint_with_calendar(const Invocation& inv, RuleSet& set) {
  if (set.windows.empty() || !set.ok()) return;
  std::optional<WorkCalendar> calendar;
  try {
    calendar = load_calendar(inv);
  } catch (const InputError& e) {
    inv.err << "note: plan windows not checked for workdays, the calendar did not load:\n" << e.what() << '\n';
    return;
  }
  const auto found = lint_windows(set, *calendar);
  set.diagnostics.insert(set.diagnostics.end(), found.begin(), found.end());
}

int lint(const Invocation& inv) {
  inv.args.allow({});
  const auto& words = inv.args.positionals();
  if (words.size() > 3) throw UsageError("usage: cadence rules lint [DIR]");
  const auto dir = words.size() == 3 ? words[2] : inv.settings.rules;
  auto set = cadence::load_rules(dir);
  lint_with_calendar(inv, set);
  for (const auto& d : set.diagnostics) inv.err << d.to_string() << '\n';
  // A warning, not an error: the rule still works and the feed falls back to the source.
  for (const auto& w : set.warnings) inv.err << w.file << ":" << w.line << ": warning: " << w.message << '\n';
  if (!set.ok()) {
    inv.err << set.diagnostics.size() << (set.diagnostics.size() == 1 ? " problem" : " problems") << " in " << dir << '\n';
    return 2;
  }
  inv.out << dir << ": " << set.rules.size() << " rules in " << set.files.size() << " files, no problems";
  if (!set.warnings.empty()) inv.out << ", " << set.warnings.size() << (set.warnings.size() == 1 ? " warning" : " warnings");
  inv.out << '\n';
  return 0;
}

std::string period_words(const Rule& r) {
  if (r.kind == RuleKind::deadline) return std::string(to_string(r.period)) + ", due";
  return "≥" + std::to_string(r.target) + " per " + std::string(to_string(r.period));
}

int list(const Invocation& inv) {
  inv.args.allow({"format"});
  const auto rules = load_rules(inv);
  if (format_option(inv) == "json") {
    JsonWriter json(inv.out);
    json.begin_array();
    for (const auto& r : rules) {
      json.begin_object().field("id", r.id).field("title", r.title).field("title_en", r.title_en)
          .field("kind", to_string(r.kind)).field("period", to_string(r.period));
      if (r.kind == RuleKind::cadence) json.field("target", r.target);
      json.key("applies_to").begin_array();
      for (const auto& t : r.applies_to) json.value(t);
      json.end_array().field("authority", r.authority).field("source", r.source).field("cite", r.cite).end_object();
    }
    json.end_array();
    json.flush();
    inv.out << '\n';
    return 0;
  }
  TextTable table({"ID", "要求 Rule", "频次 Cadence", "适用 Applies to", "依据 Authority"});
  for (const auto& r : rules) {
    std::string types;
    for (const auto& t : r.applies_to) types += (types.empty() ? "" : ", ") + t;
    table.add({r.id, r.title, period_words(r), types, r.authority == "central" ? "中央规定 central" : "地方实践 local"});
  }
  table.print(inv.out);
  return 0;
}

}  // namespace

int run_rules(const Invocation& inv) {
  const auto& words = inv.args.positionals();
  const std::string sub = words.size() > 1 ? words[1] : "";
  if (sub == "lint") return lint(inv);
  if (sub == "list") return list(inv);
  throw UsageError("usage: cadence rules lint [DIR] | cadence rules list");
}

}  // namespace cadence::cli
