// cadence user add EMAIL --unit ID --role administrator|secretary|viewer [--password-file F]
// cadence user passwd EMAIL [--password-file F] | user disable EMAIL | user enable EMAIL
// cadence user list [--format table|json]
// cadence user token EMAIL [--label TEXT] | user token revoke ID
#include "cli/commands/commands.h"
#include "cli/text_table.h"
#include "cli/workspace.h"
#include "core/diagnostic.h"
#include "json/json_writer.h"
#include "store/api_token_repository.h"
#include "store/user_repository.h"
#include "web/password_hash.h"

#include <date/date.h>

#include <charconv>
#include <fstream>
#include <iostream>
#include <map>

namespace cadence::cli {

namespace {

constexpr const char* kUsage =
    "cadence user add EMAIL --unit ID --role administrator|secretary|viewer [--password-file F] | "
    "user passwd EMAIL [--password-file F] | user disable EMAIL | user enable EMAIL | user list | "
    "user token EMAIL [--label TEXT] | user token revoke ID";

std::string time_text(const std::optional<std::chrono::sys_seconds>& t) {
  return t ? date::format("%Y-%m-%d %H:%M:%SZ", *t) : "";
}

// The EMAIL positional: one '@' between non-empty parts, no blanks or control characters.
std::string email_argument(const Invocation& inv, const std::string& usage) {
  inv.args.expect_positionals(3, usage);
  const auto& email = inv.args.positionals()[2];
  if (const auto problem = text_problem(email, kMaxLineBytes); !problem.empty())
    throw InputError("EMAIL: " + problem);
  const auto at = email.find('@');
  if (at == 0 || at == std::string::npos || at + 1 == email.size() || email.find('@', at + 1) != std::string::npos ||
      email.find_first_of(" \t") != std::string::npos)
    throw InputError("EMAIL: '" + email + "' is not an email address (name@example.org)");
  return store::UserRepository::normalise_email(email);
}

// A password is read from a file's first line (--password-file, "-" for stdin), or from stdin
// when no file is named: never from the command line, where `ps` would show it.
std::string read_password(const Invocation& inv) {
  const auto path = inv.args.option("password-file").value_or("-");
  const std::string where = path == "-" ? "stdin" : "password file '" + path + "'";
  std::string line;
  if (path == "-") {
    std::getline(std::cin, line);
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError("cannot read the password file '" + path + "'");
    std::getline(in, line);
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty()) throw InputError("the " + where + " holds no password on its first line");
  if (const auto problem = web::password_problem(line); !problem.empty())
    throw InputError("the password of the " + where + " " + problem);
  return web::hash_password(line);
}

std::string grants_text(const store::User& user) {
  std::string out;
  for (const auto& g : user.grants) out += (out.empty() ? "" : ", ") + std::string(role_name(g.role)) + " of " + g.unit;
  return out;
}

store::User existing_user(store::Database& db, const std::string& email) {
  auto user = store::UserRepository(db).find(email);
  if (!user) throw InputError("no user '" + email + "' (`cadence user list` shows them)");
  return *user;
}

int add(const Invocation& inv) {
  const std::string usage = "cadence user add EMAIL --unit ID --role administrator|secretary|viewer [--password-file F]";
  inv.args.allow({"unit", "role", "password-file"});
  const auto email = email_argument(inv, usage);
  const auto role_text = inv.args.option("role");
  if (!role_text) throw UsageError("--role is required; usage: " + usage);
  const auto role = parse_role(*role_text);
  if (!role) throw UsageError("--role '" + *role_text + "' is no role (administrator, secretary or viewer)");
  auto db = open_database(inv, store::Access::existing);
  wait_for_other_writers(inv, *db);
  const Grant grant{required_unit(inv, *db, usage), *role};
  store::UserRepository users(*db);
  if (inv.args.option("password-file") && users.find(email))
    throw InputError("user '" + email + "' exists: its password changes with `cadence user passwd`");
  const auto hash = inv.args.option("password-file") ? std::optional(read_password(inv)) : std::nullopt;
  const auto added = users.add(email, grant, hash, actor());
  const std::string held = std::string(role_name(grant.role)) + " of " + grant.unit;
  if (added.new_user) inv.out << "user " << email << " added: " << held << (hash ? "" : " (no password yet)") << "\n";
  else if (added.new_grant) inv.out << "user " << email << ": now also " << held << "\n";
  else inv.out << "user " << email << " already is " << held << ": nothing changed\n";
  return 0;
}

int passwd(const Invocation& inv) {
  inv.args.allow({"password-file"});
  const auto email = email_argument(inv, "cadence user passwd EMAIL [--password-file F]");
  auto db = open_database(inv, store::Access::existing);
  wait_for_other_writers(inv, *db);
  existing_user(*db, email);
  store::UserRepository(*db).set_password_hash(email, read_password(inv), actor());
  inv.out << "user " << email << ": password set\n";
  return 0;
}

int set_disabled(const Invocation& inv, bool disabled) {
  inv.args.allow({});
  const auto email = email_argument(inv, disabled ? "cadence user disable EMAIL" : "cadence user enable EMAIL");
  auto db = open_database(inv, store::Access::existing);
  wait_for_other_writers(inv, *db);
  existing_user(*db, email);
  store::UserRepository users(*db);
  const bool changed = disabled ? users.disable(email, actor()) : users.enable(email, actor());
  if (!changed) inv.out << "user " << email << " already is " << (disabled ? "disabled" : "enabled") << "\n";
  else if (disabled) inv.out << "user " << email << " disabled: its sessions ended, its API tokens refused\n";
  else inv.out << "user " << email << " enabled\n";
  return 0;
}

// Each user's live API tokens, by user id: what `user token revoke` takes.
std::map<std::int64_t, std::vector<store::ApiToken>> live_tokens(store::Database& db) {
  std::map<std::int64_t, std::vector<store::ApiToken>> tokens;
  for (auto& t : store::ApiTokenRepository(db).list())
    if (!t.revoked_at) tokens[t.user_id].push_back(std::move(t));
  return tokens;
}

std::string tokens_text(const std::vector<store::ApiToken>& tokens) {
  std::string out;
  for (const auto& t : tokens) {
    out += (out.empty() ? "" : ", ") + std::to_string(t.id);
    if (!t.label.empty()) out += " (" + t.label + ")";
  }
  return out;
}

void list_json(const Invocation& inv, const std::vector<store::User>& users,
               std::map<std::int64_t, std::vector<store::ApiToken>>& tokens) {
  json::JsonWriter json(inv.out);
  json.begin_array();
  for (const auto& u : users) {
    json.begin_object().field("id", static_cast<long long>(u.id)).field("email", u.email).key("grants").begin_array();
    for (const auto& g : u.grants) json.begin_object().field("unit", g.unit).field("role", role_name(g.role)).end_object();
    json.end_array().field("password", u.has_password).field("created_at", time_text(u.created_at));
    if (u.disabled_at) json.field("disabled_at", time_text(u.disabled_at));
    json.key("tokens").begin_array();
    for (const auto& t : tokens[u.id]) {
      json.begin_object().field("id", static_cast<long long>(t.id)).field("label", t.label)
          .field("created_at", time_text(t.created_at));
      if (t.last_used_at) json.field("last_used_at", time_text(t.last_used_at));
      json.end_object();
    }
    json.end_array().end_object();
  }
  json.end_array();
  json.flush();
  inv.out << '\n';
}

int list(const Invocation& inv) {
  inv.args.allow({"format"});
  inv.args.expect_positionals(2, "cadence user list [--format table|json]");
  auto db = open_database(inv, store::Access::read_only);
  const auto users = store::UserRepository(*db).all();
  auto tokens = live_tokens(*db);
  if (format_option(inv) == "json") {
    list_json(inv, users, tokens);
    return 0;
  }
  TextTable table({"id", "email", "roles", "password", "API tokens", "created", "disabled"});
  for (const auto& u : users)
    table.add({std::to_string(u.id), u.email, grants_text(u), u.has_password ? "set" : "none", tokens_text(tokens[u.id]),
               time_text(u.created_at), time_text(u.disabled_at)});
  if (table.empty()) inv.out << "No users.\n";
  else table.print(inv.out);
  return 0;
}

int issue_token(const Invocation& inv) {
  inv.args.allow({"label"});
  const auto email = email_argument(inv, "cadence user token EMAIL [--label TEXT]");
  const auto label = inv.args.text_option("label", kMaxLineBytes);
  auto db = open_database(inv, store::Access::existing);
  wait_for_other_writers(inv, *db);
  const auto user = existing_user(*db, email);
  if (user.disabled_at) throw InputError("user '" + email + "' is disabled: `cadence user enable` it first");
  const auto issued = store::ApiTokenRepository(*db).issue(user.id, label, actor());
  inv.out << "API token " << issued.id << " for " << email
          << " (shown once: keep it secret; send it as `Authorization: Bearer …`)\n"
          << issued.token << "\n";
  return 0;
}

int revoke_token(const Invocation& inv) {
  const std::string usage = "cadence user token revoke ID";
  inv.args.allow({});
  inv.args.expect_positionals(4, usage);
  const auto& text = inv.args.positionals()[3];
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0)
    throw UsageError("ID '" + text + "' is not a token's number (`cadence user list` shows them); usage: " + usage);
  auto db = open_database(inv, store::Access::existing);
  wait_for_other_writers(inv, *db);
  if (!store::ApiTokenRepository(*db).revoke(id, actor())) {
    inv.err << "cadence: there is no live API token " << id << "\n";
    return 1;
  }
  inv.out << "API token " << id << " revoked: it is refused from now on\n";
  return 0;
}

}  // namespace

int run_user(const Invocation& inv) {
  const auto& words = inv.args.positionals();
  const std::string action = words.size() > 1 ? words[1] : "";
  if (action == "add") return add(inv);
  if (action == "passwd") return passwd(inv);
  if (action == "disable") return set_disabled(inv, true);
  if (action == "enable") return set_disabled(inv, false);
  if (action == "list") return list(inv);
  if (action == "token") return words.size() > 2 && words[2] == "revoke" ? revoke_token(inv) : issue_token(inv);
  throw UsageError(action.empty() ? std::string("usage: ") + kUsage
                                  : "user: unknown action '" + action + "'; usage: " + kUsage);
}

}  // namespace cadence::cli
