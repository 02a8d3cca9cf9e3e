#include "cli/workspace.h"

#include "calendars/calendar_loader.h"
#include "core/diagnostic.h"
#include "rules/rule_loader.h"
#include "store/unit_repository.h"

#include <date/tz.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <algorithm>

namespace cadence::cli {

std::vector<Rule> load_rules(const Invocation& inv) { return load_rules_or_throw(inv.settings.rules); }

WorkCalendar load_calendar(const Invocation& inv) {
  return load_calendar_or_throw(inv.settings.calendars, inv.settings.region);
}

std::unique_ptr<store::Database> open_database(const Invocation& inv) {
  auto db = std::make_unique<store::Database>(inv.settings.db);
  wait_for_other_writers(inv, *db);
  return db;
}

void wait_for_other_writers(const Invocation& inv, store::Database& db) {
  const int seconds = inv.settings.db_wait_seconds;
  auto& err = inv.err;
  db.wait_for_writers({std::chrono::seconds{seconds}, [&err, name = db.name(), seconds] {
                         err << "cadence: waiting for another writer, which holds the database '" << name
                             << "' (up to " << seconds << " s; --db-wait sets how long)" << std::endl;
                       }});
}

UnitTree load_unit_tree(store::Database& db) { return UnitTree(store::UnitRepository(db).all()); }

std::size_t unit_index(const UnitTree& tree, const std::string& id) {
  const auto index = tree.find(id);
  if (!index) throw UsageError("--unit: no unit '" + id + "' (import units first: cadence units import FILE.csv)");
  return *index;
}

Day as_of_date(const Invocation& inv) {
  if (auto text = inv.args.option("as-of")) {
    if (auto day = parse_day(*text)) return *day;
    throw UsageError("--as-of '" + *text + "' is not a date (YYYY-MM-DD)");
  }
  return local_today(inv.now, inv.settings.timezone);
}

void warn_missing_schedules(const Invocation& inv, const WorkCalendar& calendar, Day first, Day last) {
  const auto years = calendar.years_without_schedule(first, last);
  if (years.empty()) return;
  std::string list;
  for (auto y : years) list += (list.empty() ? "" : ", ") + std::to_string(y);
  inv.err << "warning: no official holiday schedule for " << list << " in " << inv.settings.calendars << "/"
          << inv.settings.region << "; counting Monday–Friday as workdays there\n";
}

std::string format_option(const Invocation& inv, const std::vector<std::string>& allowed) {
  const auto format = inv.args.option("format").value_or("table");
  if (std::find(allowed.begin(), allowed.end(), format) == allowed.end()) {
    std::string list;
    for (std::size_t i = 0; i < allowed.size(); ++i)
      list += std::string(i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") + allowed[i];
    throw UsageError("--format must be " + list + ", not '" + format + "'");
  }
  return format;
}

std::string actor() {
  const char* user = std::getenv("USER");
  return std::string("cli:") + (user && *user ? user : "unknown");
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot read the file");
  // Read straight into a string of the file's size: through a stringstream a 200 MB file
  // would briefly take three times that.
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  if (error) {
    std::ostringstream buffer;  // not a regular file (a pipe): its size is not known
    buffer << in.rdbuf();
    return buffer.str();
  }
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

}  // namespace cadence::cli
