#include "web/feed_renderer.h"

#include "web/feed_publisher.h"
#include "web/http_date.h"

namespace cadence::web {

std::shared_ptr<const CachedFeed> FeedRenderer::feed(const UnitTree& tree, std::size_t unit, const FeedRequest& request) {
  const std::string key = tree.at(unit).id + (request.subtree ? "|s" : "|u") + (request.holidays ? "h|" : "-|") +
                          format_day(request.today);
  return cache_.get(key, [&] {
    const FeedSources sources{rules_.rules, rules_.calendar, tree, rules_.refresh};
    auto& db = sessions_.here();
    const auto versions = [&](std::span<const FeedItem> items) { return versions_.versions(db, items); };
    auto published = publish_feed(db, sources, unit, request, versions);
    auto feed = make_cached_feed(published.body, published.last_modified,
                                 published.last_modified ? http_date(*published.last_modified) : "");
    // The client that asked may well ask without gzip: its plain bytes are at hand.
    plain_.put(feed->etag, std::make_shared<const std::string>(std::move(published.body)));
    return feed;
  });
}

}  // namespace cadence::web
