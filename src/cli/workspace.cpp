#include "cli/workspace.h"

#include "calendars/calendar_loader.h"
#include "core/diagnostic.h"
#include "core/provisional_schedule.h"
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

std::unique_ptr<store::Database> open_database(const Invocation& inv, store::Access access) {
  try {
    auto db = std::make_unique<store::Database>(inv.settings.db, access);
    // Readers of a WAL database never wait for a writer.
    if (access != store::Access::read_only) wait_for_other_writers(inv, *db);
    return db;
  } catch (const store::MissingDatabase& e) {
    throw std::runtime_error(std::string(e.what()) +
                             ": create it with `cadence units import FILE.csv`, or name another with --db");
  }
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

void throw_unknown_unit(const std::string& id) {
  throw UsageError("--unit: no unit '" + id + "' (cadence units list shows them; cadence units import FILE.csv adds them)");
}

std::size_t unit_index(const UnitTree& tree, const std::string& id) {
  const auto index = tree.find(id);
  if (!index) throw_unknown_unit(id);
  return *index;
}

std::string required_unit(const Invocation& inv, store::Database& db, const std::string& usage) {
  const auto unit = inv.args.option("unit");
  if (!unit) throw UsageError("--unit is required; usage: " + usage);
  if (!store::UnitRepository(db).find(*unit)) throw_unknown_unit(*unit);
  return *unit;
}

Day as_of_date(const Invocation& inv) {
  if (auto text = inv.args.option("as-of")) {
    if (auto day = parse_day(*text)) return *day;
    throw UsageError("--as-of '" + *text + "' is not a date (YYYY-MM-DD)");
  }
  return local_today(inv.now, inv.settings.timezone);
}

namespace {

std::string joined(const std::vector<int>& years, const std::string& before, const std::string& after) {
  std::string list;
  for (auto y : years) list += (list.empty() ? "" : ", ") + before + std::to_string(y) + after;
  return list;
}

void warn_provisional(const Invocation& inv, const std::string& folder, const std::vector<int>& years) {
  if (years.empty()) return;
  inv.err << "warning: no State Council holiday notice for " << joined(years, "", "") << " in " << folder
          << "; using a provisional schedule there (the statutory holidays of 《全国年节及纪念日放假办法》, a day on a "
             "weekend made up on the next workday, no 调休) until "
          << joined(years, "holidays-", ".toml") << (years.size() == 1 ? " is" : " are") << " added\n";
}

// `why`: what stood in the way of a provisional schedule.
void warn_fallback(const Invocation& inv, const std::string& folder, const std::vector<int>& years, const std::string& why) {
  if (years.empty()) return;
  inv.err << "warning: no official holiday schedule for " << joined(years, "", "") << " in " << folder << ", " << why
          << "; counting Monday–Friday as workdays there\n";
}

}  // namespace

void warn_missing_schedules(const Invocation& inv, const WorkCalendar& calendar, Day first, Day last) {
  const std::string folder = inv.settings.calendars + "/" + inv.settings.region;
  warn_provisional(inv, folder, calendar.provisional_years(first, last));
  std::vector<int> before, beyond;
  for (const int y : calendar.years_without_schedule(first, last))
    (y < static_cast<int>(kStatutoryRulesSince) ? before : beyond).push_back(y);
  warn_fallback(inv, folder, before,
                "and no provisional one before " + std::to_string(static_cast<int>(kStatutoryRulesSince)) +
                    ", when the current statutory days of 《全国年节及纪念日放假办法》 took effect");
  warn_fallback(inv, folder, beyond,
                "and no provisional one: its observances.toml has no 除夕, 清明, 端午 and 中秋 dates for " +
                    std::string(beyond.size() == 1 ? "that year" : "those years"));
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
