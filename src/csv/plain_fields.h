#pragma once
// The checks every CSV field gets before its meaning is read: no control characters, no
// field larger than its kind of text (see core/plain_text.h).
#include "core/plain_text.h"
#include "csv/csv_reader.h"
#include "csv/row_errors.h"

#include <span>
#include <string_view>

namespace cadence {

struct FieldLimit {
  std::string_view name;  // the header's column name, as errors name the field
  std::size_t max_bytes = kMaxLineBytes;
  LineBreaks breaks = LineBreaks::refused;
};

// Adds an error naming the row's line and the field for each field that fails; true when
// none does. `limits` has one entry per column of `row`.
bool check_plain_fields(const CsvRow& row, std::span<const FieldLimit> limits, RowErrors& errors);

}  // namespace cadence
