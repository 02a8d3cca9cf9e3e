#include "remind/reminder_attachment.h"

#include "core/feed.h"
#include "ical/feed_ics.h"
#include "store/feed_item_versions.h"

#include <algorithm>

namespace cadence::remind {

namespace {

// The feed's UIDs (core/feed.cpp): RULE.PERIOD.SLOT.UNIT@cadence, RULE.PERIOD.due.UNIT@cadence.
std::string item_uid(const Reminder& r, const std::vector<Rule>& rules, const UnitTree& tree) {
  const auto what = r.kind == ReminderKind::upcoming ? std::to_string(r.slot) : std::string("due");
  return rules[*r.rule].id + "." + r.period.id() + "." + what + "." + tree.at(r.unit).id + "@cadence";
}

}  // namespace

std::string attachment(store::Database& db, const ReminderInputs& in, const Reminder& r, Day today,
                       const store::ChangeVersions* basis) {
  if (r.kind != ReminderKind::upcoming && r.kind != ReminderKind::due && r.kind != ReminderKind::overdue) return "";
  auto feed = build_feed(in.rules, in.tree, r.unit, in.records, FeedRequest{today, false, false}, in.calendar);
  const auto uid = item_uid(r, in.rules, in.tree);
  const auto it = std::find_if(feed.items.begin(), feed.items.end(), [&](const FeedItem& i) { return i.uid == uid; });
  if (it == feed.items.end()) return "";
  feed.items = {*it};
  std::vector<ItemVersion> versions;
  if (basis)
    if (auto settled = store::settled_versions(db, feed.items, *basis)) versions = std::move(*settled);
  if (versions.empty()) {
    const std::vector<std::string> uids{uid};
    const auto stored = store::stored_versions(db, uids);
    const auto found = stored.find(uid);
    versions.push_back(found == stored.end() ? ItemVersion{0, db.now()} : found->second.version);
  }
  ical::RenderOptions options;
  options.zones_from = today;
  return ical::render_feed(feed, versions, options);
}

}  // namespace cadence::remind
