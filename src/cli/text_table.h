#pragma once
// Aligned columns for people: Chinese characters take two terminal cells, and colour codes
// take none. No cell reaches the terminal with a raw control character: a note holding ESC
// sequences could otherwise clear or retitle it.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace cadence::cli {

// Terminal cells `text` occupies (East Asian wide characters count 2, ANSI escapes 0).
std::size_t display_width(std::string_view text);

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header);
  // Cells as they came (a note, a unit's name): control characters are written out (printable).
  void add(std::vector<std::string> row);
  // Cells the caller made: printable already, and may carry colour codes.
  void add_formatted(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  bool empty() const { return rows_.empty(); }
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace cadence::cli
