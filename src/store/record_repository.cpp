#include "store/record_repository.h"

#include "store/audit_log.h"
#include "store/change_counters.h"
#include "store/columns.h"
#include "store/json_text.h"
#include "store/record_import.h"
#include "store/record_scan.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

#include <algorithm>

namespace cadence::store {

namespace {

using Poco::Data::Statement;
using Poco::Data::Keywords::bind;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

// What counts: every record but a returned one (退回), until it is resubmitted. Literal, so that
// the partial index records_by_date serves the scans.
constexpr const char* kCounts = "status <> 'returned'";

constexpr const char* kSelectRecords = "SELECT id, unit, rule, date, period, tags, note FROM records ";

std::optional<Period> period_column(const std::string& text) {
  if (text.empty()) return std::nullopt;
  if (auto period = parse_period(text)) return period;
  throw StoreError("the database holds a malformed period in records.period: '" + text + "'");
}

// The columns of kSelectRecords, extracted together.
struct RecordRows {
  std::vector<std::int64_t> id;
  std::vector<std::string> unit, rule, date, period, tags, note;

  void extract_from(Statement& select) {
    select.addExtract(into(id));
    for (auto* column : {&unit, &rule, &date, &period, &tags, &note}) select.addExtract(into(*column));
  }

  std::vector<Record> records() const {
    std::vector<Record> out(id.size());
    for (std::size_t i = 0; i < id.size(); ++i)
      out[i] = Record{id[i],
                      unit[i],
                      rule[i],
                      day_column(date[i], "records.date"),
                      Tags::parse(tags[i]),
                      period_column(period[i]),
                      note[i]};
    return out;
  }
};

std::string json_of(const Record& record) {
  return json_object({{"unit", record.unit},
                      {"rule", record.rule},
                      {"date", format_day(record.date)},
                      {"period", record.period ? record.period->id() : ""},
                      {"tags", record.tags.text()},
                      {"note", record.note}});
}

std::vector<std::string> units_of(const std::vector<Record>& records) {
  std::vector<std::string> units;
  for (const auto& r : records) units.push_back(r.unit);
  std::sort(units.begin(), units.end());
  units.erase(std::unique(units.begin(), units.end()), units.end());
  return units;
}

}  // namespace

ImportSummary RecordRepository::upsert(const std::vector<Record>& records, const std::string& actor,
                                       const std::string& source) {
  try {
    Transaction transaction(db_);
    const auto summary = import_records(db_, records, actor, source, kRowAuditLimit);
    if (summary.added + summary.updated > 0) records_changed(db_, units_of(records));
    transaction.commit();
    return summary;
  } catch (...) {
    rethrow_with_context("cannot import records into '" + db_.name() + "'");
  }
}

std::int64_t RecordRepository::add(const Record& record, const std::string& actor) {
  try {
    Transaction transaction(db_);
    const auto summary = import_records(db_, {record}, actor, "", kRowAuditLimit);
    if (summary.added + summary.updated > 0) records_changed(db_, {record.unit});
    std::int64_t id = 0;
    db_.session() << db_.dialect().sql(
        "SELECT id FROM records WHERE unit = ? AND rule = ? AND date = ? AND period = ?"),
        bind(record.unit), bind(record.rule), bind(format_day(record.date)),
        bind(record.period ? record.period->id() : ""), into(id), now;
    transaction.commit();
    return id;
  } catch (...) {
    rethrow_with_context("cannot store the record in '" + db_.name() + "'");
  }
}

std::optional<Record> RecordRepository::find(std::int64_t id) {
  try {
    RecordRows rows;
    Statement select(db_.session());
    select << db_.dialect().sql(std::string(kSelectRecords) + "WHERE id = ?"), bind(id);
    rows.extract_from(select);
    select.execute();
    auto records = rows.records();
    if (records.empty()) return std::nullopt;
    return std::move(records.front());
  } catch (...) {
    rethrow_with_context("cannot read record " + std::to_string(id) + " from '" + db_.name() + "'");
  }
}

bool RecordRepository::remove(std::int64_t id, const std::string& actor) {
  try {
    Transaction transaction(db_);
    const auto record = find(id);
    if (!record) return false;
    db_.session() << db_.dialect().sql("DELETE FROM records WHERE id = ?"), bind(id), now;
    AuditLog(db_).append(
        {0, db_.now(), actor, "delete", "record", std::to_string(id), json_of(*record), std::nullopt});
    records_changed(db_, {record->unit});
    transaction.commit();
    return true;
  } catch (...) {
    rethrow_with_context("cannot delete record " + std::to_string(id) + " from '" + db_.name() + "'");
  }
}

std::vector<Record> RecordRepository::of_unit(const std::string& unit, Day from, Day to) {
  try {
    RecordRows rows;
    Statement select(db_.session());
    select << db_.dialect().sql(std::string(kSelectRecords) +
                                "WHERE unit = ? AND date BETWEEN ? AND ? AND " + kCounts + " ORDER BY date, rule, id"),
        bind(unit), bind(format_day(from)), bind(format_day(to));
    rows.extract_from(select);
    select.execute();
    return rows.records();
  } catch (...) {
    rethrow_with_context("cannot read the records of unit '" + unit + "' from '" + db_.name() + "'");
  }
}

void RecordRepository::scan(Day from, Day to, const ScanFn& fn) {
  scan_record_rows(db_, std::string("SELECT unit, rule, date, tags, period FROM records WHERE date BETWEEN ? AND ? AND ") + kCounts,
                   {format_day(from), format_day(to)}, fn);
}

namespace {

// "SELECT … WHERE unit IN (?, ?, …) AND date BETWEEN ? AND ?" for `n` units.
std::string units_query(std::size_t n) {
  std::string text = "SELECT unit, rule, date, tags, period FROM records WHERE unit IN (";
  for (std::size_t i = 0; i < n; ++i) text += i == 0 ? "?" : ", ?";
  return text + ") AND date BETWEEN ? AND ? AND " + kCounts;
}

}  // namespace

void RecordRepository::scan_units(const std::vector<std::string>& units, Day from, Day to, const ScanFn& fn) {
  for (std::size_t first = 0; first < units.size(); first += kUnitsPerQuery) {
    const std::size_t last = std::min(units.size(), first + kUnitsPerQuery);
    std::vector<std::string> params(units.begin() + static_cast<std::ptrdiff_t>(first),
                                    units.begin() + static_cast<std::ptrdiff_t>(last));
    params.push_back(format_day(from));
    params.push_back(format_day(to));
    scan_record_rows(db_, units_query(last - first), params, fn);
  }
}

std::int64_t RecordRepository::count() {
  try {
    std::int64_t n = 0;
    db_.session() << "SELECT COUNT(*) FROM records", into(n), now;
    return n;
  } catch (...) {
    rethrow_with_context("cannot count records in '" + db_.name() + "'");
  }
}

std::optional<std::pair<Day, Day>> RecordRepository::date_span() {
  try {
    Poco::Nullable<std::string> first, last;
    db_.session() << std::string("SELECT MIN(date), MAX(date) FROM records WHERE ") + kCounts, into(first), into(last), now;
    if (first.isNull() || last.isNull()) return std::nullopt;
    return std::pair{day_column(first.value(), "records.date"), day_column(last.value(), "records.date")};
  } catch (...) {
    rethrow_with_context("cannot read records from '" + db_.name() + "'");
  }
}

}  // namespace cadence::store
