#pragma once
// What a handler throws when the request itself is at fault: error_response() turns it into a
// 400, 415 or 422 naming the field (if any) that is wrong.
#include <stdexcept>
#include <string>

namespace cadence::web {

class RequestError : public std::runtime_error {
 public:
  // REQUIRES: status is a 4xx.
  RequestError(int status, std::string field, const std::string& message)
      : std::runtime_error(message), status_(status), field_(std::move(field)) {}
  int status() const { return status_; }
  const std::string& field() const { return field_; }  // empty when no single field is at fault

 private:
  int status_;
  std::string field_;
};

}  // namespace cadence::web
