#pragma once
// An organisation (单位/组织) in the hierarchy.
#include "core/day.h"

#include <optional>
#include <string>
#include <vector>

namespace cadence {

inline constexpr const char* kDefaultTimeZone = "Asia/Shanghai";

struct Unit {
  std::string id;
  std::string parent;  // empty for a root
  std::string name;
  std::string type;
  std::string secretary_email;
  std::vector<std::string> admin_emails;
  std::string timezone = kDefaultTimeZone;
  std::optional<Day> active_from;
  std::optional<Day> active_until;

  bool active_on(Day day) const {
    return (!active_from || *active_from <= day) && (!active_until || day <= *active_until);
  }
  friend bool operator==(const Unit&, const Unit&) = default;
};

}  // namespace cadence
