#pragma once
// A typical reminder, and the email package's reading of composed bytes.
#include "mail/message.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>

#include "support/temp_dir.h"

namespace cadence::testing {

inline mail::Message reminder() {
  mail::Message m;
  m.key = "upcoming:town-07:study-group-session:2026:5:P7D";
  m.from = {"Cadence 提醒", "cadence@example.org"};
  m.reply_to = mail::Mailbox{"办公室", "office@example.org"};
  m.to = {{"王小明", "wang@example.org"}, {"", "li@example.org"}};
  m.subject = "【提醒】城关镇第七支部 2026年5月学习会还未召开，请在5月25日前安排";
  m.text = "您好：\n\n第七支部的学习会还没有记录。\n.这一行以点开头\n谢谢";
  m.html = "<p>您好：</p>\n<p>第七支部的学习会还没有记录。</p>";
  m.calendar =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Cadence//EN\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\n"
      "UID:slot-town-07-2026-5@cadence\r\nSEQUENCE:3\r\nDTSTAMP:20260518T010000Z\r\n"
      "DTSTART;VALUE=DATE:20260525\r\nSUMMARY:学习会\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  m.date = std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::year{2026} / 5 / 18}.time_since_epoch() +
                                    std::chrono::hours(1)};
  m.zone = date::locate_zone("Asia/Shanghai");
  return m;
}

// Python's email package (policy default) on `bytes`: read_message.py's JSON.
inline Poco::JSON::Object::Ptr read_with_python(const std::string& bytes) {
  TempDir dir;
  const std::string file = dir.write("message.eml", bytes);
  const std::string command = "env -u LD_PRELOAD /usr/bin/python3 " CADENCE_SOURCE_DIR "/tests/mail/read_message.py " + file;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run read_message.py");
  std::string out;
  char buffer[4096];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  if (::pclose(pipe) != 0) throw std::runtime_error("read_message.py failed: " + out);
  return Poco::JSON::Parser().parse(out).extract<Poco::JSON::Object::Ptr>();
}

}  // namespace cadence::testing
