#pragma once
// When a feed item last changed and how often: SEQUENCE, DTSTAMP and LAST-MODIFIED. An item
// keeps its version while its fingerprint stays the same, so an unchanged item renders byte for
// byte the same on every fetch; a new fingerprint raises SEQUENCE once and stamps the time.
// The database decides (store::settled_versions), so that processes sharing it agree.
#include <chrono>
#include <string>

namespace cadence {

struct ItemVersion {
  int sequence = 0;
  std::chrono::sys_seconds changed{};
  bool operator==(const ItemVersion&) const = default;
};

// A version with the fingerprint it was given for (the store keeps a digest of it).
struct KnownVersion {
  std::string fingerprint;
  ItemVersion version;
  bool operator==(const KnownVersion&) const = default;
};

}  // namespace cadence
