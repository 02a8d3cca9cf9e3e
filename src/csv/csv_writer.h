#pragma once
// CSV as spreadsheets open it (RFC 4180): fields quoted when they hold a comma, a quote or a
// line break, lines ending in CRLF. A field that a spreadsheet would run as a formula (it starts
// with =, +, -, @, a tab or CR) is prefixed with an apostrophe, as OWASP advises against CSV
// injection: unit names and notes come from users.
#include <string>
#include <string_view>
#include <vector>

namespace cadence::csv {

// The byte-order mark that makes Excel and WPS read a CSV file as UTF-8.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string csv_field(std::string_view value);
// The fields joined by commas, with the line's CRLF.
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace cadence::csv
