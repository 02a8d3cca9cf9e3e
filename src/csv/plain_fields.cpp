#include "csv/plain_fields.h"

namespace cadence {

bool check_plain_fields(const CsvRow& row, std::span<const FieldLimit> limits, RowErrors& errors) {
  bool ok = true;
  for (std::size_t i = 0; i < row.fields.size() && i < limits.size(); ++i) {
    const auto problem = text_problem(row.fields[i], limits[i].max_bytes, limits[i].breaks);
    if (problem.empty()) continue;
    errors.add(row.line, std::string(limits[i].name), problem);
    ok = false;
  }
  return ok;
}

}  // namespace cadence
