#include "store/record_import.h"

#include "store/audit_log.h"
#include "store/columns.h"
#include "store/json_text.h"
#include "store/change_counters.h"

#include <Poco/Data/Statement.h>

#include <algorithm>
#include <limits>

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

// The text SQL uses to build a record's JSON in the audit log; keys and spacing as in
// json_of(Record) (json_text.cpp), whichever backend builds it: PostgreSQL's json_build_object
// would put spaces around ':' and after ',', so there each value is quoted by to_json and joined.
std::string json_sql(const Dialect& dialect, const char* table) {
  const char* columns[] = {"unit", "rule", "date", "period", "tags", "note"};
  const bool joined = dialect.backend == Backend::postgresql;
  std::string out = joined ? "('{'" : "{json_object}(";
  for (const char* column : columns) {
    const std::string value = std::string(table) + "." + column;
    if (joined)
      out += std::string(" || '") + (out.size() > 4 ? "," : "") + "\"" + column + "\":' || to_json(" + value + ")::text";
    else
      out += std::string(out.back() == '(' ? "" : ", ") + "'" + column + "', " + value;
  }
  return out + (joined ? " || '}')" : ")");
}

// One batch of staged records, column by column, as Poco binds them.
struct StagingBatch {
  std::vector<std::int64_t> seq;
  std::vector<std::string> unit, rule, date, period, tags, note;

  void add(const Record& record, std::size_t index) {
    seq.push_back(static_cast<std::int64_t>(index));
    unit.push_back(record.unit);
    rule.push_back(record.rule);
    date.push_back(format_day(record.date));
    period.push_back(record.period ? record.period->id() : "");
    tags.push_back(tags_text(record.tags));
    note.push_back(record.note);
  }
  std::size_t size() const { return seq.size(); }
  void clear() {
    for (auto* column : {&unit, &rule, &date, &period, &tags, &note}) column->clear();
    seq.clear();
  }
};

// An empty tag or one with ';' would not come back as it went in.
void refuse_unstorable_tags(const Record& record, std::size_t index, std::size_t size) {
  for (const auto& tag : record.tags)
    if (!storable_tag(tag))
      throw ImportItemError(index, "a tag cannot be empty or contain ';': '" + tag + "'" + position(index, size));
}

}  // namespace

// The staging table and what is done with it; see record_import.h.
class RecordStaging {
 public:
  RecordStaging(Database& db, const std::string& actor, const std::string& source)
      : db_(db), actor_(actor), source_(source), at_(db.now()), at_text_(timestamp_text(at_)) {
    execute("DROP TABLE IF EXISTS record_import");
    // Kept in identity order, with the position last so that repeats stay apart.
    execute(
        "CREATE TEMP TABLE record_import (seq INTEGER NOT NULL, unit TEXT NOT NULL, rule TEXT NOT NULL, "
        "date TEXT NOT NULL, period TEXT NOT NULL, tags TEXT NOT NULL, note TEXT NOT NULL, "
        "PRIMARY KEY (unit, rule, date, period, seq)){without_rowid}");
  }
  ~RecordStaging() {
    // The table is the connection's own and is dropped by the next import anyway; failing to
    // drop it now (the connection broken) must not throw from a destructor.
    try {
      execute("DROP TABLE IF EXISTS record_import");
    } catch (...) {
    }
  }
  RecordStaging(const RecordStaging&) = delete;
  RecordStaging& operator=(const RecordStaging&) = delete;

  // REQUIRES: refuse_unstorable_tags(record) passed.
  void add(const Record& record) {
    batch_.add(record, size_++);
    if (batch_.size() == kBatchRows) flush();
  }

  std::size_t size() const { return size_; }

  void flush() {
    if (batch_.size() == 0) return;
    if (db_.dialect().backend == Backend::postgresql) {
      flush_in_rows();
    } else {
      db_.session() << sql("INSERT INTO record_import (seq, unit, rule, date, period, tags, note) VALUES (?, ?, ?, ?, ?, ?, ?)"),
          use(batch_.seq), use(batch_.unit), use(batch_.rule), use(batch_.date), use(batch_.period), use(batch_.tags),
          use(batch_.note), now;
    }
    batch_.clear();
  }

  // One pass over the table in its order: the count of rows beyond the first of each identity.
  std::size_t count_repeats() {
    flush();
    std::int64_t count = 0;
    db_.session() << sql(
        "SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) AS n FROM record_import "
        "GROUP BY unit, rule, date, period HAVING COUNT(*) > 1) repeated"),
        into(count), now;
    return static_cast<std::size_t>(count);
  }

  // The first `max` repeats by position, each with the identity it repeats.
  std::vector<std::pair<RecordImport::Repeat, Record>> first_repeats(std::size_t max) {
    flush();
    std::vector<std::int64_t> earlier, later;
    std::vector<std::string> unit, rule, date, period;
    db_.session() << sql(
        "SELECT earlier, seq, unit, rule, date, period FROM (SELECT seq, unit, rule, date, period, "
        "LAG(seq) OVER (PARTITION BY unit, rule, date, period ORDER BY seq) AS earlier FROM record_import) w "
        "WHERE earlier IS NOT NULL ORDER BY seq LIMIT ?"),
        bind(static_cast<std::int64_t>(max)), into(earlier), into(later), into(unit), into(rule), into(date), into(period),
        now;
    std::vector<std::pair<RecordImport::Repeat, Record>> out;
    for (std::size_t i = 0; i < earlier.size(); ++i) {
      Record r{0, unit[i], rule[i], day_column(date[i], "record_import.date"), {}, parse_period(period[i]), ""};
      out.push_back({{static_cast<std::size_t>(earlier[i]), static_cast<std::size_t>(later[i])}, std::move(r)});
    }
    return out;
  }

  void refuse_repeats() {
    if (count_repeats() == 0) return;
    const auto [repeat, r] = first_repeats(1).front();
    throw ImportItemError(repeat.later, "records " + std::to_string(repeat.earlier + 1) + " and " +
                                            std::to_string(repeat.later + 1) +
                                            " of the import have the same unit, rule, date and period (" + r.unit +
                                            ", " + r.rule + ", " + format_day(r.date) + ", '" +
                                            (r.period ? r.period->id() : "") + "')");
  }

  // Steps 2–5 of record_import.h. REQUIRES: a Transaction is open; no repeats.
  ImportSummary write(int row_audit_limit) {
    flush();
    if (size_ == 0) return {};
    refuse_unknown_units();
    const std::int64_t last_id_before = last_record_id();
    ImportSummary summary;
    summary.updated = audit_updates();
    summary.added = write_records() - summary.updated;
    summary.unchanged = static_cast<int>(size_) - summary.added - summary.updated;
    if (summary.added <= row_audit_limit)
      audit_inserts_after(last_id_before);
    else
      audit_summary(summary);
    return summary;
  }

 private:
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
        json_sql(db_.dialect(), "r") + ", " + json_sql(db_.dialect(), "s") + " FROM record_import s JOIN records r ON " + kSameIdentity +
        " WHERE r.tags <> s.tags OR r.note <> s.note ORDER BY s.unit, s.rule, s.date, s.period, s.seq");
  }

  // Returns how many records were inserted or updated.
  int write_records() {
    // WHERE true: without it SQLite would read ON CONFLICT as a join constraint.
    return execute_counting(
        "INSERT INTO records (unit, rule, date, period, tags, note, created_at, created_by, "
        "updated_at, updated_by) "
        "SELECT unit, rule, date, period, tags, note, ?, ?, ?, ? FROM record_import WHERE true "
        "ORDER BY unit, rule, date, period, seq "
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
        json_sql(db_.dialect(), "r") + " FROM record_import s JOIN records r ON " + kSameIdentity +
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

  // Poco's PostgreSQL connector runs an insert bound to vectors once per row, a round trip
  // each (10,000 records: 1 s); one statement of many rows makes it one per kRowsPerInsert.
  void flush_in_rows() {
    static constexpr std::size_t kRowsPerInsert = 1000;  // 7,000 parameters of PostgreSQL's 65,535
    for (std::size_t first = 0; first < batch_.size(); first += kRowsPerInsert) {
      const std::size_t last = std::min(batch_.size(), first + kRowsPerInsert);
      std::string text = "INSERT INTO record_import (seq, unit, rule, date, period, tags, note) VALUES ";
      for (std::size_t i = first; i < last; ++i) text += i == first ? "(?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?)";
      Statement insert(db_.session());
      insert << sql(text);
      for (std::size_t i = first; i < last; ++i) {
        insert.addBind(bind(batch_.seq[i]));
        for (auto* column : {&batch_.unit, &batch_.rule, &batch_.date, &batch_.period, &batch_.tags, &batch_.note})
          insert.addBind(bind((*column)[i]));
      }
      insert.execute();
    }
  }

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
  std::string actor_;
  std::string source_;
  std::chrono::sys_seconds at_;
  std::string at_text_;
  StagingBatch batch_;
  std::size_t size_ = 0;
};

RecordImport::RecordImport(Database& db, const std::string& actor, const std::string& source) try
    : db_(db), staging_(std::make_unique<RecordStaging>(db, actor, source)) {
} catch (...) {
  rethrow_with_context("cannot import records into '" + db.name() + "'");
}

RecordImport::~RecordImport() = default;

void RecordImport::add(const Record& record) {
  // The import's size is not known yet: every position is named.
  refuse_unstorable_tags(record, staging_->size(), std::numeric_limits<std::size_t>::max());
  try {
    staging_->add(record);
  } catch (...) {
    rethrow_with_context("cannot import records into '" + db_.name() + "'");
  }
}

RecordImport::Repeats RecordImport::repeats(std::size_t max) {
  try {
    Repeats out;
    out.count = staging_->count_repeats();
    if (out.count == 0) return out;
    for (const auto& [repeat, record] : staging_->first_repeats(max)) out.first.push_back(repeat);
    return out;
  } catch (...) {
    rethrow_with_context("cannot import records into '" + db_.name() + "'");
  }
}

ImportSummary RecordImport::finish(int row_audit_limit) {
  try {
    staging_->refuse_repeats();
    // The write lock is taken only now: reading and staging a large file takes most of an
    // import's time, and other writers need not wait for that.
    Transaction transaction(db_);
    const auto summary = staging_->write(row_audit_limit);
    if (summary.added + summary.updated > 0) records_changed_in(db_, "record_import");
    transaction.commit();
    staging_.reset();
    return summary;
  } catch (...) {
    rethrow_with_context("cannot import records into '" + db_.name() + "'");
  }
}

ImportSummary import_records(Database& db, const std::vector<Record>& records, const std::string& actor,
                             const std::string& source, int row_audit_limit) {
  if (records.empty()) return {};
  // Checked before staging, in input order, so that the first bad record is the one named.
  for (std::size_t i = 0; i < records.size(); ++i) refuse_unstorable_tags(records[i], i, records.size());
  RecordStaging staging(db, actor, source);
  for (const auto& record : records) staging.add(record);
  staging.refuse_repeats();
  return staging.write(row_audit_limit);
}

}  // namespace cadence::store
