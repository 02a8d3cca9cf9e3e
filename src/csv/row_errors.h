#pragma once
// Collects the problems of a CSV file row by row, so one import reports them all at once.
#include "core/diagnostic.h"

#include <string>

namespace cadence {

class RowErrors {
 public:
  explicit RowErrors(std::string file) : file_(std::move(file)) {}
  void add(int line, const std::string& field, const std::string& message) {
    if (diagnostics_.size() < kMax) diagnostics_.push_back({file_, line, 0, field + ": " + message});
    ++count_;
  }
  // Counts `n` problems more than were added, of rows not named.
  void count_more(std::size_t n) { count_ += n; }
  // The most rows named; the others are counted.
  static constexpr std::size_t kMax = 50;

  // Throws InputError with what was collected; nothing has been imported at that point.
  void throw_if_any() const {
    if (count_ == 0) return;
    auto all = diagnostics_;
    if (count_ > kMax)
      all.push_back({file_, 0, 0, std::to_string(count_ - kMax) + " more rows have problems"});
    throw InputError(all);
  }

 private:
  std::string file_;
  Diagnostics diagnostics_;
  std::size_t count_ = 0;
};

}  // namespace cadence
