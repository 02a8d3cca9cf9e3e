#include "ical/content_lines.h"

#include <algorithm>

namespace cadence::ical {

std::vector<ContentLine> unfold(std::string_view text) {
  std::vector<ContentLine> lines;
  int physical = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    auto end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    auto raw = text.substr(at, end - at);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    at = end + 1;
    ++physical;
    if (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t') && !lines.empty()) {
      // The fold's CRLF and its one leading blank are not content; UTF-8 sequences split
      // across folds join up again here.
      lines.back().text.append(raw.substr(1));
      continue;
    }
    if (raw.find_first_not_of(" \t") == std::string_view::npos) continue;
    lines.push_back({physical, std::string(raw)});
  }
  return lines;
}

namespace {

// The octets from `at` that no fold may split: a UTF-8 sequence, or a backslash and the
// character it escapes.
std::size_t unit_length(std::string_view line, std::size_t at) {
  auto sequence = [&](std::size_t i) {
    std::size_t n = 1;
    while (i + n < line.size() && (static_cast<unsigned char>(line[i + n]) & 0xC0) == 0x80) ++n;
    return n;
  };
  if (line[at] == '\\' && at + 1 < line.size()) return 1 + sequence(at + 1);
  return sequence(at);
}

// Appends `line` folded: whole runs are copied at once, a fold goes before the first unit
// that does not fit.
void fold_into(std::string& out, std::string_view line) {
  std::size_t room = kMaxLineOctets;
  std::size_t run = 0;  // start of what is not yet copied
  for (std::size_t at = 0; at < line.size();) {
    const auto n = unit_length(line, at);
    if (n > room) {
      out.append(line.substr(run, at - run)).append("\r\n ");
      run = at;
      room = kMaxLineOctets - 1;  // the leading blank counts
    }
    room -= std::min(room, n);
    at += n;
  }
  out.append(line.substr(run)).append("\r\n");
}

}  // namespace

// One pass over the physical lines: a logical line is gathered from its folds, then folded
// again; a feed of several megabytes costs milliseconds.
std::string refold(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 64);
  std::string logical;
  auto flush = [&] {
    if (!logical.empty()) fold_into(out, logical);
    logical.clear();
  };
  for (std::size_t at = 0; at < text.size();) {
    auto end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    auto raw = text.substr(at, end - at);
    at = end + 1;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t') && !logical.empty()) {
      logical.append(raw.substr(1));
      continue;
    }
    flush();
    if (raw.find_first_not_of(" \t") != std::string_view::npos) logical.assign(raw);
  }
  flush();
  return out;
}

bool split_property(std::string_view line, PropertyParts& parts) {
  const auto name_end = line.find_first_of(";:");
  if (name_end == std::string_view::npos) return false;
  bool quoted = false;
  for (std::size_t i = name_end; i < line.size(); ++i) {
    if (line[i] == '"') quoted = !quoted;
    if (line[i] == ':' && !quoted) {
      parts.name = line.substr(0, name_end);
      parts.params = line.substr(name_end, i - name_end);
      parts.value = line.substr(i + 1);
      return true;
    }
  }
  return false;
}

bool iequals(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace cadence::ical
