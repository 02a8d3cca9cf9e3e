#include "store/store_error.h"

#include <Poco/Exception.h>

#include <string_view>

namespace cadence::store {

namespace {
// Poco's SQLite connector reports some errors as "<sqlite message>: <sqlite message>" and
// prefixes others with its own wording; both only add noise for a user.
std::string_view without_repeat(std::string_view text) {
  if (text.size() % 2 != 0 || text.size() < 4) return text;
  const std::size_t half = (text.size() - 2) / 2;
  if (text.substr(half, 2) == ": " && text.substr(0, half) == text.substr(half + 2))
    return text.substr(0, half);
  return text;
}

std::string_view without_prefix(std::string_view text, std::string_view prefix) {
  return text.starts_with(prefix) ? text.substr(prefix.size()) : text;
}
}  // namespace

std::string reason(const Poco::Exception& error) {
  std::string_view text = error.message();
  if (text.empty()) return error.displayText();
  text = without_prefix(text, "Can't open DB file: ");
  return std::string(without_repeat(text));
}

void rethrow_with_context(const std::string& context) {
  try {
    throw;
  } catch (const StoreError&) {
    throw;
  } catch (const Poco::Exception& error) {
    throw StoreError(context + ": " + reason(error));
  } catch (const std::exception& error) {
    throw StoreError(context + ": " + error.what());
  }
}

}  // namespace cadence::store
