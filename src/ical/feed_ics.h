#pragma once
// A feed rendered as one iCalendar object (RFC 5545, with RFC 7986's NAME and
// REFRESH-INTERVAL), shaped for what subscribed clients need: see
// ../shared/reference/ical-client-notes.md and README "Calendar feeds".
#include "core/feed.h"
#include "core/item_version.h"

#include <chrono>
#include <span>
#include <string>

namespace cadence::ical {

struct RenderOptions {
  std::chrono::minutes refresh{60};  // REFRESH-INTERVAL and X-PUBLISHED-TTL
  // Timed events need their zones from here on (the earliest date a feed can show).
  Day zones_from;
};

// `versions[i]` is the version of `feed.items[i]`. The same inputs give the same bytes.
std::string render_feed(const Feed& feed, std::span<const ItemVersion> versions, const RenderOptions& options);

}  // namespace cadence::ical
