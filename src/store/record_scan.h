#pragma once
// The hot read of compliance — millions of (unit, rule, date, tags, period) rows — done through
// each backend's own C library. Poco::Data copies every value of a row into a std::string of a
// vector before the caller sees it (about 0.45 µs a row, more than judging the record);
// sqlite3_column_text and the rows of PostgreSQL's COPY … TO STDOUT are read where they lie.
#include "core/day.h"
#include "store/database.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cadence::store {

using RecordRowFn = std::function<void(std::string_view unit, std::string_view rule, Day date,
                                       std::string_view tags, std::string_view period)>;

// Runs `select` — a SELECT of the five columns unit, rule, date, tags, period in that order,
// with `?` for each of `params` (text values) — and calls `fn` once per row, with views valid
// during the call only. `what` names the read in a StoreError ("cannot read records from …").
// What `fn` throws passes through unchanged, and leaves the connection usable.
void scan_record_rows(Database& db, const std::string& select, const std::vector<std::string>& params,
                      const RecordRowFn& fn);

// PostgreSQL's COPY text format: one row per line, columns separated by tabs, and a backslash
// before a tab, newline, backslash or other control character in a value. Splits `line` into
// `columns` values, unescaped into `scratch` where they need it; false if the count differs.
// (Exposed for its tests.)
bool split_copy_row(std::string_view line, std::vector<std::string_view>& columns, std::string& scratch,
                    std::size_t count);

}  // namespace cadence::store
