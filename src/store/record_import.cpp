#include "store/record_import.h"

#include "store/audit_log.h"
#include "store/columns.h"
#include "store/json_text.h"
#include "store/record_identity.h"

#include <Poco/Data/Statement.h>

#include <algorithm>

namespace cadence::store {

namespace {

using Poco::Data::Statement;
using Poco::Data::Keywords::bind;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

// Rows per prepared insert: large enough that statement set-up does not count, small enough
// that one batch of strings stays a few megabytes.
constexpr std::size_t kBatchRows = 10000;

constexpr const char* kSameIdentity =
    "r.unit = s.unit AND r.rule = s.rule AND r.date = s.date AND r.period = s.period";

// Where a record sits in the import, for messages; nothing for a single record.
std::string position(std::size_t index, std::size_t size) {
  return size > 1 ? " (record " + std::to_string(index + 1) + " of the import)" : "";
}

// The text SQL uses to build a record's JSON in the audit log; keys as in json_of(Record).
std::string json_sql(const char* table) {
  std::string out = "{json_object}(";
  const char* columns[] = {"unit", "rule", "date", "period", "tags", "note"};
  for (const char* column : columns) {
    if (out.back() != '(') out += ", ";
    out += std::string("'") + column + "', " + table + "." + column;
  }
  return out + ")";
}

struct StagingBatch {
  std::vector<std::int64_t> seq;
  std::vector<std::string> unit, rule, date, period, tags, note;

  // Rows order[first] … order[last - 1] of `records`.
  void fill(const std::vector<Record>& records, const std::vector<std::size_t>& order, std::size_t first,
            std::size_t last) {
    for (auto* column : {&unit, &rule, &date, &period, &tags, &note}) column->clear();
    seq.clear();
    for (std::size_t k = first; k < last; ++k) add(records[order[k]], order[k]);
  }

  void add(const Record& record, std::size_t index) {
    seq.push_back(static_cast<std::int64_t>(index));
    unit.push_back(record.unit);
    rule.push_back(record.rule);
    date.push_back(format_day(record.date));
    period.push_back(record.period ? record.period->id() : "");
    tags.push_back(tags_text(record.tags));
    note.push_back(record.note);
  }
};

// Checked in input order before staging (which goes in identity order), so that the first
// bad record of the file is the one named.
void refuse_unstorable_tags(const std::vector<Record>& records) {
  for (std::size_t i = 0; i < records.size(); ++i)
    for (const auto& tag : records[i].tags)
      if (!storable_tag(tag))
        throw ImportItemError(
            i, "a tag cannot be empty or contain ';': '" + tag + "'" + position(i, records.size()));
}

void refuse_repeated_identity(const std::vector<Record>& records, const std::vector<std::size_t>& order) {
  const auto repeat = first_repeated_identity(records, order);
  if (!repeat) return;
  const Record& r = records[repeat->second];
  throw ImportItemError(repeat->second, "records " + std::to_string(repeat->first + 1) + " and " +
                                            std::to_string(repeat->second + 1) +
                                            " of the import have the same unit, rule, date and period (" +
                                            r.unit + ", " + r.rule + ", " + format_day(r.date) + ", '" +
                                            (r.period ? r.period->id() : "") + "')");
}

class RecordImport {
 public:
  RecordImport(Database& db, const std::string& actor, const std::string& source, std::size_t size)
      : db_(db), actor_(actor), source_(source), at_(db.now()), at_text_(timestamp_text(at_)), size_(size) {}

  // Staged in `order`, which `pos` keeps; `seq` is the record's position in the import.
  void stage(const std::vector<Record>& records, const std::vector<std::size_t>& order) {
    execute("DROP TABLE IF EXISTS record_import");
    execute(
        "CREATE TEMP TABLE record_import (pos {autoincrement_key}, seq INTEGER NOT NULL, "
        "unit TEXT NOT NULL, rule TEXT NOT NULL, date TEXT NOT NULL, period TEXT NOT NULL, "
        "tags TEXT NOT NULL, note TEXT NOT NULL)");
    StagingBatch batch;
    for (std::size_t first = 0; first < records.size(); first += kBatchRows) {
      batch.fill(records, order, first, std::min(records.size(), first + kBatchRows));
      db_.session() << sql(
          "INSERT INTO record_import (seq, unit, rule, date, period, tags, note) "
          "VALUES (?, ?, ?, ?, ?, ?, ?)"),
          use(batch.seq), use(batch.unit), use(batch.rule), use(batch.date), use(batch.period),
          use(batch.tags), use(batch.note), now;
    }
  }

  void refuse_unknown_units() {
    std::vector<std::int64_t> seq;
    std::vector<std::string> unit;
    db_.session() << sql(
        "SELECT seq, unit FROM record_import s "
        "WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.id = s.unit) "
        "ORDER BY seq LIMIT 1"),
        into(seq), into(unit), now;
    if (seq.empty()) return;
    const auto index = static_cast<std::size_t>(seq[0]);
    throw ImportItemError(index, "unit '" + unit[0] + "' is not in the database" + position(index, size_));
  }

  // Before the records change: the audit needs their old values. Returns how many will change.
  int audit_updates() {
    return execute_counting(
        "INSERT INTO audit (at, actor, action, entity, entity_id, before, after) "
        "SELECT ?, ?, 'update', 'record', CAST(r.id AS TEXT), " +
        json_sql("r") + ", " + json_sql("s") + " FROM record_import s JOIN records r ON " + kSameIdentity +
        " WHERE r.tags <> s.tags OR r.note <> s.note ORDER BY s.pos");
  }

  // Returns how many records were inserted or updated.
  int write_records() {
    // WHERE true: without it SQLite would read ON CONFLICT as a join constraint.
    return execute_counting(
        "INSERT INTO records (unit, rule, date, period, tags, note, created_at, created_by, "
        "updated_at, updated_by) "
        "SELECT unit, rule, date, period, tags, note, ?, ?, ?, ? FROM record_import WHERE true ORDER BY pos "
        "ON CONFLICT (unit, rule, date, period) DO UPDATE SET tags = excluded.tags, "
        "note = excluded.note, updated_at = excluded.updated_at, updated_by = excluded.updated_by "
        "WHERE records.tags <> excluded.tags OR records.note <> excluded.note",
        2);
  }

  // The join keeps out records another connection inserted meanwhile (PostgreSQL lets their
  // commits show inside this transaction).
  void audit_inserts_after(std::int64_t last_id_before) {
    Statement insert(db_.session());
    insert << sql(
        "INSERT INTO audit (at, actor, action, entity, entity_id, before, after) "
        "SELECT ?, ?, 'insert', 'record', CAST(r.id AS TEXT), NULL, " +
        json_sql("r") + " FROM record_import s JOIN records r ON " + kSameIdentity +
        " WHERE r.id > ? ORDER BY r.id"),
        bind(at_text_), bind(actor_), bind(last_id_before);
    insert.execute();
  }

  void audit_summary(const ImportSummary& summary) {
    AuditLog(db_).append({0, at_, actor_, "import", "file", source_, std::nullopt,
                          json_object({{"added", std::to_string(summary.added)},
                                       {"updated", std::to_string(summary.updated)},
                                       {"unchanged", std::to_string(summary.unchanged)}})});
  }

  std::int64_t last_record_id() {
    std::int64_t id = 0;
    db_.session() << "SELECT COALESCE(MAX(id), 0) FROM records", into(id), now;
    return id;
  }

  void drop_staging() { execute("DROP TABLE record_import"); }

 private:
  std::string sql(const std::string& text) const { return db_.dialect().sql(text); }
  void execute(const std::string& text) { db_.session() << sql(text), now; }

  // Runs an INSERT whose first placeholders are (at, actor), repeated `pairs` times.
  int execute_counting(const std::string& text, int pairs = 1) {
    Statement statement(db_.session());
    statement << sql(text);
    for (int i = 0; i < pairs; ++i) {
      statement.addBind(bind(at_text_));
      statement.addBind(bind(actor_));
    }
    return static_cast<int>(statement.execute());
  }

  Database& db_;
  const std::string& actor_;
  const std::string& source_;
  std::chrono::sys_seconds at_;
  std::string at_text_;
  std::size_t size_;
};

}  // namespace

ImportSummary import_records(Database& db, const std::vector<Record>& records, const std::string& actor,
                             const std::string& source, int row_audit_limit) {
  if (records.empty()) return {};
  refuse_unstorable_tags(records);
  const auto order = identity_order(records);
  refuse_repeated_identity(records, order);
  RecordImport import(db, actor, source, records.size());
  import.stage(records, order);
  import.refuse_unknown_units();
  const std::int64_t last_id_before = import.last_record_id();
  ImportSummary summary;
  summary.updated = import.audit_updates();
  summary.added = import.write_records() - summary.updated;
  summary.unchanged = static_cast<int>(records.size()) - summary.added - summary.updated;
  if (summary.added <= row_audit_limit)
    import.audit_inserts_after(last_id_before);
  else
    import.audit_summary(summary);
  import.drop_staging();
  return summary;
}

}  // namespace cadence::store
