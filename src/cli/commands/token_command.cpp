// cadence token issue --unit ID [--label TEXT]
// cadence token revoke --unit ID --id N
// cadence token list [--unit ID]
#include "cli/commands/commands.h"
#include "cli/text_table.h"
#include "cli/workspace.h"
#include "store/feed_token_repository.h"

#include <date/date.h>

#include <charconv>

namespace cadence::cli {

namespace {

std::string time_text(const std::optional<std::chrono::sys_seconds>& t) {
  return t ? date::format("%Y-%m-%d %H:%M:%SZ", *t) : "";
}

int issue(const Invocation& inv) {
  const std::string usage = "cadence token issue --unit ID [--label TEXT]";
  inv.args.allow({"unit", "label", "public-url"});
  inv.args.expect_positionals(2, usage);
  const auto label = inv.args.text_option("label", kMaxLineBytes);
  auto db = open_database(inv, store::Access::create);
  const auto unit = required_unit(inv, *db, usage);
  const auto issued = store::FeedTokenRepository(*db).issue(unit, label, actor());
  const std::string path = "/feeds/" + issued.token + ".ics";
  inv.out << "token " << issued.id << " for " << unit << " (shown once: keep the URL secret)\n" << path << "\n";
  if (!inv.settings.public_url.empty()) {
    std::string base = inv.settings.public_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    inv.out << base << path << "\n";
    const auto scheme = base.find("://");
    if (scheme != std::string::npos) inv.out << "webcal" << base.substr(scheme) << path << "\n";
  }
  return 0;
}

int revoke(const Invocation& inv) {
  const std::string usage = "cadence token revoke --unit ID --id N";
  inv.args.allow({"unit", "id"});
  inv.args.expect_positionals(2, usage);
  auto db = open_database(inv, store::Access::existing);
  const auto unit = required_unit(inv, *db, usage);
  const auto id_text = inv.args.option("id");
  std::int64_t id = 0;
  if (!id_text || std::from_chars(id_text->data(), id_text->data() + id_text->size(), id).ptr !=
                      id_text->data() + id_text->size())
    throw UsageError("--id N is required (the number `cadence token list` shows); usage: " + usage);
  if (!store::FeedTokenRepository(*db).revoke(unit, id, actor())) {
    inv.err << "cadence: " << unit << " has no live token " << id << "\n";
    return 1;
  }
  inv.out << "token " << id << " of " << unit << " revoked: its feed URL now answers 404\n";
  return 0;
}

int list(const Invocation& inv) {
  inv.args.allow({"unit", "format"});
  inv.args.expect_positionals(2, "cadence token list [--unit ID]");
  auto db = open_database(inv, store::Access::read_only);
  const auto unit = inv.args.option("unit").value_or("");
  if (!unit.empty()) required_unit(inv, *db, "cadence token list [--unit ID]");
  TextTable table({"id", "unit", "label", "created", "revoked", "last fetched", "client", "fetches"});
  for (const auto& t : store::FeedTokenRepository(*db).list(unit))
    table.add({std::to_string(t.id), t.unit, t.label, time_text(t.created_at), time_text(t.revoked_at),
               t.last_fetched_at ? time_text(t.last_fetched_at) : "never", t.last_user_agent,
               std::to_string(t.fetch_count)});
  if (table.empty()) inv.out << "No feed tokens" << (unit.empty() ? "" : " for " + unit) << ".\n";
  else table.print(inv.out);
  return 0;
}

}  // namespace

int run_token(const Invocation& inv) {
  const auto& words = inv.args.positionals();
  const std::string action = words.size() > 1 ? words[1] : "";
  if (action == "issue") return issue(inv);
  if (action == "revoke") return revoke(inv);
  if (action == "list") return list(inv);
  throw UsageError("usage: cadence token issue|revoke|list --unit ID");
}

}  // namespace cadence::cli
