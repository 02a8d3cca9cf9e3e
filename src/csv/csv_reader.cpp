#include "csv/csv_reader.h"

#include "core/diagnostic.h"

#include <algorithm>

namespace cadence {

bool CsvReader::next(CsvRow& row) {
  while (at_ < text_.size()) {
    read_row(row);
    const bool blank = row.fields.size() == 1 && row.fields[0].empty();
    if (!blank) return true;
  }
  return false;
}

void CsvReader::read_row(CsvRow& row) {
  row.line = line_;
  std::size_t count = 0;
  // Fields are assigned over the previous row's strings, which keeps their capacity.
  auto field = [&]() -> std::string& {
    if (count == row.fields.size()) row.fields.emplace_back();
    std::string& f = row.fields[count++];
    f.clear();
    return f;
  };
  std::string* current = &field();
  bool quoted = false;
  bool field_started = false;
  int quote_line = 0;
  for (; at_ < text_.size(); ++at_) {
    const char c = text_[at_];
    if (quoted) {
      if (c == '"' && at_ + 1 < text_.size() && text_[at_ + 1] == '"') {
        *current += '"';
        ++at_;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line_;
        *current += c;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = true;
      field_started = true;
      quote_line = line_;
    } else if (c == ',') {
      current = &field();
      field_started = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n') ++at_;
      ++at_;
      ++line_;
      break;
    } else {
      *current += c;
      field_started = true;
    }
  }
  if (quoted) throw InputError(Diagnostics{{file_, quote_line, 0, "a quoted field is never closed (missing \")"}});
  row.fields.resize(count);
}

std::vector<CsvRow> read_csv(const std::string& file, std::string_view text) {
  std::vector<CsvRow> rows;
  CsvReader reader(file, text);
  for (CsvRow row; reader.next(row);) rows.push_back(row);
  return rows;
}

std::vector<std::string> split_list_field(std::string_view field) {
  std::vector<std::string> items;
  std::string cur;
  auto finish = [&] {
    if (!cur.empty() && std::find(items.begin(), items.end(), cur) == items.end()) items.push_back(cur);
    cur.clear();
  };
  for (char c : field) {
    if (c == ';') finish();
    else if (c != ' ') cur += c;
  }
  finish();
  return items;
}

std::size_t check_header(const std::string& file, const std::vector<CsvRow>& rows,
                         const std::vector<std::string>& required, const std::vector<std::string>& optional) {
  return check_header(file, rows.empty() ? nullptr : &rows.front(), required, optional);
}

std::size_t check_header(const std::string& file, const CsvRow* first,
                         const std::vector<std::string>& required, const std::vector<std::string>& optional) {
  std::string expected;
  for (const auto& c : required) expected += (expected.empty() ? "" : ",") + c;
  std::string with_optional = expected;
  for (const auto& c : optional) with_optional += "," + c;
  if (!first) throw InputError(Diagnostics{{file, 1, 0, "the file is empty; expected the header " + expected}});
  const auto& header = first->fields;
  std::string got;
  for (const auto& c : header) got += (got.empty() ? "" : ",") + c;
  const bool prefix_ok = header.size() >= required.size() && header.size() <= required.size() + optional.size();
  bool ok = prefix_ok;
  for (std::size_t i = 0; ok && i < header.size(); ++i)
    ok = header[i] == (i < required.size() ? required[i] : optional[i - required.size()]);
  if (!ok) {
    std::string message = "wrong header '" + got + "'; expected '" + expected + "'";
    if (!optional.empty()) message += " or '" + with_optional + "'";
    throw InputError(Diagnostics{{file, first->line, 0, message}});
  }
  return header.size();
}

}  // namespace cadence
