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
  // Room for two: each counts its compressed bytes (a few dozen here) and about 330 of its own.
  FeedCache cache(800);
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

namespace cadence::web {
namespace {

TEST(FeedCache, PeekFindsOnlyWhatIsKeptAndRendersNothing) {
  FeedCache cache(1 << 20);
  EXPECT_EQ(cache.peek("county|u"), nullptr);
  const auto rendered = feed("BEGIN:VCALENDAR");
  cache.get("county|u", [&] { return rendered; });
  EXPECT_EQ(cache.peek("county|u"), rendered);
  cache.clear();
  EXPECT_EQ(cache.peek("county|u"), nullptr);
}

TEST(CachedFeed, IsKeptOnceCompressedAndDecompressesToItsBody) {
  std::string body;
  for (int i = 0; i < 2000; ++i) body += "BEGIN:VEVENT\r\nUID:" + std::to_string(i) + "@cadence\r\nEND:VEVENT\r\n";
  const auto feed = make_cached_feed(body, std::nullopt, "");
  EXPECT_EQ(feed->plain_size, body.size());
  EXPECT_LT(feed->gzip.size(), body.size() / 4);
  EXPECT_EQ(gunzip(feed->gzip), body);
}

TEST(PlainCopies, KeepsWhatFitsTheRoomLeftAndDecompressesTheRest) {
  std::size_t room = 2500;
  PlainCopies copies([&] { return room; });
  const auto a = make_cached_feed(std::string(1000, 'a'), std::nullopt, "");
  const auto b = make_cached_feed(std::string(1000, 'b'), std::nullopt, "");
  const auto c = make_cached_feed(std::string(1000, 'c'), std::nullopt, "");
  EXPECT_EQ(copies.find(*a), nullptr);  // find() decompresses nothing
  const auto first = copies.get(*a);
  EXPECT_EQ(*first, std::string(1000, 'a'));
  EXPECT_EQ(copies.find(*a), first);
  EXPECT_EQ(copies.get(*a), first);  // kept: the same bytes
  copies.get(*b);
  copies.get(*c);                    // a, the least recently used, made way
  EXPECT_NE(copies.get(*a), first);
  EXPECT_EQ(*copies.get(*a), std::string(1000, 'a'));
  room = 0;  // the compressed feeds took all the room
  const auto again = copies.get(*b);
  EXPECT_EQ(*again, std::string(1000, 'b'));
  EXPECT_NE(copies.get(*b), again);  // nothing is kept now
}

}  // namespace
}  // namespace cadence::web
