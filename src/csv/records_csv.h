#pragma once
// records.csv: unit,rule,date,tags,period,note
#include "core/record.h"
#include "core/rule.h"
#include "csv/row_errors.h"

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace cadence {

// What a record may refer to: unit id → unit type, and the rules.
struct RecordContext {
  std::unordered_map<std::string, std::string> unit_types;
  const std::vector<Rule>* rules = nullptr;
};

// Checks one record against the context; "" when it is fine, else what is wrong.
// Normalises it: tags sorted, a cadence period equal to the record's own period dropped.
std::string check_record(Record& record, const RecordContext& context);

// Parses and checks every row; throws InputError listing each bad row's line and field.
std::vector<Record> parse_records_csv(const std::string& file, std::string_view text, const RecordContext& context);

// The same one row at a time, for files of millions of rows: each good record goes to `keep`
// with its line as soon as it is read, each bad row's problems to `errors`. Records repeating
// an earlier one's identity are the caller's to find (parse_records_csv does it in memory,
// `records import` in the database).
using KeepRecord = std::function<void(Record&& record, int line)>;
void read_records_csv(const std::string& file, std::string_view text, const RecordContext& context, RowErrors& errors,
                      const KeepRecord& keep);

// The problem of a record that repeats the one on line `earlier`, as `errors` gets it.
void report_repeat(RowErrors& errors, int line, int earlier);

}  // namespace cadence
