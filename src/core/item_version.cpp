#include "core/item_version.h"

namespace cadence {

NextVersion next_version(const KnownVersion* stored, const KnownVersion* pending, const std::string& fingerprint,
                         std::chrono::sys_seconds now) {
  const KnownVersion* latest = pending ? pending : stored;
  if (!latest) return {{0, now}, true};
  if (latest->fingerprint == fingerprint) return {latest->version, false};
  return {{latest->version.sequence + 1, now}, true};
}

}  // namespace cadence
