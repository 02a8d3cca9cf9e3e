#include "web/access_log.h"

#include <date/date.h>

namespace cadence::web {

namespace {

constexpr std::size_t kBlock = 64 * 1024;

void append_quoted(std::string& out, std::string_view value) {
  out += '"';
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  out += '"';
}

const std::string& iso_time(std::chrono::sys_seconds t) {
  thread_local std::chrono::sys_seconds at{};
  thread_local std::string text;
  if (t != at || text.empty()) {
    at = t;
    text = date::format("%FT%TZ", t);
  }
  return text;
}

}  // namespace

void AccessLog::write(const AccessEntry& e) {
  thread_local std::string line;
  line.clear();
  line.append("time=").append(iso_time(std::chrono::floor<std::chrono::seconds>(e.at)));
  line.append(" remote=").append(e.remote);
  line.append(" method=").append(e.method);
  line.append(" path=");
  append_quoted(line, e.route);
  if (e.path_bytes > 0) line.append(" path_bytes=").append(std::to_string(e.path_bytes));
  line.append(" status=").append(std::to_string(e.status));
  line.append(" bytes=").append(std::to_string(e.bytes));
  const auto micros = e.took.count();
  line.append(" ms=").append(std::to_string(micros / 1000)).append(".").append(std::to_string(micros % 1000 / 100));
  if (e.token_id) line.append(" token_id=").append(std::to_string(*e.token_id));
  line.append(" ua=");
  append_quoted(line, e.user_agent);
  if (!e.note.empty()) {
    line.append(" error=");
    append_quoted(line, e.note);
  }
  line += '\n';
  std::lock_guard lock(mutex_);
  pending_ += line;
  if (pending_.size() >= kBlock) write_out();
}

void AccessLog::flush() {
  std::lock_guard lock(mutex_);
  write_out();
}

void AccessLog::note(std::string_view line) {
  std::lock_guard lock(mutex_);
  pending_.append(line).append("\n");
}

void AccessLog::write_out() {
  if (pending_.empty()) return;
  out_.write(pending_.data(), static_cast<std::streamsize>(pending_.size()));
  out_.flush();
  pending_.clear();
}

}  // namespace cadence::web
