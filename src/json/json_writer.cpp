#include "json/json_writer.h"

#include <charconv>
#include <cstdio>

namespace cadence::json {

std::string json_escape(std::string_view text) {
  std::string out;
  append_json_escaped(out, text);
  return out;
}

namespace {

// Whether the byte is written as it is: most are, and runs of them are appended at once (a
// province's compliance is 158 MB of JSON).
bool plain(unsigned char byte) { return byte >= 0x20 && byte != '"' && byte != '\\' && byte != 0x7F && byte != 0xC2; }

}  // namespace

void append_json_escaped(std::string& out, std::string_view text) {
  auto unicode = [&](unsigned code) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\u%04x", code);
    out += buf;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::size_t run = i;
    while (run < text.size() && plain(static_cast<unsigned char>(text[run]))) ++run;
    out.append(text.data() + i, run - i);
    if (run == text.size()) return;
    i = run;
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        // JSON requires only C0 escaped; DEL and the C1 controls (C2 80–C2 9F) are too, so that
        // JSON shown on a terminal cannot drive it either.
        if (byte < 0x20 || byte == 0x7F) unicode(byte);
        else if (byte == 0xC2 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xE0) == 0x80)
          unicode(static_cast<unsigned char>(text[++i]));
        else out += c;
    }
  }
}

void JsonWriter::flush() {
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

void JsonWriter::put(char c) { buffer_ += c; }

void JsonWriter::put(std::string_view text) {
  buffer_ += text;
  if (buffer_.size() > (1u << 20)) flush();
}

void JsonWriter::put_escaped(std::string_view text) {
  buffer_ += '"';
  append_json_escaped(buffer_, text);
  buffer_ += '"';
}

void JsonWriter::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.back()) put(',');
  first_.back() = false;
}

JsonWriter& JsonWriter::begin_object() {
  separate();
  put('{');
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  put('}');
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  separate();
  put('[');
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  put(']');
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  separate();
  put_escaped(name);
  put(':');
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  separate();
  put_escaped(text);
  if (buffer_.size() > (1u << 20)) flush();
  return *this;
}

JsonWriter& JsonWriter::value(long long number) {
  separate();
  char buf[24];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, number);
  put(std::string_view(buf, static_cast<std::size_t>(end - buf)));
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  separate();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", number);
  // Trim trailing zeros so 1.0 prints as 1 and 0.5000 as 0.5.
  std::string s(buf);
  while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
    const bool dot = s.back() == '.';
    s.pop_back();
    if (dot) break;
  }
  put(s);
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  separate();
  put(b ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::null() {
  separate();
  put("null");
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  separate();
  put(json);
  return *this;
}

}  // namespace cadence::json
