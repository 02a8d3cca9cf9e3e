#pragma once
// When a feed item last changed and how often: SEQUENCE, DTSTAMP and LAST-MODIFIED. An item
// keeps its version while its fingerprint stays the same, so an unchanged item renders byte for
// byte the same on every fetch; a new fingerprint raises SEQUENCE once and stamps the time.
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

struct NextVersion {
  ItemVersion version;
  bool record = false;  // new or changed: to be kept as the item's known version
};

// The version of an item whose fingerprint is now `fingerprint`. `stored` is what the database
// holds, `pending` a newer decision not written yet, which then wins: clients may have seen it.
// Either may be null (not known). `now` stamps a new or changed item.
NextVersion next_version(const KnownVersion* stored, const KnownVersion* pending, const std::string& fingerprint,
                         std::chrono::sys_seconds now);

}  // namespace cadence
