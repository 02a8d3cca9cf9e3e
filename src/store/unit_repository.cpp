#include "store/unit_repository.h"

#include "store/audit_log.h"
#include "store/change_counters.h"
#include "store/columns.h"
#include "store/json_text.h"

#include <Poco/Data/Statement.h>

#include <unordered_map>

namespace cadence::store {

namespace {

using Poco::Data::Statement;
using Poco::Data::Keywords::bind;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

// A unit as its columns hold it: optional values are '' here and NULL in the table.
struct UnitColumns {
  std::string id, parent, name, type, secretary_email, admin_emails, timezone, active_from, active_until;
  friend bool operator==(const UnitColumns&, const UnitColumns&) = default;
};

std::string optional_format_day(const std::optional<Day>& day) { return day ? format_day(*day) : ""; }

std::optional<Day> optional_day(const std::string& text, std::string_view column) {
  if (text.empty()) return std::nullopt;
  return day_column(text, column);
}

UnitColumns columns_of(const Unit& unit) {
  return {unit.id,
          unit.parent,
          unit.name,
          unit.type,
          unit.secretary_email,
          join_list(unit.admin_emails),
          unit.timezone,
          optional_format_day(unit.active_from),
          optional_format_day(unit.active_until)};
}

std::string json_of(const Unit& unit) {
  const UnitColumns c = columns_of(unit);
  return json_object({{"id", c.id},
                      {"parent", c.parent},
                      {"name", c.name},
                      {"type", c.type},
                      {"secretary_email", c.secretary_email},
                      {"admin_emails", c.admin_emails},
                      {"timezone", c.timezone},
                      {"active_from", c.active_from},
                      {"active_until", c.active_until}});
}

std::vector<Unit> select_units(Database& db, const std::string& where, const std::string& id) {
  std::vector<std::string> ids, parents, names, types, secretaries, admins, zones, froms, untils;
  Statement select(db.session());
  select << db.dialect().sql(
      "SELECT id, COALESCE(parent, ''), name, type, secretary_email, admin_emails, timezone, "
      "COALESCE(active_from, ''), COALESCE(active_until, '') FROM units " +
      where + " ORDER BY id"),
      into(ids), into(parents), into(names), into(types), into(secretaries), into(admins), into(zones),
      into(froms), into(untils);
  if (!where.empty()) select.addBind(bind(id));
  select.execute();
  std::vector<Unit> units(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i)
    units[i] = Unit{ids[i],
                    parents[i],
                    names[i],
                    types[i],
                    secretaries[i],
                    split_list(admins[i]),
                    zones[i],
                    optional_day(froms[i], "units.active_from"),
                    optional_day(untils[i], "units.active_until")};
  return units;
}

// Before writing anything: the store cannot hold two units with one id, and a unit's parent
// must exist once the import is done.
void check_input(const std::vector<Unit>& units, const std::unordered_map<std::string, Unit>& stored) {
  std::unordered_map<std::string_view, std::size_t> position;
  for (std::size_t i = 0; i < units.size(); ++i)
    if (auto [it, added] = position.emplace(units[i].id, i); !added)
      throw ImportItemError(i, "units " + std::to_string(it->second + 1) + " and " + std::to_string(i + 1) +
                                   " of the import have the same id '" + units[i].id + "'");
  for (std::size_t i = 0; i < units.size(); ++i) {
    const auto& parent = units[i].parent;
    if (!parent.empty() && !position.contains(parent) && !stored.contains(parent))
      throw ImportItemError(i, "unit '" + units[i].id + "' names parent '" + parent +
                                   "', which is neither in the import nor in the database");
  }
}

// Prepared once, run per unit: the statements read the current values of `row` (use() binds
// references) each time they execute.
class UnitWriter {
 public:
  // Not copyable: the statements hold references to this object's members.
  UnitWriter(const UnitWriter&) = delete;
  UnitWriter& operator=(const UnitWriter&) = delete;

  UnitWriter(Database& db, const std::string& at) : at_(at), insert_(db.session()), update_(db.session()) {
    insert_ << db.dialect().sql(
        "INSERT INTO units (id, parent, name, type, secretary_email, admin_emails, timezone, "
        "active_from, active_until, created_at, updated_at) "
        "VALUES (?, NULLIF(?, ''), ?, ?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), ?, ?)"),
        use(row_.id), use(row_.parent), use(row_.name), use(row_.type), use(row_.secretary_email),
        use(row_.admin_emails), use(row_.timezone), use(row_.active_from), use(row_.active_until), use(at_),
        use(at_);
    update_ << db.dialect().sql(
        "UPDATE units SET parent = NULLIF(?, ''), name = ?, type = ?, secretary_email = ?, "
        "admin_emails = ?, timezone = ?, active_from = NULLIF(?, ''), active_until = NULLIF(?, ''), "
        "updated_at = ? WHERE id = ?"),
        use(row_.parent), use(row_.name), use(row_.type), use(row_.secretary_email), use(row_.admin_emails),
        use(row_.timezone), use(row_.active_from), use(row_.active_until), use(at_), use(row_.id);
  }

  void insert(const Unit& unit) {
    row_ = columns_of(unit);
    insert_.execute();
  }
  void update(const Unit& unit) {
    row_ = columns_of(unit);
    update_.execute();
  }

 private:
  UnitColumns row_;
  std::string at_;
  Statement insert_;
  Statement update_;
};

}  // namespace

std::vector<Unit> UnitRepository::all() {
  try {
    return select_units(db_, "", "");
  } catch (...) {
    rethrow_with_context("cannot read units from '" + db_.name() + "'");
  }
}

std::optional<Unit> UnitRepository::find(const std::string& id) {
  try {
    auto units = select_units(db_, "WHERE id = ?", id);
    if (units.empty()) return std::nullopt;
    return std::move(units.front());
  } catch (...) {
    rethrow_with_context("cannot read unit '" + id + "' from '" + db_.name() + "'");
  }
}

ImportSummary UnitRepository::upsert(const std::vector<Unit>& units, const std::string& actor) {
  try {
    Transaction transaction(db_);
    std::unordered_map<std::string, Unit> stored;
    for (auto& unit : all()) stored.emplace(unit.id, std::move(unit));
    check_input(units, stored);

    const auto at = db_.now();
    UnitWriter writer(db_, timestamp_text(at));
    AuditLog audit(db_);
    ImportSummary summary;
    for (const auto& unit : units) {
      const auto old = stored.find(unit.id);
      if (old == stored.end()) {
        writer.insert(unit);
        audit.append({0, at, actor, "insert", "unit", unit.id, std::nullopt, json_of(unit)});
        ++summary.added;
      } else if (columns_of(old->second) != columns_of(unit)) {
        // Compared as stored, so that input the columns cannot tell apart (admin emails
        // {""} and {}) is not an update on every import.
        writer.update(unit);
        audit.append({0, at, actor, "update", "unit", unit.id, json_of(old->second), json_of(unit)});
        ++summary.updated;
      } else {
        ++summary.unchanged;
      }
    }
    if (summary.added + summary.updated > 0) bump(db_, Data::units);
    transaction.commit();
    return summary;
  } catch (...) {
    rethrow_with_context("cannot import units into '" + db_.name() + "'");
  }
}

}  // namespace cadence::store
