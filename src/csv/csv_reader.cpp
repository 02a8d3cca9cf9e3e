#include "csv/csv_reader.h"

#include "core/diagnostic.h"

#include <algorithm>

namespace cadence {

std::vector<CsvRow> read_csv(const std::string& file, std::string_view text) {
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  int line = 1;
  row.line = 1;
  bool quoted = false;
  bool field_started = false;
  int quote_line = 0;
  auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
    field_started = false;
  };
  auto end_row = [&] {
    end_field();
    const bool blank = row.fields.size() == 1 && row.fields[0].empty();
    if (!blank) rows.push_back(std::move(row));
    row = CsvRow{};
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = true;
      field_started = true;
      quote_line = line;
    } else if (c == ',') {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      ++line;
      row.line = line;
    } else {
      field += c;
      field_started = true;
    }
  }
  if (quoted) throw InputError(Diagnostics{{file, quote_line, 0, "a quoted field is never closed (missing \")"}});
  if (field_started || !row.fields.empty()) end_row();
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
  std::string expected;
  for (const auto& c : required) expected += (expected.empty() ? "" : ",") + c;
  std::string with_optional = expected;
  for (const auto& c : optional) with_optional += "," + c;
  if (rows.empty()) throw InputError(Diagnostics{{file, 1, 0, "the file is empty; expected the header " + expected}});
  const auto& header = rows.front().fields;
  std::string got;
  for (const auto& c : header) got += (got.empty() ? "" : ",") + c;
  const bool prefix_ok = header.size() >= required.size() && header.size() <= required.size() + optional.size();
  bool ok = prefix_ok;
  for (std::size_t i = 0; ok && i < header.size(); ++i)
    ok = header[i] == (i < required.size() ? required[i] : optional[i - required.size()]);
  if (!ok) {
    std::string message = "wrong header '" + got + "'; expected '" + expected + "'";
    if (!optional.empty()) message += " or '" + with_optional + "'";
    throw InputError(Diagnostics{{file, rows.front().line, 0, message}});
  }
  return header.size();
}

}  // namespace cadence
