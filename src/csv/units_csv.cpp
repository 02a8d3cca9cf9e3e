#include "csv/units_csv.h"

#include "csv/csv_reader.h"
#include "csv/plain_fields.h"
#include "csv/row_errors.h"

#include <date/tz.h>

#include <regex>
#include <unordered_map>

namespace cadence {

namespace {

const std::vector<std::string> kRequired{"id", "parent", "name", "type", "secretary_email", "admin_emails", "timezone"};
const std::vector<std::string> kOptional{"active_from", "active_until"};
const FieldLimit kLimits[]{{"id", kMaxIdBytes},       {"parent", kMaxIdBytes},          {"name", kMaxLineBytes},
                           {"type", kMaxIdBytes},     {"secretary_email", kMaxLineBytes}, {"admin_emails", kMaxLineBytes},
                           {"timezone", kMaxIdBytes}, {"active_from", kMaxIdBytes},     {"active_until", kMaxIdBytes}};

bool valid_id(const std::string& s) {
  static const std::regex id("[A-Za-z0-9][A-Za-z0-9._-]*");
  return std::regex_match(s, id);
}

bool valid_email(const std::string& s) {
  static const std::regex email("[^@\\s;,]+@[^@\\s;,]+\\.[^@\\s;,]+");
  return std::regex_match(s, email);
}

bool known_zone(const std::string& name) {
  try {
    date::locate_zone(name);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

std::vector<Unit> parse_units_csv(const std::string& file, std::string_view text) {
  const auto rows = read_csv(file, text);
  const auto columns = check_header(file, rows, kRequired, kOptional);
  RowErrors errors(file);
  std::vector<Unit> units;
  std::unordered_map<std::string, int> seen;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    if (row.fields.size() != columns) {
      errors.add(row.line, "row", "expected " + std::to_string(columns) + " fields, found " + std::to_string(row.fields.size()));
      continue;
    }
    if (!check_plain_fields(row, kLimits, errors)) continue;
    const auto& f = row.fields;
    Unit u;
    u.id = f[0];
    u.parent = f[1];
    u.name = f[2];
    u.type = f[3];
    u.secretary_email = f[4];
    u.admin_emails = split_list_field(f[5]);
    if (!f[6].empty()) u.timezone = f[6];
    if (!valid_id(u.id)) errors.add(row.line, "id", "'" + u.id + "' is not a unit id (letters, digits, '.', '_', '-')");
    else if (auto [it, fresh] = seen.emplace(u.id, row.line); !fresh)
      errors.add(row.line, "id", "unit '" + u.id + "' is already on line " + std::to_string(it->second));
    if (!u.parent.empty() && u.parent == u.id) errors.add(row.line, "parent", "unit '" + u.id + "' cannot be its own parent");
    if (u.name.empty()) errors.add(row.line, "name", "is empty");
    static const std::regex type_re("[a-z0-9]+(-[a-z0-9]+)*");
    if (!std::regex_match(u.type, type_re))
      errors.add(row.line, "type", "'" + u.type + "' is not a unit type such as committee, party-group, branch");
    if (!u.secretary_email.empty() && !valid_email(u.secretary_email))
      errors.add(row.line, "secretary_email", "'" + u.secretary_email + "' is not an email address");
    for (const auto& e : u.admin_emails)
      if (!valid_email(e)) errors.add(row.line, "admin_emails", "'" + e + "' is not an email address (separate several with ';')");
    if (!known_zone(u.timezone)) errors.add(row.line, "timezone", "'" + u.timezone + "' is not an IANA time zone such as Asia/Shanghai");
    if (columns > 7 && !f[7].empty()) {
      u.active_from = parse_day(f[7]);
      if (!u.active_from) errors.add(row.line, "active_from", "'" + f[7] + "' is not a date (YYYY-MM-DD)");
    }
    if (columns > 8 && !f[8].empty()) {
      u.active_until = parse_day(f[8]);
      if (!u.active_until) errors.add(row.line, "active_until", "'" + f[8] + "' is not a date (YYYY-MM-DD)");
    }
    if (u.active_from && u.active_until && *u.active_until < *u.active_from)
      errors.add(row.line, "active_until", "is before active_from");
    units.push_back(std::move(u));
  }
  errors.throw_if_any();
  return units;
}

}  // namespace cadence
