// cadence records import FILE.csv [--encoding gb18030]
// cadence records import-ics --unit ID FILE.ics [--dry-run] [--as-of YYYY-MM-DD] [--encoding gb18030]
// cadence records add --unit ID --rule RULE --date YYYY-MM-DD [--tags a;b] [--period ID] [--note TEXT]
// cadence records list --unit ID [--from YYYY-MM-DD] [--to YYYY-MM-DD]
#include "cli/commands/commands.h"
#include "cli/import_support.h"
#include "cli/text_table.h"
#include "cli/workspace.h"
#include "core/diagnostic.h"
#include "core/plain_text.h"
#include "csv/csv_reader.h"
#include "csv/records_csv.h"
#include "csv/text_encoding.h"
#include "ical/ics_import.h"
#include "store/record_import.h"
#include "store/record_repository.h"
#include "store/unit_repository.h"

namespace cadence::cli {

namespace {

RecordContext context_of(store::Database& db, const std::vector<Rule>& rules) {
  RecordContext context;
  context.rules = &rules;
  for (const auto& u : store::UnitRepository(db).all()) context.unit_types.emplace(u.id, u.type);
  return context;
}

// Streams the file's records into the store as they are read, so that memory does not grow
// with the file (6 million rows); one bad row still rejects the whole file, with every bad row's
// line: nothing is written until finish().
store::ImportSummary import_records_csv(store::Database& db, const std::string& file, std::string_view text,
                                        const RecordContext& context) {
  RowErrors errors(file);
  std::vector<int> lines;  // by position in the import
  store::RecordImport import(db, actor(), file);
  read_records_csv(file, text, context, errors, [&](Record&& record, int line) {
    import.add(record);
    lines.push_back(line);
  });
  const auto repeats = import.repeats(RowErrors::kMax);
  for (const auto& r : repeats.first) report_repeat(errors, lines[r.later], lines[r.earlier]);
  errors.count_more(repeats.count - repeats.first.size());
  errors.throw_if_any();
  return import.finish(store::RecordRepository::kRowAuditLimit);
}

int import_records(const Invocation& inv) {
  inv.args.allow({"encoding"});
  inv.args.expect_positionals(3, "cadence records import FILE.csv [--encoding gb18030]");
  const auto& file = inv.args.positionals()[2];
  const auto rules = load_rules(inv);
  auto db = open_database(inv, store::Access::create);
  const auto summary = all_or_nothing(file, [&] {
    const auto text = decode_text(file, read_file(file), encoding_option(inv));
    return import_records_csv(*db, file, text, context_of(*db, rules));
  });
  print_summary(inv, file, "records", summary);
  return 0;
}

// The records an .ics file makes, checked as `records import` checks a CSV row, each problem
// at the line of its VEVENT.
std::vector<Record> checked_records(const std::string& file, std::vector<IcsEntry>& entries, const RecordContext& context) {
  std::vector<Record> records;
  Diagnostics problems;
  for (auto& e : entries) {
    if (!e.is_record()) continue;
    if (const auto problem = check_record(e.record, context); !problem.empty()) problems.push_back({file, e.line, 0, problem});
    records.push_back(e.record);
  }
  if (!problems.empty()) throw InputError(problems);
  return records;
}

// "calendar.ics:12 2026-03-05 study-group-session expanded;observed record"
std::string describe(const std::string& file, const IcsEntry& e) {
  const auto tags = e.record.tags.text();
  return printable(file + ":" + std::to_string(e.line) + " " + format_day(e.record.date) + " " +
                   (e.record.rule.empty() ? "-" : e.record.rule) + " " + (tags.empty() ? "-" : tags) + " " +
                   (e.is_record() ? "record" : "skip: " + e.skip));
}

int import_ics(const Invocation& inv) {
  inv.args.allow({"unit", "dry-run", "as-of", "encoding"});
  const std::string usage =
      "cadence records import-ics --unit ID FILE.ics [--dry-run] [--as-of YYYY-MM-DD] [--encoding gb18030]";
  inv.args.expect_positionals(3, usage);
  const auto unit_id = inv.args.option("unit");
  if (!unit_id) throw UsageError("--unit is required; usage: " + usage);
  const auto& file = inv.args.positionals()[2];
  const bool dry_run = inv.args.flag("dry-run");
  const auto as_of = as_of_date(inv);
  const auto rules = load_rules(inv);
  auto db = open_database(inv, dry_run ? store::Access::read_only : store::Access::create);
  const auto unit = store::UnitRepository(*db).find(*unit_id);
  if (!unit) throw_unknown_unit(*unit_id);
  const auto summary = all_or_nothing(file, [&] {
    // iCalendar is UTF-8 by the standard; a file that is not is named as such with its line, as
    // a CSV is, and --encoding reads it anyway.
    const auto text = decode_text(file, read_file(file), encoding_option(inv));
    auto entries = read_ics(file, text, IcsContext{*unit, &rules, as_of});
    const auto records = checked_records(file, entries, context_of(*db, rules));
    for (const auto& e : entries) {
      if (dry_run) inv.out << describe(file, e) << '\n';
      else if (!e.is_record()) inv.err << "note: " << describe(file, e) << '\n';
    }
    if (dry_run) {
      inv.out << file << ": " << records.size() << " records, " << entries.size() - records.size()
              << " skipped; dry run, nothing stored\n";
      return store::ImportSummary{};
    }
    return store::RecordRepository(*db).upsert(records, actor(), file);
  });
  if (!dry_run) print_summary(inv, file, "records", summary);
  return 0;
}

int add_record(const Invocation& inv) {
  inv.args.allow({"unit", "rule", "date", "tags", "period", "note"});
  const std::string usage =
      "cadence records add --unit ID --rule RULE --date YYYY-MM-DD [--tags a;b] [--period ID] [--note TEXT]";
  inv.args.expect_positionals(2, usage);
  auto required = [&](const char* name) {
    auto v = inv.args.option(name);
    if (!v) throw UsageError("--" + std::string(name) + " is required; usage: " + usage);
    return *v;
  };
  Record r;
  r.unit = required("unit");
  r.rule = required("rule");
  const auto date_text = required("date");
  const auto day = parse_day(date_text);
  if (!day) throw InputError("--date: '" + date_text + "' is not a date (YYYY-MM-DD)");
  r.date = *day;
  r.tags = Tags::parse(inv.args.option("tags").value_or(""));
  if (auto p = inv.args.option("period")) {
    r.period = parse_period(*p);
    if (!r.period) throw InputError("--period: '" + *p + "' is not a period such as 2026-H1");
  }
  r.note = inv.args.text_option("note", kMaxNoteBytes, LineBreaks::allowed);
  const auto rules = load_rules(inv);
  auto db = open_database(inv, store::Access::create);
  if (!store::UnitRepository(*db).find(r.unit)) throw_unknown_unit(r.unit);
  if (const auto problem = check_record(r, context_of(*db, rules)); !problem.empty())
    throw InputError("--" + problem);
  const auto summary = store::RecordRepository(*db).upsert({r}, actor());
  if (summary.added) inv.out << "recorded: ";
  else if (summary.updated) inv.out << "updated: ";
  else inv.out << "already recorded, unchanged: ";
  inv.out << r.unit << " " << r.rule << " " << format_day(r.date) << (r.period ? " for " + r.period->id() : "") << '\n';
  return 0;
}

int list_records(const Invocation& inv) {
  inv.args.allow({"unit", "from", "to"});
  const std::string usage = "cadence records list --unit ID [--from YYYY-MM-DD] [--to YYYY-MM-DD]";
  inv.args.expect_positionals(2, usage);
  auto day_option = [&](const char* name, Day fallback) {
    const auto v = inv.args.option(name);
    if (!v) return fallback;
    const auto d = parse_day(*v);
    if (!d) throw UsageError("--" + std::string(name) + " '" + *v + "' is not a date (YYYY-MM-DD)");
    return *d;
  };
  const auto from = day_option("from", Day{date::year{1970} / 1 / 1});
  const auto to = day_option("to", Day{date::year{2200} / 12 / 31});
  auto db = open_database(inv, store::Access::read_only);
  const auto unit = required_unit(inv, *db, usage);
  const auto records = store::RecordRepository(*db).of_unit(unit, from, to);
  TextTable table({"日期 Date", "要求 Rule", "类别 Tags", "周期 Period", "备注 Note"});
  for (const auto& r : records) {
    table.add({format_day(r.date), r.rule, r.tags.text(), r.period ? r.period->id() : "", r.note});
  }
  table.print(inv.out);
  return 0;
}

}  // namespace

int run_records(const Invocation& inv) {
  const auto& words = inv.args.positionals();
  const std::string sub = words.size() > 1 ? words[1] : "";
  if (sub == "import") return import_records(inv);
  if (sub == "import-ics") return import_ics(inv);
  if (sub == "add") return add_record(inv);
  if (sub == "list") return list_records(inv);
  throw UsageError(
      "usage: cadence records import FILE.csv | cadence records import-ics --unit ID FILE.ics [--dry-run] | "
      "cadence records add … | cadence records list --unit ID");
}

}  // namespace cadence::cli
