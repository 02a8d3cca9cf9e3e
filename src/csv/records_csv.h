#pragma once
// records.csv: unit,rule,date,tags,period,note
#include "core/record.h"
#include "core/rule.h"

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

}  // namespace cadence
