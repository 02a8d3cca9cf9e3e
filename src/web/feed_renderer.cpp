#include "web/feed_renderer.h"

#include "web/feed_publisher.h"
#include "web/http_date.h"

namespace cadence::web {

std::string FeedRenderer::key_of(const UnitTree& tree, std::size_t unit, const FeedRequest& request) {
  return tree.at(unit).id + (request.subtree ? "|s" : "|u") + (request.holidays ? "h|" : "-|") +
         format_day(request.today);
}

std::shared_ptr<const CachedFeed> FeedRenderer::feed(const UnitsSnapshot& units, std::size_t unit,
                                                     const FeedRequest& request) {
  const UnitTree& tree = *units.tree;
  return cache_.get(key_of(tree, unit, request), [&] {
    const FeedSources sources{rules_.rules, rules_.calendar, tree, rules_.refresh, units.version};
    auto published = publish_feed(*sessions_.acquire(), sources, unit, request);
    // Only the compressed bytes are kept: calendar clients ask for gzip, and the plain bytes of a
    // feed someone fetches without it are kept (PlainCopies) once that happens.
    return make_cached_feed(published.body, published.last_modified,
                            published.last_modified ? http_date(*published.last_modified) : "");
  });
}

}  // namespace cadence::web
