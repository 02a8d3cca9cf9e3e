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

// Reads UTF-8 text (see decode_text) one row at a time, so that a file of millions of rows
// never lives in memory as rows. Blank lines are skipped.
class CsvReader {
 public:
  // `text` must outlive the reader.
  CsvReader(std::string file, std::string_view text) : file_(std::move(file)), text_(text) {}
  // The next row into `row` (its fields' storage is reused); false at the end of the text.
  // Throws InputError for an unterminated quote.
  bool next(CsvRow& row);

 private:
  // One row's fields into `row`, from at_; returns at the character after its line end.
  void read_row(CsvRow& row);

  std::string file_;
  std::string_view text_;
  std::size_t at_ = 0;
  int line_ = 1;
};

// Every row at once: for files of a few thousand rows.
std::vector<CsvRow> read_csv(const std::string& file, std::string_view text);

// "a; b;;c" → {"a", "b", "c"}: a ;-separated list of a CSV field (admin emails; tags are Tags),
// blanks dropped, repeats kept once, in first-seen order.
std::vector<std::string> split_list_field(std::string_view field);

// Throws InputError unless the first row is `required` followed by a prefix of `optional`.
// Returns the number of columns the file has.
std::size_t check_header(const std::string& file, const std::vector<CsvRow>& rows,
                         const std::vector<std::string>& required, const std::vector<std::string>& optional = {});
// The same for the first row read by a CsvReader; nullptr when the file has none.
std::size_t check_header(const std::string& file, const CsvRow* first,
                         const std::vector<std::string>& required, const std::vector<std::string>& optional = {});

}  // namespace cadence
