#pragma once
// RFC 4180 CSV as Excel writes it: quoted fields with "" escapes and embedded newlines, CRLF or
// LF line ends. Every row keeps the line it starts on, for error messages.
#include <string>
#include <string_view>
#include <vector>

namespace cadence {

struct CsvRow {
  int line = 0;
  std::vector<std::string> fields;
};

// Reads UTF-8 text (see decode_text). Throws InputError for an unterminated quote.
// Blank lines are skipped.
std::vector<CsvRow> read_csv(const std::string& file, std::string_view text);

// "a; b;;c" → {"a", "b", "c"}: the ';'-separated lists of a CSV field (tags, admin emails),
// blanks dropped, repeats kept once, in first-seen order.
std::vector<std::string> split_list_field(std::string_view field);

// Throws InputError unless the first row is `required` followed by a prefix of `optional`.
// Returns the number of columns the file has.
std::size_t check_header(const std::string& file, const std::vector<CsvRow>& rows,
                         const std::vector<std::string>& required, const std::vector<std::string>& optional = {});

}  // namespace cadence
