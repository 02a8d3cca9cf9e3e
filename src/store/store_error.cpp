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
// Poco's PostgreSQL connector wraps the server's words ("ERROR:  injected failure") in its own
// ("[PostgreSQL]: postgresql_stmt_execute error: …") and appends CONTEXT lines and a field dump.
std::string_view postgresql_words(std::string_view text) {
  text = without_prefix(text, "[PostgreSQL]: ");
  for (const std::string_view severity : {"ERROR:  ", "FATAL:  "})
    if (const auto at = text.find(severity); at != std::string_view::npos) {
      text = text.substr(at + severity.size());
      break;
    }
  text = text.substr(0, text.find('\n'));
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

std::string reason(const Poco::Exception& error) {
  std::string_view text = error.message();
  if (text.empty()) return error.displayText();
  if (text.starts_with("[PostgreSQL]")) return std::string(postgresql_words(text));
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
