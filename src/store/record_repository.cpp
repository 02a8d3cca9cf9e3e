#include "store/record_repository.h"

#include "store/audit_log.h"
#include "store/change_counters.h"
#include "store/columns.h"
#include "store/json_text.h"
#include "store/record_import.h"

#include <Poco/Data/Statement.h>

namespace cadence::store {

namespace {

using Poco::Data::Statement;
using Poco::Data::Keywords::bind;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::limit;
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

}  // namespace

ImportSummary RecordRepository::upsert(const std::vector<Record>& records, const std::string& actor,
                                       const std::string& source) {
  try {
    Transaction transaction(db_);
    const auto summary = import_records(db_, records, actor, source, kRowAuditLimit);
    if (summary.added + summary.updated > 0) bump(db_, Data::records);
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
    if (summary.added + summary.updated > 0) bump(db_, Data::records);
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
    bump(db_, Data::records);
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
  std::vector<std::string> unit, rule, date, tags, period;
  Statement select(db_.session());
  // Only the database work is translated into StoreError: what `fn` throws is the caller's.
  const auto fetch = [&] {
    try {
      for (auto* column : {&unit, &rule, &date, &tags, &period}) column->clear();
      select.execute();
    } catch (...) {
      rethrow_with_context("cannot read records from '" + db_.name() + "'");
    }
  };
  select << db_.dialect().sql(
      std::string("SELECT unit, rule, date, tags, period FROM records WHERE date BETWEEN ? AND ? AND ") + kCounts),
      bind(format_day(from)), bind(format_day(to)), into(unit), into(rule), into(date), into(tags), into(period),
      limit(static_cast<Poco::UInt32>(kScanChunk));
  while (!select.done()) {
    fetch();
    for (std::size_t i = 0; i < unit.size(); ++i)
      fn(unit[i], rule[i], day_column(date[i], "records.date"), tags[i], period[i]);
  }
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
  const std::string from_text = format_day(from), to_text = format_day(to);
  std::vector<std::string> unit, rule, date, tags, period;
  for (std::size_t first = 0; first < units.size(); first += kUnitsPerQuery) {
    const std::size_t last = std::min(units.size(), first + kUnitsPerQuery);
    for (auto* column : {&unit, &rule, &date, &tags, &period}) column->clear();
    try {
      Statement select(db_.session());
      select << db_.dialect().sql(units_query(last - first));
      for (std::size_t k = first; k < last; ++k) select.addBind(bind(units[k]));
      select.addBind(bind(from_text));
      select.addBind(bind(to_text));
      for (auto* column : {&unit, &rule, &date, &tags, &period}) select.addExtract(into(*column));
      select.execute();
    } catch (...) {
      rethrow_with_context("cannot read records from '" + db_.name() + "'");
    }
    for (std::size_t i = 0; i < unit.size(); ++i)
      fn(unit[i], rule[i], day_column(date[i], "records.date"), tags[i], period[i]);
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

}  // namespace cadence::store
