#pragma once
// Ids → their positions: the look-up compliance makes once per record read (millions for a
// province). std::unordered_map chases a node per look-up, scattered over the heap: a quarter
// of a province's `cadence check`. Here every id's bytes sit in one buffer and the table is open
// addressing at most half full, so a look-up is a probe or two of two small arrays.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cadence {

class IdIndex {
 public:
  IdIndex() = default;
  // The position of each id is its index in `ids`; of ids given twice, the first counts.
  explicit IdIndex(const std::vector<std::string_view>& ids);

  std::optional<std::size_t> find(std::string_view id) const;
  std::size_t size() const { return starts_.empty() ? 0 : starts_.size() - 1; }

 private:
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t position_plus_one = 0;  // 0: empty
  };
  std::string_view id(std::size_t position) const {
    return std::string_view(text_).substr(starts_[position], starts_[position + 1] - starts_[position]);
  }

  std::string text_;                  // every id, one after another
  std::vector<std::uint32_t> starts_;  // id i is text_[starts_[i], starts_[i + 1])
  std::vector<Slot> slots_;            // size a power of two
};

}  // namespace cadence
