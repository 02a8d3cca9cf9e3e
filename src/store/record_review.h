#pragma once
// Records as the JSON API keeps them: beside what `cadence check` counts (core/record.h), the
// attendance (应到/实到), the review state (returned — 退回 — by an administrator above, with a
// reason, until the secretary corrects and resubmits it) and the evidence (links, files).
// Every change is one transaction with its audit row (who, when, before, after) and a bump of
// the records change counter, so that `check`, the API's compliance and the feeds see it at once.
#include "core/record.h"
#include "store/database.h"
#include "store/store_error.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cadence::store {

struct Attendance {
  std::optional<std::int64_t> expected;  // 应到
  std::optional<std::int64_t> present;   // 实到
  friend bool operator==(const Attendance&, const Attendance&) = default;
};

struct RecordReturn {
  std::string reason;
  std::string by;
  std::chrono::sys_seconds at{};
  friend bool operator==(const RecordReturn&, const RecordReturn&) = default;
};

struct ReviewedRecord {
  Record record;
  Attendance attendance;
  std::optional<RecordReturn> returned;  // while returned; a resubmit clears it
  std::chrono::sys_seconds created_at{}, updated_at{};
  std::string created_by, updated_by;
};

// Evidence kinds, as Party-building platforms type meeting attachments.
inline constexpr const char* kEvidenceKinds[] = {"通知", "纪要", "签到表", "现场照片", "其他"};
bool is_evidence_kind(std::string_view kind);

struct Evidence {
  std::int64_t id = 0;
  std::int64_t record = 0;
  std::string kind;
  std::string link;        // a link, or empty for a file
  std::string filename;    // a file: its name as uploaded
  std::string media_type;  // a file: application/pdf, image/jpeg or image/png
  std::int64_t size = 0;
  std::chrono::sys_seconds created_at{};
  std::string created_by;
};

// Another record of the unit has the identity (unit, rule, date, period) asked for.
class IdentityTaken : public StoreError {
 public:
  explicit IdentityTaken(std::int64_t existing, const std::string& message) : StoreError(message), existing_(existing) {}
  std::int64_t existing() const { return existing_; }

 private:
  std::int64_t existing_;
};

class RecordReview {
 public:
  explicit RecordReview(Database& db) : db_(db) {}

  std::optional<ReviewedRecord> find(std::int64_t id);
  // Inside a transaction, before comparing a record with what the caller last saw: holds it
  // until the transaction ends, so that a concurrent change waits and then compares with this
  // one's result (on PostgreSQL two If-Match PUTs could otherwise both pass; SQLite's write
  // transactions are serial already). False when the record no longer exists.
  bool lock(std::int64_t id);
  // Every record of the unit dated within [from, to], returned ones too, by date.
  std::vector<ReviewedRecord> of_unit(const std::string& unit, Day from, Day to);

  // A new record (submitted). IdentityTaken when its identity is stored already.
  std::int64_t create(const Record& record, const Attendance& attendance, const std::string& actor);
  // Replaces what can be corrected (rule, date, period, tags, note, attendance; not the unit).
  // A returned record is resubmitted by it. IdentityTaken when that identity belongs to another.
  // REQUIRES: the record exists.
  void correct(std::int64_t id, const Record& record, const Attendance& attendance, const std::string& actor);
  // 退回: the record stops counting. REQUIRES: the record exists.
  void give_back(std::int64_t id, const std::string& reason, const std::string& actor);
  // With its evidence; false if there was none with that id.
  bool remove(std::int64_t id, const std::string& actor);

  std::int64_t add_link(std::int64_t record, const std::string& kind, const std::string& link, const std::string& actor);
  // REQUIRES: the content was checked (a PDF, JPEG or PNG of an allowed size).
  std::int64_t add_file(std::int64_t record, const std::string& kind, const std::string& filename,
                        const std::string& media_type, const std::string& content, const std::string& actor);
  std::vector<Evidence> evidence(std::int64_t record);
  // One item's description and, for a file, its bytes.
  std::optional<std::pair<Evidence, std::string>> evidence_file(std::int64_t record, std::int64_t id);

 private:
  std::int64_t add_evidence(const Evidence& item, const std::string* content, const std::string& actor);
  void refuse_taken(const Record& record, std::int64_t except);

  Database& db_;
};

// The compact JSON the audit rows hold of a reviewed record.
std::string audit_json(const ReviewedRecord& r);

}  // namespace cadence::store
