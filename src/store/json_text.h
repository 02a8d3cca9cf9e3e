#pragma once
// Compact JSON for audit rows, written the way SQLite's json_object() writes it, so that rows
// built in C++ and rows built in SQL (bulk imports) read alike. Internal to the store.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace cadence::store {

// {"key":"value",…} with string values only, in the order given.
std::string json_object(std::initializer_list<std::pair<std::string_view, std::string_view>> fields);

}  // namespace cadence::store
