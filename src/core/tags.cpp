#include "core/tags.h"

#include <algorithm>

namespace cadence {

Tags::Tags(std::initializer_list<std::string> names) : Tags(std::vector<std::string>(names)) {}

Tags::Tags(std::vector<std::string> names) : names_(std::move(names)) {
  std::sort(names_.begin(), names_.end());
  names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
}

Tags Tags::parse(std::string_view text) {
  std::vector<std::string> names;
  for_each_in(text, [&](std::string_view name) { names.emplace_back(name); });
  return Tags(std::move(names));
}

std::string Tags::text() const {
  std::string out;
  for (const auto& name : names_) {
    if (!out.empty()) out += ';';
    out += name;
  }
  return out;
}

void Tags::insert(std::string name) {
  const auto at = std::lower_bound(names_.begin(), names_.end(), name);
  if (at == names_.end() || *at != name) names_.insert(at, std::move(name));
}

void Tags::insert(const Tags& other) {
  for (const auto& name : other) insert(name);
}

bool Tags::contains(std::string_view name) const {
  return std::binary_search(names_.begin(), names_.end(), name, std::less<>{});
}

}  // namespace cadence
