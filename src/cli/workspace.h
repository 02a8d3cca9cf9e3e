#pragma once
// What subcommands load from disk, in one place: rules, the work calendar, the database, the
// unit tree, and today's date in the default time zone.
#include "calendars/local_date.h"
#include "cli/invocation.h"
#include "core/rule.h"
#include "core/unit_tree.h"
#include "core/work_calendar.h"
#include "store/database.h"

#include <memory>
#include <optional>

namespace cadence::cli {

std::vector<Rule> load_rules(const Invocation& inv);
WorkCalendar load_calendar(const Invocation& inv);
// --db, opened as `access` allows. A database that must exist and does not is an error that
// says how to create one.
std::unique_ptr<store::Database> open_database(const Invocation& inv, store::Access access);
// A statement that finds another process writing the database waits up to --db-wait seconds,
// saying so once on stderr, instead of failing with "database is locked".
void wait_for_other_writers(const Invocation& inv, store::Database& db);
UnitTree load_unit_tree(store::Database& db);

// --unit's value, which must name a stored unit: one message for every command that takes it.
std::string required_unit(const Invocation& inv, store::Database& db, const std::string& usage);
// A usage error naming `id` as no stored unit.
[[noreturn]] void throw_unknown_unit(const std::string& id);

// --as-of, or today in the default time zone.
Day as_of_date(const Invocation& inv);

// The index of --unit's unit in `tree`; a usage error naming it when there is none.
std::size_t unit_index(const UnitTree& tree, const std::string& id);

// Says once, on stderr, which years in [first, last] follow a provisional schedule and which
// fall back to Monday–Friday (and why).
void warn_missing_schedules(const Invocation& inv, const WorkCalendar& calendar, Day first, Day last);

// --format: one of `allowed` ("table" is the default); anything else is a usage error.
std::string format_option(const Invocation& inv, const std::vector<std::string>& allowed = {"json", "table"});

// The name of whoever runs the command, for the audit trail.
std::string actor();

// A file's bytes; throws InputError when it cannot be read.
std::string read_file(const std::string& path);

}  // namespace cadence::cli
