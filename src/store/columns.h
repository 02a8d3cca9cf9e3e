#pragma once
// How domain values are written to and read from text columns. Internal to the store.
//
// Dates are 'YYYY-MM-DD' and timestamps 'YYYY-MM-DDTHH:MM:SSZ' (UTC): text sorts in time order,
// compares with BETWEEN, and reads the same in SQLite and PostgreSQL. Lists (tags, admin emails)
// are ';'-joined.
#include "core/day.h"
#include "core/tags.h"

#include <Poco/Nullable.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cadence::store {

// A date read back from the database; a malformed one is a StoreError naming `column`.
Day day_column(std::string_view text, std::string_view column);

std::string timestamp_text(std::chrono::sys_seconds at);
std::chrono::sys_seconds timestamp_column(std::string_view text, std::string_view column);
// A nullable timestamp column (revoked_at, disabled_at, …): NULL or '' is "never".
std::optional<std::chrono::sys_seconds> optional_timestamp_column(const Poco::Nullable<std::string>& text,
                                                                  std::string_view column);

// A unit's administrators' emails, in their order.
std::string join_list(const std::vector<std::string>& items);
std::vector<std::string> split_list(std::string_view text);

// A tag that is empty or contains ';' would not come back as it went in.
bool storable_tag(std::string_view tag);
// A record's tags in Tags' text form; read back with Tags::parse. A tag that is not
// storable_tag() is a StoreError.
std::string tags_text(const Tags& tags);

}  // namespace cadence::store
