#include "ical/rule_match.h"

#include "ical/content_lines.h"

#include <algorithm>

namespace cadence::ical {

namespace {

// The names an event may call a rule by; the short title is what our own feed's summaries use.
std::vector<std::string_view> titles(const Rule& rule) {
  std::vector<std::string_view> out;
  for (std::string_view t : {std::string_view(rule.title), std::string_view(rule.short_title), std::string_view(rule.title_en)})
    if (!t.empty()) out.push_back(t);
  return out;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// ASCII letters compared without case, for English titles and tag ids; UTF-8 bytes as they are.
bool contains(std::string_view text, std::string_view part) {
  if (part.empty()) return false;
  return std::search(text.begin(), text.end(), part.begin(), part.end(),
                     [](char a, char b) { return lower(a) == lower(b); }) != text.end();
}

// Characters, not bytes: a Chinese character is three bytes and must not outweigh three letters.
std::size_t length(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::string ids(const std::vector<const Rule*>& rules) {
  std::string out;
  for (const auto* r : rules) out += (out.empty() ? "" : ", ") + r->id;
  return out;
}

RuleMatch only_one(const std::vector<const Rule*>& found, const char* how) {
  if (found.size() == 1) return {found.front(), ""};
  return {nullptr, std::string("ambiguous: ") + how + " matches " + ids(found)};
}

std::vector<const Rule*> by_categories(const EventWords& words, const std::vector<const Rule*>& rules) {
  std::vector<const Rule*> found;
  for (const auto* rule : rules)
    for (const auto& category : words.categories) {
      const auto c = trim(category);
      const auto names = titles(*rule);
      if (iequals(c, rule->id) || std::any_of(names.begin(), names.end(), [&](auto t) { return iequals(c, t); })) {
        found.push_back(rule);
        break;
      }
    }
  return found;
}

std::vector<const Rule*> by_summary(const EventWords& words, const std::vector<const Rule*>& rules) {
  std::vector<const Rule*> best;
  std::size_t best_length = 0;
  for (const auto* rule : rules) {
    std::size_t longest = 0;
    for (auto t : titles(*rule))
      if (contains(words.summary, t)) longest = std::max(longest, length(t));
    if (longest == 0 || longest < best_length) continue;
    if (longest > best_length) best.clear();
    best_length = longest;
    best.push_back(rule);
  }
  return best;
}

}  // namespace

RuleMatch match_rule(const EventWords& words, const std::vector<const Rule*>& rules) {
  if (words.rule_id) {
    const auto id = trim(*words.rule_id);
    for (const auto* rule : rules)
      if (rule->id == id) return {rule, ""};
    return {nullptr, "X-CADENCE-RULE '" + std::string(id) + "' is not a rule for this unit"};
  }
  if (const auto found = by_categories(words, rules); !found.empty()) return only_one(found, "CATEGORIES");
  if (const auto found = by_summary(words, rules); !found.empty()) return only_one(found, "SUMMARY");
  return {nullptr, "matches no rule for this unit"};
}

std::vector<std::string> match_tags(const EventWords& words, const Rule& rule) {
  std::vector<std::string> tags;
  if (words.tags) {
    std::string_view rest = *words.tags;
    while (!rest.empty()) {
      const auto comma = std::min(rest.find(','), rest.size());
      if (const auto tag = trim(rest.substr(0, comma)); !tag.empty()) tags.emplace_back(tag);
      rest.remove_prefix(std::min(comma + 1, rest.size()));
    }
  } else {
    auto mentioned = [&](std::string_view word) {
      return contains(words.summary, word) ||
             std::any_of(words.categories.begin(), words.categories.end(), [&](const auto& c) { return contains(c, word); });
    };
    for (const auto& q : rule.quotas)
      if (mentioned(q.tag) || mentioned(q.label)) tags.push_back(q.tag);
  }
  std::sort(tags.begin(), tags.end());
  tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
  return tags;
}

}  // namespace cadence::ical
