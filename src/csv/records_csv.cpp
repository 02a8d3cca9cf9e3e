#include "csv/records_csv.h"

#include "csv/csv_reader.h"
#include "csv/plain_fields.h"
#include "csv/row_errors.h"

#include <algorithm>
#include <tuple>

namespace cadence {

namespace {

const std::vector<std::string> kHeader{"unit", "rule", "date", "tags", "period", "note"};
const FieldLimit kLimits[]{{"unit", kMaxIdBytes},   {"rule", kMaxIdBytes},   {"date", kMaxIdBytes},
                           {"tags", kMaxLineBytes}, {"period", kMaxIdBytes}, {"note", kMaxNoteBytes, LineBreaks::allowed}};

const Rule* find_rule(const std::vector<Rule>& rules, const std::string& id) {
  for (const auto& r : rules)
    if (r.id == id) return &r;
  return nullptr;
}

// "field: message", split so RowErrors can name the field.
std::pair<std::string, std::string> field_message(const std::string& problem) {
  const auto colon = problem.find(": ");
  return {problem.substr(0, colon), problem.substr(colon + 2)};
}

// A record's identity is (unit, rule, date, period): the same identity twice in one file is a
// mistake. Sorting indices finds repeats without a map of millions of keys.
void report_repeats(const std::vector<Record>& records, const std::vector<int>& lines, RowErrors& errors) {
  auto key = [&](std::uint32_t i) {
    const auto& r = records[i];
    return std::make_tuple(std::string_view(r.unit), std::string_view(r.rule), r.date,
                           r.period ? r.period->start : Day::min());
  };
  std::vector<std::uint32_t> order(records.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return key(a) < key(b); });
  for (std::size_t k = 1; k < order.size(); ++k)
    if (key(order[k]) == key(order[k - 1])) report_repeat(errors, lines[order[k]], lines[order[k - 1]]);
}

// The record of a row, or nullopt with its problem added to `errors`.
std::optional<Record> record_of(const CsvRow& row, const RecordContext& context, RowErrors& errors) {
  if (row.fields.size() != kHeader.size()) {
    errors.add(row.line, "row", "expected 6 fields, found " + std::to_string(row.fields.size()));
    return std::nullopt;
  }
  if (!check_plain_fields(row, kLimits, errors)) return std::nullopt;
  const auto& f = row.fields;
  Record r;
  r.unit = f[0];
  r.rule = f[1];
  r.tags = Tags::parse(f[3]);
  r.note = f[5];
  const auto day = parse_day(f[2]);
  if (!day) {
    errors.add(row.line, "date", "'" + f[2] + "' is not a date (YYYY-MM-DD)");
    return std::nullopt;
  }
  r.date = *day;
  if (!f[4].empty()) {
    r.period = parse_period(f[4]);
    if (!r.period) {
      errors.add(row.line, "period", "'" + f[4] + "' is not a period such as 2026, 2026-H1, 2026-Q2, 2026-03, 2026-W07");
      return std::nullopt;
    }
  }
  if (const auto problem = check_record(r, context); !problem.empty()) {
    const auto [field, message] = field_message(problem);
    errors.add(row.line, field, message);
    return std::nullopt;
  }
  return r;
}

}  // namespace

std::string check_record(Record& r, const RecordContext& context) {
  const auto unit = context.unit_types.find(r.unit);
  if (unit == context.unit_types.end()) return "unit: unknown unit '" + r.unit + "'";
  const Rule* rule = find_rule(*context.rules, r.rule);
  if (!rule) return "rule: unknown rule '" + r.rule + "'";
  if (!rule->applies_to_type(unit->second))
    return "rule: rule '" + r.rule + "' does not apply to unit '" + r.unit + "' (type " + unit->second + ")";
  for (const auto& t : r.tags)
    if (!rule->quota(t)) {
      std::string known;
      for (const auto& q : rule->quotas) known += (known.empty() ? "" : ", ") + q.tag;
      return "tags: unknown tag '" + t + "' for rule '" + r.rule + "'" + (known.empty() ? " (it has no tags)" : " (known: " + known + ")");
    }
  const Period own = period_containing(rule->period, r.date);
  if (rule->kind == RuleKind::deadline) {
    if (!r.period) return "period: a deadline rule's record names the period it fulfils, e.g. " + own.id();
    if (r.period->kind != rule->period)
      return "period: '" + r.period->id() + "' is not a " + std::string(to_string(rule->period)) + " period, e.g. " + own.id();
    if (r.date < r.period->start) return "date: " + format_day(r.date) + " is before the period " + r.period->id() + " starts";
    return "";
  }
  if (r.period) {
    if (r.period->kind != rule->period)
      return "period: '" + r.period->id() + "' is not a " + std::string(to_string(rule->period)) + " period";
    if (r.period->start > own.start)
      return "period: a make-up names an earlier period; " + r.period->id() + " is after the record's date";
    if (*r.period == own) r.period.reset();
  }
  return "";
}

void report_repeat(RowErrors& errors, int line, int earlier) {
  errors.add(line, "row", "repeats the record on line " + std::to_string(earlier) + " (same unit, rule, date and period)");
}

void read_records_csv(const std::string& file, std::string_view text, const RecordContext& context, RowErrors& errors,
                      const KeepRecord& keep) {
  CsvReader reader(file, text);
  CsvRow row;
  const bool any = reader.next(row);
  check_header(file, any ? &row : nullptr, kHeader);
  while (reader.next(row))
    if (auto record = record_of(row, context, errors)) keep(std::move(*record), row.line);
}

std::vector<Record> parse_records_csv(const std::string& file, std::string_view text, const RecordContext& context) {
  RowErrors errors(file);
  std::vector<Record> records;
  std::vector<int> lines;
  read_records_csv(file, text, context, errors, [&](Record&& record, int line) {
    records.push_back(std::move(record));
    lines.push_back(line);
  });
  report_repeats(records, lines, errors);
  errors.throw_if_any();
  return records;
}

}  // namespace cadence
