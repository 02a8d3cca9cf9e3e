#pragma once
// A streaming JSON writer: `cadence check` over 100,000 units prints a million results, which
// a DOM (Poco::JSON) would first build in memory.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace cadence::cli {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(long long number);
  JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(std::size_t number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(double number);
  JsonWriter& value(bool b);
  JsonWriter& null();
  template <typename T>
  JsonWriter& field(std::string_view name, const T& v) {
    return key(name).value(v);
  }

 private:
  void separate();
  std::ostream& out_;
  std::vector<bool> first_{true};  // per open container: nothing written in it yet
  bool after_key_ = false;
};

std::string json_escape(std::string_view text);

}  // namespace cadence::cli
