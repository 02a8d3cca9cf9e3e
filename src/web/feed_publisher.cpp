#include "web/feed_publisher.h"

#include "ical/feed_ics.h"
#include "store/feed_item_versions.h"
#include "store/record_repository.h"
#include "store/store_error.h"

#include <map>
#include <unordered_map>

namespace cadence::web {

namespace {

// Builds to be tried while other processes keep changing the records under them.
constexpr int kBuilds = 5;

struct Window {
  Day from, to;
};

// The feed shows periods from the previous one (deadlines still due) to the next one; a
// yearly rule's previous period starts a year back, its next one ends a year ahead.
Window window_of(const FeedRequest& request) {
  const date::year_month_day today{request.today};
  return {Day{(today.year() - date::years{1}) / 1 / 1}, Day{(today.year() + date::years{2}) / 12 / 31}};
}

Feed build(store::Database& db, const FeedSources& sources, std::size_t unit, const FeedRequest& request) {
  const auto [from, to] = window_of(request);
  std::unordered_map<std::string_view, std::size_t> rule_index;
  for (std::size_t r = 0; r < sources.rules.size(); ++r) rule_index.emplace(sources.rules[r].id, r);
  std::map<std::pair<std::size_t, std::size_t>, std::vector<Entry>> entries;
  const auto units = request.subtree ? sources.tree.subtree(unit) : std::vector<std::size_t>{unit};
  store::RecordRepository records(db);
  for (const auto u : units)
    for (const auto& record : records.of_unit(sources.tree.at(u).id, from, to)) {
      const auto r = rule_index.find(record.rule);
      // Records of rules no longer in the rule files are kept but shown nowhere.
      if (r == rule_index.end()) continue;
      entries[{u, r->second}].push_back(to_entry(sources.rules[r->second], record));
    }
  const EntriesOf entries_of = [&](std::size_t u, std::size_t r) -> std::span<const Entry> {
    const auto it = entries.find({u, r});
    if (it == entries.end()) return {};
    return it->second;
  };
  return build_feed(sources.rules, sources.tree, unit, entries_of, request, sources.calendar);
}

}  // namespace

PublishedFeed publish_feed(store::Database& db, const FeedSources& sources, std::size_t unit,
                           const FeedRequest& request) {
  for (int attempt = 0; attempt < kBuilds; ++attempt) {
    // Read before the records: settled_versions() writes nothing if they changed since.
    auto basis = store::change_versions(db);
    basis.units = sources.tree_version;
    const Feed feed = build(db, sources, unit, request);
    const auto versions = store::settled_versions(db, feed.items, basis);
    if (!versions) continue;
    PublishedFeed published;
    published.items = feed.items.size();
    for (const auto& v : *versions)
      if (!published.last_modified || v.changed > *published.last_modified) published.last_modified = v.changed;
    published.body = ical::render_feed(feed, *versions, {sources.refresh, window_of(request).from});
    return published;
  }
  throw store::StoreError("the records of unit '" + sources.tree.at(unit).id +
                          "' kept changing while its feed was built: database is busy");
}

}  // namespace cadence::web
