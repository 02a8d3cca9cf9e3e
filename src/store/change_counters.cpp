#include "store/change_counters.h"

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

}  // namespace cadence::store
