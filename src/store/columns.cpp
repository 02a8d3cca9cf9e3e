#include "store/columns.h"

#include "store/store_error.h"

#include <algorithm>
#include <charconv>

namespace cadence::store {

namespace {

void put_digits(char* out, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

bool read_number(std::string_view text, std::size_t at, std::size_t width, int& out) {
  if (at + width > text.size()) return false;
  const char* first = text.data() + at;
  auto [ptr, ec] = std::from_chars(first, first + width, out);
  return ec == std::errc{} && ptr == first + width;
}

}  // namespace

Day day_column(std::string_view text, std::string_view column) {
  if (auto day = parse_day(text)) return *day;
  throw StoreError("the database holds a malformed date in " + std::string(column) + ": '" +
                   std::string(text) + "'");
}

std::string timestamp_text(std::chrono::sys_seconds at) {
  const auto day = std::chrono::floor<date::days>(at);
  const date::hh_mm_ss time{at - day};
  std::string out = format_ymd(date::year_month_day{day}) + "T00:00:00Z";
  put_digits(out.data() + 11, static_cast<unsigned>(time.hours().count()), 2);
  put_digits(out.data() + 14, static_cast<unsigned>(time.minutes().count()), 2);
  put_digits(out.data() + 17, static_cast<unsigned>(time.seconds().count()), 2);
  return out;
}

std::chrono::sys_seconds timestamp_column(std::string_view text, std::string_view column) {
  int h = 0, m = 0, s = 0;
  const auto day = text.size() == 20 ? parse_ymd(text.substr(0, 10)) : std::nullopt;
  if (!day || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z' ||
      !read_number(text, 11, 2, h) || !read_number(text, 14, 2, m) || !read_number(text, 17, 2, s))
    throw StoreError("the database holds a malformed timestamp in " + std::string(column) + ": '" +
                     std::string(text) + "'");
  return date::sys_days{*day} + std::chrono::hours{h} + std::chrono::minutes{m} + std::chrono::seconds{s};
}

std::optional<std::chrono::sys_seconds> optional_timestamp_column(const Poco::Nullable<std::string>& text,
                                                                  std::string_view column) {
  if (text.isNull() || text.value().empty()) return std::nullopt;
  return timestamp_column(text.value(), column);
}

std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ';';
    out += item;
  }
  return out;
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  while (!text.empty()) {
    const auto end = text.find(';');
    items.emplace_back(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
  }
  return items;
}

bool storable_tag(std::string_view tag) { return !tag.empty() && tag.find(';') == std::string_view::npos; }

std::string tags_text(const Tags& tags) {
  for (const auto& tag : tags)
    if (!storable_tag(tag)) throw StoreError("a tag cannot be empty or contain ';': '" + tag + "'");
  return tags.text();
}

}  // namespace cadence::store
