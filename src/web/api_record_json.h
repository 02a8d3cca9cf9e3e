#pragma once
// A record as the JSON API shows it and takes it.
//   {"id", "unit", "rule", "date", "period"?, "tags": [...], "note",
//    "attendance": {"expected"?, "present"?}, "status": "submitted"|"returned",
//    "returned"?: {"reason", "by", "at"}, "evidence": [{"id", "kind", "link"? | "filename",
//    "media_type", "size", "href"}], "created_at", "created_by", "updated_at", "updated_by"}
// What a POST or PUT sends: rule, date, and optionally tags, period, note, attendance.
#include "core/rule.h"
#include "core/unit.h"
#include "store/record_review.h"

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

namespace cadence::web {

std::string record_json(const store::ReviewedRecord& r, const std::vector<store::Evidence>& evidence);
// A list of them: {"unit", "records": [...]}, without evidence.
std::string records_json(const std::string& unit, const std::vector<store::ReviewedRecord>& records);
std::string evidence_json(const store::Evidence& e);

struct RecordInput {
  Record record;
  store::Attendance attendance;
};

// The record `body` describes for `unit`, checked as `records add` checks one (the rule known
// and applying to the unit's type, its tags, its period) and its attendance (whole numbers,
// 实到 ≤ 应到): RequestError 422 naming the field otherwise.
RecordInput record_input(const Poco::JSON::Object& body, const Unit& unit, const std::vector<Rule>& rules);

}  // namespace cadence::web
