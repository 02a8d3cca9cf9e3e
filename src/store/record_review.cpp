#include "store/record_review.h"

#include "store/audit_log.h"
#include "store/change_counters.h"
#include "store/columns.h"
#include "store/json_text.h"

#include <Poco/Data/LOB.h>
#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

namespace cadence::store {

namespace {

using Poco::Data::Statement;
using Poco::Data::Keywords::bind;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Number = Poco::Nullable<Poco::Int64>;

constexpr const char* kSelect =
    "SELECT id, unit, rule, date, period, tags, note, attendance_expected, attendance_present, status, "
    "returned_reason, returned_by, returned_at, created_at, created_by, updated_at, updated_by FROM records ";

Number number(const std::optional<std::int64_t>& v) { return v ? Number(*v) : Number(); }
std::optional<std::int64_t> optional(const Number& v) {
  return v.isNull() ? std::nullopt : std::optional<std::int64_t>(v.value());
}
std::string text(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : ""; }

struct Rows {
  std::vector<std::int64_t> id;
  std::vector<std::string> unit, rule, date, period, tags, note;
  std::vector<Number> expected, present;
  std::vector<std::string> status, reason, by, at, created_at, created_by, updated_at, updated_by;

  void extract_from(Statement& select) {
    select.addExtract(into(id));
    for (auto* c : {&unit, &rule, &date, &period, &tags, &note}) select.addExtract(into(*c));
    select.addExtract(into(expected));
    select.addExtract(into(present));
    for (auto* c : {&status, &reason, &by, &at, &created_at, &created_by, &updated_at, &updated_by})
      select.addExtract(into(*c));
  }

  ReviewedRecord at_row(std::size_t i) const {
    ReviewedRecord r;
    r.record = {id[i], unit[i], rule[i], day_column(date[i], "records.date"), Tags::parse(tags[i]),
                period[i].empty() ? std::nullopt : parse_period(period[i]), note[i]};
    r.attendance = {optional(expected[i]), optional(present[i])};
    if (status[i] == "returned") r.returned = RecordReturn{reason[i], by[i], timestamp_column(at[i], "records.returned_at")};
    r.created_at = timestamp_column(created_at[i], "records.created_at");
    r.updated_at = timestamp_column(updated_at[i], "records.updated_at");
    r.created_by = created_by[i];
    r.updated_by = updated_by[i];
    return r;
  }
};

std::string period_text(const Record& r) { return r.period ? r.period->id() : ""; }

}  // namespace

bool is_evidence_kind(std::string_view kind) {
  for (const char* k : kEvidenceKinds)
    if (kind == k) return true;
  return false;
}

std::string audit_json(const ReviewedRecord& r) {
  const auto& rec = r.record;
  return json_object({{"unit", rec.unit},
                      {"rule", rec.rule},
                      {"date", format_day(rec.date)},
                      {"period", period_text(rec)},
                      {"tags", rec.tags.text()},
                      {"note", rec.note},
                      {"attendance_expected", text(r.attendance.expected)},
                      {"attendance_present", text(r.attendance.present)},
                      {"status", r.returned ? "returned" : "submitted"},
                      {"returned_reason", r.returned ? r.returned->reason : ""}});
}

std::optional<ReviewedRecord> RecordReview::find(std::int64_t id) {
  try {
    Rows rows;
    Statement select(db_.session());
    select << db_.dialect().sql(std::string(kSelect) + "WHERE id = ?"), bind(id);
    rows.extract_from(select);
    select.execute();
    if (rows.id.empty()) return std::nullopt;
    return rows.at_row(0);
  } catch (...) {
    rethrow_with_context("cannot read record " + std::to_string(id) + " from '" + db_.name() + "'");
  }
}

bool RecordReview::lock(std::int64_t id) {
  try {
    std::vector<std::int64_t> found;  // none when a concurrent delete came first
    Statement select(db_.session());
    select << db_.dialect().sql("SELECT id FROM records WHERE id = ?{for_update}"), bind(id), into(found);
    select.execute();
    return !found.empty();
  } catch (...) {
    rethrow_with_context("cannot lock record " + std::to_string(id) + " in '" + db_.name() + "'");
  }
}

std::vector<ReviewedRecord> RecordReview::of_unit(const std::string& unit, Day from, Day to) {
  try {
    Rows rows;
    Statement select(db_.session());
    select << db_.dialect().sql(std::string(kSelect) + "WHERE unit = ? AND date BETWEEN ? AND ? ORDER BY date, rule, id"),
        bind(unit), bind(format_day(from)), bind(format_day(to));
    rows.extract_from(select);
    select.execute();
    std::vector<ReviewedRecord> out;
    for (std::size_t i = 0; i < rows.id.size(); ++i) out.push_back(rows.at_row(i));
    return out;
  } catch (...) {
    rethrow_with_context("cannot read the records of unit '" + unit + "' from '" + db_.name() + "'");
  }
}

void RecordReview::refuse_taken(const Record& r, std::int64_t except) {
  std::vector<std::int64_t> ids;
  db_.session() << db_.dialect().sql("SELECT id FROM records WHERE unit = ? AND rule = ? AND date = ? AND period = ? AND id <> ?"),
      bind(r.unit), bind(r.rule), bind(format_day(r.date)), bind(period_text(r)), bind(except), into(ids), now;
  if (!ids.empty())
    throw IdentityTaken(ids.front(), "record " + std::to_string(ids.front()) + " of unit '" + r.unit + "' has rule '" +
                                         r.rule + "', date " + format_day(r.date) + " and period '" + period_text(r) +
                                         "' already");
}

std::int64_t RecordReview::create(const Record& r, const Attendance& a, const std::string& actor) {
  try {
    Transaction transaction(db_);
    refuse_taken(r, 0);
    const std::string at = timestamp_text(db_.now());
    std::int64_t id = 0;
    db_.session() << db_.dialect().sql(
        "INSERT INTO records (unit, rule, date, period, tags, note, attendance_expected, attendance_present, "
        "created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        bind(r.unit), bind(r.rule), bind(format_day(r.date)), bind(period_text(r)), bind(tags_text(r.tags)), bind(r.note),
        bind(number(a.expected)), bind(number(a.present)), bind(at), bind(actor), bind(at), bind(actor), into(id), now;
    const auto stored = find(id);
    AuditLog(db_).append({0, db_.now(), actor, "insert", "record", std::to_string(id), std::nullopt, audit_json(*stored)});
    records_changed(db_, {r.unit});
    transaction.commit();
    return id;
  } catch (...) {
    rethrow_with_context("cannot store the record in '" + db_.name() + "'");
  }
}

void RecordReview::correct(std::int64_t id, const Record& r, const Attendance& a, const std::string& actor) {
  try {
    Transaction transaction(db_);
    const auto before = find(id);
    if (!before) throw StoreError("there is no record " + std::to_string(id));
    refuse_taken(r, id);
    const std::string at = timestamp_text(db_.now());
    db_.session() << db_.dialect().sql(
        "UPDATE records SET rule = ?, date = ?, period = ?, tags = ?, note = ?, attendance_expected = ?, "
        "attendance_present = ?, status = 'submitted', returned_reason = '', returned_by = '', returned_at = '', "
        "updated_at = ?, updated_by = ? WHERE id = ?"),
        bind(r.rule), bind(format_day(r.date)), bind(period_text(r)), bind(tags_text(r.tags)), bind(r.note),
        bind(number(a.expected)), bind(number(a.present)), bind(at), bind(actor), bind(id), now;
    const auto after = find(id);
    AuditLog(db_).append({0, db_.now(), actor, before->returned ? "resubmit" : "update", "record", std::to_string(id),
                          audit_json(*before), audit_json(*after)});
    records_changed(db_, {before->record.unit});
    transaction.commit();
  } catch (...) {
    rethrow_with_context("cannot correct record " + std::to_string(id) + " in '" + db_.name() + "'");
  }
}

void RecordReview::give_back(std::int64_t id, const std::string& reason, const std::string& actor) {
  try {
    Transaction transaction(db_);
    const auto before = find(id);
    if (!before) throw StoreError("there is no record " + std::to_string(id));
    const std::string at = timestamp_text(db_.now());
    db_.session() << db_.dialect().sql(
        "UPDATE records SET status = 'returned', returned_reason = ?, returned_by = ?, returned_at = ?, "
        "updated_at = ?, updated_by = ? WHERE id = ?"),
        bind(reason), bind(actor), bind(at), bind(at), bind(actor), bind(id), now;
    AuditLog(db_).append(
        {0, db_.now(), actor, "return", "record", std::to_string(id), audit_json(*before), audit_json(*find(id))});
    records_changed(db_, {before->record.unit});
    transaction.commit();
  } catch (...) {
    rethrow_with_context("cannot return record " + std::to_string(id) + " in '" + db_.name() + "'");
  }
}

bool RecordReview::remove(std::int64_t id, const std::string& actor) {
  try {
    Transaction transaction(db_);
    const auto before = find(id);
    if (!before) return false;
    db_.session() << db_.dialect().sql("DELETE FROM record_evidence WHERE record = ?"), bind(id), now;
    db_.session() << db_.dialect().sql("DELETE FROM records WHERE id = ?"), bind(id), now;
    AuditLog(db_).append({0, db_.now(), actor, "delete", "record", std::to_string(id), audit_json(*before), std::nullopt});
    records_changed(db_, {before->record.unit});
    transaction.commit();
    return true;
  } catch (...) {
    rethrow_with_context("cannot delete record " + std::to_string(id) + " from '" + db_.name() + "'");
  }
}

std::int64_t RecordReview::add_evidence(const Evidence& e, const std::string* content, const std::string& actor) {
  try {
    Transaction transaction(db_);
    const std::string at = timestamp_text(db_.now());
    // An absent file is NULL, not an empty BLOB: a link has no content.
    Poco::Nullable<Poco::Data::BLOB> bytes;
    if (content) bytes = Poco::Data::BLOB(reinterpret_cast<const unsigned char*>(content->data()), content->size());
    std::int64_t id = 0;
    db_.session() << db_.dialect().sql(
        "INSERT INTO record_evidence (record, kind, link, filename, media_type, size, content, created_at, created_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        bind(e.record), bind(e.kind), bind(e.link), bind(e.filename), bind(e.media_type), bind(e.size), bind(bytes),
        bind(at), bind(actor), into(id), now;
    const auto record = find(e.record);
    AuditLog(db_).append({0, db_.now(), actor, "insert", "evidence", std::to_string(id), std::nullopt,
                          json_object({{"unit", record ? record->record.unit : ""},
                                       {"record", std::to_string(e.record)},
                                       {"kind", e.kind},
                                       {"link", e.link},
                                       {"filename", e.filename},
                                       {"media_type", e.media_type},
                                       {"size", std::to_string(e.size)}})});
    records_changed(db_, {record ? record->record.unit : ""});
    transaction.commit();
    return id;
  } catch (...) {
    rethrow_with_context("cannot store evidence of record " + std::to_string(e.record) + " in '" + db_.name() + "'");
  }
}

std::int64_t RecordReview::add_link(std::int64_t record, const std::string& kind, const std::string& link,
                                    const std::string& actor) {
  Evidence e;
  e.record = record;
  e.kind = kind;
  e.link = link;
  return add_evidence(e, nullptr, actor);
}

std::int64_t RecordReview::add_file(std::int64_t record, const std::string& kind, const std::string& filename,
                                    const std::string& media_type, const std::string& content, const std::string& actor) {
  Evidence e;
  e.record = record;
  e.kind = kind;
  e.filename = filename;
  e.media_type = media_type;
  e.size = static_cast<std::int64_t>(content.size());
  return add_evidence(e, &content, actor);
}

std::vector<Evidence> RecordReview::evidence(std::int64_t record) {
  try {
    std::vector<std::int64_t> id, size;
    std::vector<std::string> kind, link, filename, media_type, created_at, created_by;
    db_.session() << db_.dialect().sql(
        "SELECT id, kind, link, filename, media_type, size, created_at, created_by FROM record_evidence "
        "WHERE record = ? ORDER BY id"),
        bind(record), into(id), into(kind), into(link), into(filename), into(media_type), into(size), into(created_at),
        into(created_by), now;
    std::vector<Evidence> out;
    for (std::size_t i = 0; i < id.size(); ++i)
      out.push_back({id[i], record, kind[i], link[i], filename[i], media_type[i], size[i],
                     timestamp_column(created_at[i], "record_evidence.created_at"), created_by[i]});
    return out;
  } catch (...) {
    rethrow_with_context("cannot read the evidence of record " + std::to_string(record) + " from '" + db_.name() + "'");
  }
}

std::optional<std::pair<Evidence, std::string>> RecordReview::evidence_file(std::int64_t record, std::int64_t id) {
  for (auto& item : evidence(record)) {
    if (item.id != id) continue;
    try {
      Poco::Nullable<Poco::Data::BLOB> bytes;
      db_.session() << db_.dialect().sql("SELECT content FROM record_evidence WHERE id = ?"), bind(id), into(bytes), now;
      std::string content;
      if (!bytes.isNull() && bytes.value().size() > 0) content.assign(reinterpret_cast<const char*>(bytes.value().rawContent()), bytes.value().size());
      return std::make_pair(std::move(item), std::move(content));
    } catch (...) {
      rethrow_with_context("cannot read evidence " + std::to_string(id) + " from '" + db_.name() + "'");
    }
  }
  return std::nullopt;
}

}  // namespace cadence::store
