#pragma once
// A streaming JSON writer: `cadence check` over 100,000 units prints a million results, which
// a DOM (Poco::JSON) would first build in memory.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace cadence::json {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}
  ~JsonWriter() { flush(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;
  // Hands what is buffered to the stream; done on destruction too.
  void flush();

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
  // `json` as it is. REQUIRES: one well-formed JSON value (an audit row's before or after).
  JsonWriter& raw(std::string_view json);
  template <typename T>
  JsonWriter& field(std::string_view name, const T& v) {
    return key(name).value(v);
  }

 private:
  void separate();
  void put(char c);
  void put(std::string_view text);
  void put_escaped(std::string_view text);
  std::ostream& out_;
  std::string buffer_;  // a million small stream writes cost more than the JSON itself
  std::vector<bool> first_{true};  // per open container: nothing written in it yet
  bool after_key_ = false;
};

std::string json_escape(std::string_view text);
// Appends `text` to `out` with JSON string escapes.
void append_json_escaped(std::string& out, std::string_view text);

}  // namespace cadence::json
