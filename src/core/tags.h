#pragma once
// The tags a record carries (类别: `expanded`, `observed`, …): a set of names, kept sorted and
// without repeats, so that two records with the same tags compare equal however they were
// written. Everywhere tags are text (a CSV field, a database column, --tags) it is one form,
// the names joined by ';', read and written only here.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace cadence {

class Tags {
 public:
  Tags() = default;
  Tags(std::initializer_list<std::string> names);
  explicit Tags(std::vector<std::string> names);

  // "observed; expanded;;expanded" → {expanded, observed}: blanks around a name and empty
  // names are dropped.
  static Tags parse(std::string_view text);
  // Calls fn(name) for each non-empty name of `text` as parse() reads it, without building a
  // Tags: for scanning millions of stored rows.
  template <typename Fn>
  static void for_each_in(std::string_view text, Fn&& fn);

  // The one text form: "expanded;observed", "" for none.
  std::string text() const;

  void insert(std::string name);
  void insert(const Tags& other);
  bool contains(std::string_view name) const;
  bool empty() const { return names_.empty(); }
  std::size_t size() const { return names_.size(); }
  std::vector<std::string>::const_iterator begin() const { return names_.begin(); }
  std::vector<std::string>::const_iterator end() const { return names_.end(); }

  friend bool operator==(const Tags&, const Tags&) = default;

 private:
  std::vector<std::string> names_;  // sorted, unique
};

template <typename Fn>
void Tags::for_each_in(std::string_view text, Fn&& fn) {
  while (!text.empty()) {
    const auto end = text.find(';');
    auto name = text.substr(0, end);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (!name.empty()) fn(name);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
  }
}

}  // namespace cadence
