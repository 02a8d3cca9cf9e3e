#pragma once
// The form a secretary records with (add, or correct a record), server-rendered. What it posts
// is read into the JSON object the API's record_input checks, so a page and the API refuse the
// same things with the same words; the refusal is shown next to its field.
#include "report/display_text.h"
#include "store/record_review.h"
#include "web/request_body.h"

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

namespace cadence::web {

// What the form shows: empty for a new record, a record's values to correct it, or what was
// sent when it was refused.
struct RecordFormValues {
  std::string rule, date, period, note, expected, present;
  std::vector<std::string> tags;
};
RecordFormValues form_values(const store::ReviewedRecord& r);
RecordFormValues form_values(const FormFields& fields);

// The JSON object of the API's record body (web/api_record_json.h) the values describe; a
// count that is not a number stays text, for record_input to refuse by its field.
Poco::JSON::Object::Ptr record_object(const RecordFormValues& values);

struct FormProblem {
  std::string field;  // as record_input names it: rule, date, tags, period, note, attendance.present…
  std::string message;
};

struct RecordForm {
  std::string action;      // where it posts
  std::string csrf_token;
  std::string version;     // correcting: the record's ETag when the form was made; empty for a new one
  std::string as_of;       // the day the page it returns to is judged at
  const Unit& unit;
  const std::vector<Rule>& rules;
  RecordFormValues values;
  std::optional<FormProblem> problem;
  report::Language language = report::Language::kChinese;
};

std::string record_form_html(const RecordForm& form);

}  // namespace cadence::web
