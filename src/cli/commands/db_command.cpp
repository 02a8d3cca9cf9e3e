// cadence db check            the schema version, rows per table and integrity of --db
// cadence db copy --from A --to B [--replace]   every table of A into B, in one transaction
#include "cli/commands/commands.h"
#include "cli/workspace.h"
#include "store/database_copy.h"
#include "store/migrations.h"

#include <iomanip>

namespace cadence::cli {

namespace {

void print_tables(std::ostream& out, const std::vector<store::TableRows>& tables) {
  for (const auto& t : tables) out << "  " << std::left << std::setw(18) << t.table << std::right << t.rows << "\n";
}

std::unique_ptr<store::Database> open_named(const std::string& uri, store::Access access) {
  try {
    return std::make_unique<store::Database>(uri, access);
  } catch (const store::MissingDatabase& e) {
    throw std::runtime_error(std::string(e.what()) + ": name an existing Cadence database");
  }
}

int check(const Invocation& inv) {
  inv.args.allow({});
  inv.args.expect_positionals(2, "cadence db check");
  auto db = open_database(inv, store::Access::read_only);
  const auto report = store::check_database(*db);
  inv.out << "database '" << db->name() << "' (" << db->dialect().name << "): schema version "
          << report.schema_version << " (this cadence: " << store::latest_schema_version() << ")\n";
  print_tables(inv.out, report.tables);
  for (const auto& problem : report.problems) inv.out << "problem: " << problem << "\n";
  if (report.problems.empty()) inv.out << "ok: no orphan rows" << (db->dialect().backend == store::Backend::sqlite
                                                                        ? ", integrity_check and foreign_key_check clean"
                                                                        : "")
                                       << "\n";
  return report.problems.empty() ? 0 : 1;
}

int copy(const Invocation& inv) {
  const std::string usage = "cadence db copy --from DB --to DB [--replace]";
  inv.args.allow({"from", "to", "replace"});
  inv.args.expect_positionals(2, usage);
  const auto from = inv.args.option("from"), to = inv.args.option("to");
  if (!from || !to) throw UsageError("--from and --to are required; usage: " + usage);
  auto source = open_named(*from, store::Access::read_only);
  // The target is made if need be (an SQLite file; PostgreSQL's database must exist) and migrated.
  auto target = std::make_unique<store::Database>(*to, store::Access::create);
  wait_for_other_writers(inv, *target);
  const auto copied = store::copy_database(*source, *target, inv.args.flag("replace"));
  inv.out << "copied '" << source->name() << "' to '" << target->name() << "' (rows per table):\n";
  print_tables(inv.out, copied);
  return 0;
}

}  // namespace

int run_db(const Invocation& inv) {
  const auto& p = inv.args.positionals();
  const std::string sub = p.size() > 1 ? p[1] : "";
  if (sub == "check") return check(inv);
  if (sub == "copy") return copy(inv);
  throw UsageError("usage: cadence db check | cadence db copy --from DB --to DB [--replace]");
}

}  // namespace cadence::cli
