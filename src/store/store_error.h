#pragma once
// The exceptions the store lets out (and nothing else): their messages are written for the person running
// cadence ("cannot open database 'x.db': unable to open database file"), not for a developer.
#include <cstddef>
#include <stdexcept>
#include <string>

namespace Poco {
class Exception;
}

namespace cadence::store {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A StoreError caused by one item of what was given to store (a unit or record of an import),
// so that an importer can name the line it came from.
class ImportItemError : public StoreError {
 public:
  ImportItemError(std::size_t index, const std::string& message) : StoreError(message), index_(index) {}
  // The item's position in the vector given to the store, from 0.
  std::size_t index() const { return index_; }

 private:
  std::size_t index_;
};

// Opening a database that must already exist (Access::existing, Access::read_only) found none,
// so that the caller can say how one is created.
class MissingDatabase : public StoreError {
 public:
  using StoreError::StoreError;
};

// The database's own words for what went wrong, without Poco's class-name prefixes
// ("UNIQUE constraint failed: units.id"), for building StoreError messages.
std::string reason(const Poco::Exception& error);

// Inside a catch block: rethrows the exception in flight as a StoreError whose message is
// "<context>: <what went wrong>". A StoreError passes through unchanged: it already speaks to
// the user.
[[noreturn]] void rethrow_with_context(const std::string& context);

}  // namespace cadence::store
