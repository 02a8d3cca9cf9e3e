#pragma once
// What an import did, for the message after `cadence units import` / `records import`.

namespace cadence::store {

struct ImportSummary {
  int added = 0;
  int updated = 0;
  int unchanged = 0;
  friend bool operator==(const ImportSummary&, const ImportSummary&) = default;
};

}  // namespace cadence::store
