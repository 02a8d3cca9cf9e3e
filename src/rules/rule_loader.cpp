#include "rules/rule_loader.h"

#include "toml/toml_fields.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>

namespace cadence {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxQuotas = 32;  // quota tags are bits of a 32-bit mask

bool valid_slug(const std::string& s) {
  static const std::regex slug("[a-z0-9]+(-[a-z0-9]+)*");
  return std::regex_match(s, slug);
}

std::optional<date::weekday> parse_weekday(const std::string& s) {
  static const std::map<std::string, unsigned> names{{"sun", 0}, {"mon", 1}, {"tue", 2}, {"wed", 3},
                                                     {"thu", 4}, {"fri", 5}, {"sat", 6}};
  auto it = names.find(s);
  if (it == names.end()) return std::nullopt;
  return date::weekday{it->second};
}

std::optional<std::chrono::minutes> parse_time_of_day(const std::string& s) {
  static const std::regex hhmm("([01][0-9]|2[0-3]):([0-5][0-9])");
  std::smatch m;
  if (!std::regex_match(s, m, hhmm)) return std::nullopt;
  return std::chrono::hours{std::stoi(m[1])} + std::chrono::minutes{std::stoi(m[2])};
}

// "MM-DD", a day every year has: 02-29 is refused, as it would vanish in three years of four.
std::optional<date::month_day> parse_month_day(const std::string& s) {
  static const std::regex mmdd("([0-9]{2})-([0-9]{2})");
  std::smatch m;
  if (!std::regex_match(s, m, mmdd)) return std::nullopt;
  const date::month_day md{date::month{static_cast<unsigned>(std::stoi(m[1]))},
                           date::day{static_cast<unsigned>(std::stoi(m[2]))}};
  if (!md.ok() || md == date::February / 29) return std::nullopt;
  return md;
}

class RuleReader {
 public:
  RuleReader(const toml::table& table, const std::string& file, Diagnostics& out)
      : f_(table, file, "", out), out_(out) {}

  Rule read() {
    f_.only({"id", "title", "short", "title_en", "applies_to", "kind", "period", "target", "quotas", "due", "source",
             "cite", "authority", "note", "effective_from", "effective_until", "plan", "remind"});
    Rule r;
    r.id = f_.string("id", true).value_or("");
    if (!r.id.empty() && !valid_slug(r.id))
      f_.error("id", "rule id '" + r.id + "' must be lower-case letters, digits and single hyphens");
    r.title = f_.string("title", true).value_or("");
    r.short_title = f_.string("short", false).value_or("");
    r.title_en = f_.string("title_en", false).value_or("");
    r.source = f_.string("source", false).value_or("");
    r.cite = f_.string("cite", false).value_or("");
    r.note = f_.string("note", false).value_or("");
    r.authority = f_.string("authority", false).value_or("");
    if (!r.authority.empty() && r.authority != "central" && r.authority != "local")
      f_.error("authority", "'authority' must be \"central\" (a central regulation) or \"local\" (local practice)");
    if (auto types = f_.strings("applies_to", true)) {
      r.applies_to = *types;
      if (r.applies_to.empty()) f_.error("applies_to", "'applies_to' must name at least one unit type");
    }
    if (auto kind = f_.string("kind", true)) {
      if (*kind == "cadence") r.kind = RuleKind::cadence;
      else if (*kind == "deadline") r.kind = RuleKind::deadline;
      else f_.error("kind", "'kind' must be \"cadence\" or \"deadline\", not \"" + *kind + "\"");
    }
    if (auto period = f_.string("period", true)) {
      if (auto k = parse_period_kind(*period)) r.period = *k;
      else f_.error("period", "'period' must be one of year, half, quarter, month, week; not \"" + *period + "\"");
    }
    r.effective_from = f_.date("effective_from", false);
    r.effective_until = f_.date("effective_until", false);
    if (r.effective_from && r.effective_until && *r.effective_until < *r.effective_from)
      f_.error("effective_until", "'effective_until' is before 'effective_from'");
    if (r.kind == RuleKind::cadence) read_cadence(r);
    else read_deadline(r);
    read_plan(r);
    read_remind(r);
    return r;
  }

 private:
  void read_cadence(Rule& r) {
    if (f_.raw().contains("due")) f_.error("due", "'due' belongs to deadline rules; this rule is kind = \"cadence\"");
    if (auto t = f_.integer("target", true)) {
      if (*t < 1 || *t > 10000) f_.error("target", "'target' must be between 1 and 10000");
      else r.target = static_cast<int>(*t);
    }
    const auto* quotas = f_.array("quotas");
    if (!quotas) return;
    if (quotas->size() > kMaxQuotas) f_.error("quotas", "at most 32 quotas per rule");
    for (const auto& item : *quotas) {
      const auto* t = item.as_table();
      if (!t) {
        f_.error_at(item.source(), "each quota must be a table such as { tag = \"expanded\", min = 4 }");
        continue;
      }
      TomlFields q(*t, f_.file(), "quota: ", out_);
      q.only({"tag", "min", "label"});
      Quota quota;
      quota.tag = q.string("tag", true).value_or("");
      quota.label = q.string("label", false).value_or(quota.tag);
      if (!quota.tag.empty() && !valid_slug(quota.tag))
        q.error("tag", "quota tag '" + quota.tag + "' must be lower-case letters, digits and hyphens");
      if (r.quota(quota.tag)) q.error("tag", "quota tag '" + quota.tag + "' appears twice");
      if (auto min = q.integer("min", true)) {
        if (*min < 0) q.error("min", "quota 'min' must not be negative");
        else if (r.target > 0 && *min > r.target)
          q.error("min", "quota '" + quota.tag + "' min " + std::to_string(*min) + " is above the rule's target " +
                             std::to_string(r.target));
        else quota.min = static_cast<int>(*min);
      }
      r.quotas.push_back(quota);
    }
  }

  void read_deadline(Rule& r) {
    if (f_.raw().contains("target")) f_.error("target", "'target' belongs to cadence rules; a deadline has one deliverable per period");
    if (f_.raw().contains("quotas")) f_.error("quotas", "'quotas' belong to cadence rules");
    const auto* due = f_.table("due");
    if (!due) {
      if (!f_.raw().contains("due"))
        f_.error("due", "missing required key 'due' for a deadline rule, e.g. due = { from = \"end\", workdays = 5 }");
      return;
    }
    TomlFields d(*due, f_.file(), "due: ", out_);
    d.only({"from", "workdays", "days"});
    DueSpec spec;
    if (auto from = d.string("from", true)) {
      if (*from == "start") spec.from = DueSpec::Anchor::start;
      else if (*from == "end") spec.from = DueSpec::Anchor::end;
      else d.error("from", "'from' must be \"start\" or \"end\"");
    }
    const auto workdays = d.integer("workdays", false);
    const auto days = d.integer("days", false);
    if (workdays.has_value() == days.has_value()) {
      f_.error("due", "'due' needs exactly one of 'workdays' or 'days'");
      return;
    }
    if (workdays) {
      const auto low = spec.from == DueSpec::Anchor::start ? 1 : 0;
      if (*workdays < low || *workdays > 366)
        d.error("workdays", "'workdays' must be between " + std::to_string(low) + " and 366 here");
      else spec.workdays = static_cast<int>(*workdays);
    } else if (*days < -366 || *days > 366) {
      d.error("days", "'days' must be between -366 and 366");
    } else {
      spec.days = static_cast<int>(*days);
    }
    r.due = spec;
  }

  void read_plan(Rule& r) {
    const auto* plan = f_.table("plan");
    if (!plan) return;
    TomlFields p(*plan, f_.file(), "plan: ", out_);
    p.only({"weekday", "time", "duration", "window"});
    if (auto wd = p.string("weekday", false)) {
      r.plan.weekday = parse_weekday(*wd);
      if (!r.plan.weekday) p.error("weekday", "'weekday' must be one of mon, tue, wed, thu, fri, sat, sun");
    }
    if (auto t = p.string("time", false)) {
      r.plan.time = parse_time_of_day(*t);
      if (!r.plan.time) p.error("time", "'time' must be HH:MM, 24-hour (\"14:30\")");
    }
    if (auto d = p.string("duration", false)) {
      r.plan.duration = parse_iso_duration(*d);
      if (!r.plan.duration) p.error("duration", "'duration' \"" + *d + "\" is not an ISO 8601 duration such as \"PT2H\"");
    }
    read_window(r, p);
  }

  // A month-day range names one time of the year, so it fits only a year rule: on a half,
  // quarter or month rule it would fall in one of the year's periods and say nothing about
  // the others, and ISO weeks straddle years. It stays within the year: a session for year Y
  // held in January Y+1 is a make-up for Y, not part of a window.
  void read_window(Rule& r, TomlFields& p) {
    const auto* window = p.array("window");
    if (!window) return;
    if (r.kind != RuleKind::cadence)
      return p.error("window", "'window' plans the sessions of a cadence rule; a deadline rule has 'due'");
    if (r.period != PeriodKind::year)
      return p.error("window", "'window' is a time of the year and lies outside most " + std::string(to_string(r.period)) +
                                   " periods; only a period = \"year\" rule takes one");
    if (window->size() != 2) return p.error("window", "'window' must be two month-days [\"MM-DD\", \"MM-DD\"]" + kExample);
    const auto first = month_day_at(*window->get(0), p);
    const auto last = first ? month_day_at(*window->get(1), p) : std::nullopt;
    if (!first || !last) return;
    if (*last < *first)
      return p.error_at(window->get(1)->source(),
                        "plan: 'window' ends before it starts; it lies within the year (a session for the year held "
                        "in the January after it is a make-up, recorded with the year as its period)");
    r.plan.window = PlanWindow{*first, *last};
  }

  std::optional<date::month_day> month_day_at(const toml::node& item, TomlFields& p) {
    const auto* text = item.as_string();
    if (auto md = text ? parse_month_day(text->get()) : std::nullopt) return md;
    const bool leap = text && text->get() == "02-29";
    p.error_at(item.source(), "plan: " + (text ? "\"" + text->get() + "\"" : std::string("a non-string")) +
                                  " in 'window' is not a month-day MM-DD" + kExample +
                                  (leap ? " (02-29 is not in every year: use 02-28 or 03-01)" : ""));
    return std::nullopt;
  }

  static inline const std::string kExample = ", such as [\"06-01\", \"07-31\"]";

  void read_remind(Rule& r) {
    const auto* remind = f_.table("remind");
    if (!remind) return;
    TomlFields m(*remind, f_.file(), "remind: ", out_);
    m.only({"before", "escalate_after_workdays"});
    if (auto before = m.strings("before", false))
      for (const auto& text : *before) {
        if (auto d = parse_iso_duration(text)) r.remind.before.push_back(*d);
        else m.error("before", "'" + text + "' in 'before' is not an ISO 8601 duration such as \"P7D\"");
      }
    if (auto n = m.integer("escalate_after_workdays", false)) {
      if (*n < 0) m.error("escalate_after_workdays", "'escalate_after_workdays' must not be negative");
      else r.remind.escalate_after_workdays = static_cast<int>(*n);
    }
  }

  TomlFields f_;
  Diagnostics& out_;
};

// Where a rule's plan window is written, for the checks that need a work calendar.
Diagnostic window_site(const toml::table& rule, const std::string& path) {
  const auto* window = rule.at_path("plan.window").node();
  const auto& where = window ? window->source() : rule.source();
  return {path, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column), ""};
}

}  // namespace

// "002_89d6aed285bfb3d4.txt": the name the seed reports are kept under, meaningless to readers.
bool names_seed_file(const std::string& source) {
  static const std::regex seed("[0-9]{3}_[0-9a-f]{16}\\.txt");
  return std::regex_search(source, seed);
}

void load_rule_file(const std::string& path, RuleSet& into) {
  auto doc = parse_toml_file(path, into.diagnostics);
  if (!doc) return;
  into.files.push_back(path);
  TomlFields top(*doc, path, "", into.diagnostics);
  top.only({"rule"});
  const auto* rules = top.array("rule");
  if (!rules) return;
  for (const auto& item : *rules) {
    const auto* table = item.as_table();
    if (!table) continue;
    const auto before = into.diagnostics.size();
    Rule rule = RuleReader(*table, path, into.diagnostics).read();
    const auto same = std::find_if(into.rules.begin(), into.rules.end(), [&](const Rule& r) { return r.id == rule.id; });
    if (!rule.id.empty() && same != into.rules.end()) {
      const auto* id = table->get("id");
      into.diagnostics.push_back({path, static_cast<int>(id->source().begin.line),
                                  static_cast<int>(id->source().begin.column),
                                  "duplicate rule id '" + rule.id + "' (ids are unique across all rule files)"});
    }
    if (into.diagnostics.size() != before) continue;
    if (rule.plan.window) into.windows.push_back({into.rules.size(), window_site(*table, path)});
    if (rule.cite.empty() && names_seed_file(rule.source))
      into.warnings.push_back({path, static_cast<int>(table->source().begin.line), 0,
                               "rule '" + rule.id + "': its source names a seed file, so the feed would show that file's name; "
                               "add cite = \"…\" (the regulation and article, or 地方实践：the document's title)"});
    into.rules.push_back(std::move(rule));
  }
}

RuleSet load_rules(const std::string& dir) {
  RuleSet set;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    set.diagnostics.push_back({dir, 0, 0, "rules folder not found (set it with --rules DIR)"});
    return set;
  }
  std::vector<std::string> paths;
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".toml") paths.push_back(entry.path().string());
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) load_rule_file(p, set);
  if (paths.empty()) set.diagnostics.push_back({dir, 0, 0, "no *.toml rule files in this folder"});
  return set;
}

std::vector<Rule> load_rules_or_throw(const std::string& dir) {
  auto set = load_rules(dir);
  if (!set.ok()) throw InputError(set.diagnostics);
  return std::move(set.rules);
}

}  // namespace cadence
