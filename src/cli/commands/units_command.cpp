// cadence units import FILE.csv [--encoding utf-8|gb18030]
// cadence units list [--format json|table]
#include "cli/commands/commands.h"
#include "cli/import_support.h"
#include "json/json_writer.h"
#include "cli/text_table.h"
#include "cli/workspace.h"
#include "core/diagnostic.h"
#include "csv/csv_reader.h"
#include "csv/text_encoding.h"
#include "csv/units_csv.h"
#include "store/unit_repository.h"

#include <unordered_map>
#include <unordered_set>

namespace cadence::cli {

using json::JsonWriter;

namespace {

// The file's units over the stored ones: parents may be in either, and no cycle may form.
// The file's units come first, so that a cycle is reported from a unit the user can fix.
void check_merged_hierarchy(const std::string& file, const std::string& text, const std::vector<Unit>& incoming,
                            const std::vector<Unit>& stored) {
  std::vector<Unit> merged = incoming;
  std::unordered_set<std::string> in_file;
  for (const auto& u : incoming) in_file.insert(u.id);
  for (const auto& u : stored)
    if (!in_file.count(u.id)) merged.push_back(u);
  const auto problems = check_hierarchy(merged);
  if (problems.empty()) return;
  // Name the line of the unit in the file, when it is there.
  std::unordered_map<std::string, int> line_of;
  for (const auto& row : read_csv(file, text))
    if (!row.fields.empty()) line_of.emplace(row.fields[0], row.line);
  Diagnostics ds;
  for (const auto& p : problems) ds.push_back({file, line_of.count(p.unit) ? line_of[p.unit] : 0, 0, p.message});
  throw InputError(ds);
}

int import_units(const Invocation& inv) {
  inv.args.allow({"encoding"});
  inv.args.expect_positionals(3, "cadence units import FILE.csv [--encoding gb18030]");
  const auto& file = inv.args.positionals()[2];
  auto db = open_database(inv, store::Access::create);
  store::UnitRepository repo(*db);
  const auto summary = all_or_nothing(file, [&] {
    const auto text = decode_text(file, read_file(file), encoding_option(inv));
    const auto units = parse_units_csv(file, text);
    check_merged_hierarchy(file, text, units, repo.all());
    return repo.upsert(units, actor());
  });
  print_summary(inv, file, "units", summary);
  return 0;
}

// Two spaces a level up to kMaxIndent levels; deeper units show their depth as a number
// instead, so that a chain of 10,000 units does not print 200 MB of spaces.
constexpr std::size_t kMaxIndent = 8;

std::string indented(const std::string& name, std::size_t depth) {
  if (depth <= kMaxIndent) return std::string(depth * 2, ' ') + name;
  return std::string(kMaxIndent * 2, ' ') + "[" + std::to_string(depth) + "] " + name;
}

int list_units(const Invocation& inv) {
  inv.args.allow({"format"});
  inv.args.expect_positionals(2, "cadence units list [--format json|table]");
  auto db = open_database(inv, store::Access::read_only);
  const auto tree = load_unit_tree(*db);
  if (format_option(inv) == "json") {
    JsonWriter json(inv.out);
    json.begin_array();
    for (auto i : tree.preorder()) {
      const auto& u = tree.at(i);
      json.begin_object().field("id", u.id).field("parent", u.parent).field("name", u.name).field("type", u.type)
          .field("timezone", u.timezone);
      if (u.active_from) json.field("active_from", format_day(*u.active_from));
      if (u.active_until) json.field("active_until", format_day(*u.active_until));
      json.end_object();
    }
    json.end_array();
    json.flush();
    inv.out << '\n';
    return 0;
  }
  TextTable table({"单位 Unit", "ID", "类型 Type", "书记 Secretary", "在册 Active"});
  std::vector<std::size_t> depths(tree.size(), 0);
  for (auto i : tree.preorder()) {
    const auto& u = tree.at(i);
    // Preorder lists a parent before its children.
    const std::size_t depth = tree.parent(i) ? depths[*tree.parent(i)] + 1 : 0;
    depths[i] = depth;
    std::string active;
    if (u.active_from) active += "from " + format_day(*u.active_from);
    if (u.active_until) active += (active.empty() ? "" : " ") + std::string("until ") + format_day(*u.active_until);
    table.add({indented(u.name, depth), u.id, u.type, u.secretary_email, active});
  }
  table.print(inv.out);
  return 0;
}

}  // namespace

int run_units(const Invocation& inv) {
  const auto& words = inv.args.positionals();
  const std::string sub = words.size() > 1 ? words[1] : "";
  if (sub == "import") return import_units(inv);
  if (sub == "list") return list_units(inv);
  throw UsageError("usage: cadence units import FILE.csv | cadence units list");
}

}  // namespace cadence::cli
