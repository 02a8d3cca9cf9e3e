#include "store/change_counters.h"

#include <Poco/Data/Statement.h>

#include <algorithm>

namespace cadence::store {

using Poco::Data::Keywords::bind;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

namespace {
const char* name_of(Data what) {
  switch (what) {
    case Data::units: return "units";
    case Data::records: return "records";
    case Data::tokens: return "tokens";
  }
  return "";
}
}  // namespace

void bump(Database& db, Data what) {
  db.session() << db.dialect().sql("UPDATE change_counters SET version = version + 1 WHERE name = ?"),
      bind(std::string(name_of(what))), now;
}

ChangeVersions change_versions(Database& db) {
  std::vector<std::string> names;
  std::vector<std::int64_t> versions;
  try {
    db.session() << "SELECT name, version FROM change_counters", into(names), into(versions), now;
  } catch (...) {
    rethrow_with_context("cannot read the change counters of '" + db.name() + "'");
  }
  ChangeVersions v;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == "units") v.units = versions[i];
    else if (names[i] == "records") v.records = versions[i];
    else if (names[i] == "tokens") v.tokens = versions[i];
  }
  return v;
}

namespace {
constexpr const char* kStamp =
    "UPDATE units SET records_version = (SELECT version FROM change_counters WHERE name = 'records') WHERE id ";
// Unit ids per UPDATE: well inside every backend's limit on parameters.
constexpr std::size_t kUnitsPerStamp = 500;
}  // namespace

void records_changed(Database& db, const std::vector<std::string>& units) {
  bump(db, Data::records);
  for (std::size_t first = 0; first < units.size(); first += kUnitsPerStamp) {
    const std::size_t last = std::min(units.size(), first + kUnitsPerStamp);
    std::string sql = std::string(kStamp) + "IN (";
    for (std::size_t i = first; i < last; ++i) sql += i == first ? "?" : ", ?";
    Poco::Data::Statement update(db.session());
    update << db.dialect().sql(sql + ")");
    for (std::size_t i = first; i < last; ++i) update.addBind(bind(units[i]));
    update.execute();
  }
}

void records_changed_in(Database& db, std::string_view table) {
  bump(db, Data::records);
  db.session() << std::string(kStamp) + "IN (SELECT DISTINCT unit FROM " + std::string(table) + ")", now;
}

std::vector<std::string> units_with_records_after(Database& db, std::int64_t version) {
  std::vector<std::string> units;
  try {
    db.session() << db.dialect().sql("SELECT id FROM units WHERE records_version > ?"), bind(version), into(units), now;
  } catch (...) {
    rethrow_with_context("cannot read which units' records changed in '" + db.name() + "'");
  }
  return units;
}

}  // namespace cadence::store
