#pragma once
// The small pieces of HTTP syntax that request parsing and the handlers both read: optional
// whitespace, case-insensitive names, comma-separated lists (RFC 9110 §5.6).
#include <string_view>

namespace cadence::web {

inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

inline std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Whether `matches` holds for any element of a comma-separated list (elements trimmed).
template <typename Predicate>
bool any_list_element(std::string_view list, Predicate matches) {
  while (!list.empty()) {
    const auto comma = list.find(',');
    if (matches(trim_ows(list.substr(0, comma)))) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace cadence::web
