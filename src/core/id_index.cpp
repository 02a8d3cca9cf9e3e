#include "core/id_index.h"

#include <functional>

namespace cadence {

namespace {

std::uint32_t hash_of(std::string_view id) {
  const auto h = std::hash<std::string_view>{}(id);
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

}  // namespace

IdIndex::IdIndex(const std::vector<std::string_view>& ids) {
  starts_.reserve(ids.size() + 1);
  for (const auto id : ids) {
    starts_.push_back(static_cast<std::uint32_t>(text_.size()));
    text_ += id;
  }
  starts_.push_back(static_cast<std::uint32_t>(text_.size()));
  std::size_t capacity = 16;
  while (capacity < 2 * ids.size()) capacity *= 2;
  slots_.resize(capacity);
  const std::size_t mask = capacity - 1;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto hash = hash_of(ids[i]);
    for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
      auto& slot = slots_[s];
      if (slot.position_plus_one == 0) {
        slot = {hash, static_cast<std::uint32_t>(i + 1)};
        break;
      }
      if (slot.hash == hash && id(slot.position_plus_one - 1) == ids[i]) break;
    }
  }
}

std::optional<std::size_t> IdIndex::find(std::string_view wanted) const {
  if (slots_.empty()) return std::nullopt;
  const auto hash = hash_of(wanted);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
    const auto& slot = slots_[s];
    if (slot.position_plus_one == 0) return std::nullopt;
    if (slot.hash == hash && id(slot.position_plus_one - 1) == wanted) return slot.position_plus_one - 1;
  }
}

}  // namespace cadence
