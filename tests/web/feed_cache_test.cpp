// The feed cache: concurrent misses of one feed render it once.
#include "web/feed_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <latch>
#include <stdexcept>
#include <vector>

namespace cadence::web {
namespace {

constexpr int kCallers = 8;

std::shared_ptr<const CachedFeed> feed(const std::string& body) { return make_cached_feed(body, std::nullopt, ""); }

// Every caller but the one rendering has started waiting once `waiting` reaches zero.
struct Crowd {
  std::latch waiting{kCallers - 1};
  FeedCache cache{1 << 20, [this] { waiting.count_down(); }};
  std::atomic<int> renders{0};

  std::vector<std::future<std::shared_ptr<const CachedFeed>>> ask(const FeedCache::Render& render) {
    std::vector<std::future<std::shared_ptr<const CachedFeed>>> answers;
    for (int i = 0; i < kCallers; ++i)
      answers.push_back(std::async(std::launch::async, [this, render] { return cache.get("county|u", render); }));
    return answers;
  }
};

TEST(FeedCache, ConcurrentMissesOfOneKeyRenderItOnce) {
  Crowd crowd;
  const auto rendered = feed("BEGIN:VCALENDAR");
  auto answers = crowd.ask([&] {
    ++crowd.renders;
    crowd.waiting.wait();
    return rendered;
  });
  for (auto& a : answers) EXPECT_EQ(a.get(), rendered);
  EXPECT_EQ(crowd.renders, 1);
  EXPECT_EQ(crowd.cache.get("county|u", [] { return feed("again"); }), rendered);
}

TEST(FeedCache, AFailedRenderReachesEveryWaiterAndNothingIsKept) {
  Crowd crowd;
  auto answers = crowd.ask([&]() -> std::shared_ptr<const CachedFeed> {
    ++crowd.renders;
    crowd.waiting.wait();
    throw std::runtime_error("database is locked");
  });
  for (auto& a : answers) EXPECT_THROW(a.get(), std::runtime_error);
  EXPECT_EQ(crowd.renders, 1);
  const auto later = feed("later");
  EXPECT_EQ(crowd.cache.get("county|u", [&] { return later; }), later);
}

TEST(FeedCache, ARenderOverlappingAClearIsNotKept) {
  FeedCache cache(1 << 20);
  const auto stale = feed("before the records changed");
  EXPECT_EQ(cache.get("county|u", [&] {
    cache.clear();
    return stale;
  }), stale);
  const auto fresh = feed("after");
  EXPECT_EQ(cache.get("county|u", [&] { return fresh; }), fresh);
}

TEST(FeedCache, LeastRecentlyUsedFeedsGoFirstWhenFull) {
  const auto a = feed(std::string(600, 'a')), b = feed(std::string(600, 'b')), c = feed(std::string(600, 'c'));
  FeedCache cache(2500);
  const auto render = [](std::shared_ptr<const CachedFeed> f) { return [f] { return f; }; };
  cache.get("a", render(a));
  cache.get("b", render(b));
  cache.get("a", render(feed("x")));  // a is used again: b is now the oldest
  cache.get("c", render(c));
  EXPECT_EQ(cache.get("a", render(feed("x"))), a);
  EXPECT_NE(cache.get("b", render(feed("y"))), b);
}

}  // namespace
}  // namespace cadence::web
