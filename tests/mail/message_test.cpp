#include "mail/message.h"

#include "mail_fixtures.h"

#include <gtest/gtest.h>

namespace cadence::mail {
namespace {

using cadence::testing::read_with_python;
using cadence::testing::reminder;

Poco::JSON::Object::Ptr part(const Poco::JSON::Object::Ptr& node, std::size_t i) {
  return node->getArray("parts")->getObject(static_cast<unsigned>(i));
}

TEST(MessageTest, MessageIdIsTheKeysHash) {
  EXPECT_EQ(message_id("k", "example.org"),
            "<8254c329a92850f6d539dd376f4816ee2764517da5e0235514af433164480d7a@example.org>");
  EXPECT_EQ(message_id("k", "a.test"), message_id("k", "a.test"));
  EXPECT_NE(message_id("k", "a.test"), message_id("k2", "a.test"));
}

TEST(MessageTest, EveryLineEndsInCrlfAndNoneIsLong) {
  const std::string bytes = compose(reminder(), "example.org");
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      EXPECT_TRUE(i > 0 && bytes[i - 1] == '\r') << "bare LF at " << i;
    }
    if (bytes[i] == '\r') {
      EXPECT_TRUE(i + 1 < bytes.size() && bytes[i + 1] == '\n') << "bare CR at " << i;
    }
  }
  std::size_t start = 0;
  for (std::size_t end; (end = bytes.find("\r\n", start)) != std::string::npos; start = end + 2)
    // The Message-ID's 64 hex digits cannot be folded; its line is within RFC 5322's 998.
    if (bytes.compare(start, 11, "Message-ID:") != 0) {
      EXPECT_LE(end - start, 78u) << bytes.substr(start, end - start);
    }
  EXPECT_TRUE(bytes.ends_with("\r\n"));
  for (unsigned char c : bytes) EXPECT_LT(c, 0x80) << "8-bit byte in a 7-bit message";
}

TEST(MessageTest, HeadersReadBackWithPythonsEmailPackage) {
  const Message m = reminder();
  const auto read = read_with_python(compose(m, "example.org"));
  EXPECT_EQ(read->getArray("defects")->size(), 0u) << read->getArray("defects")->get(0).toString();
  EXPECT_EQ(read->getValue<std::string>("Subject"), m.subject);
  EXPECT_EQ(read->getValue<std::string>("from_name"), "Cadence 提醒");
  EXPECT_EQ(read->getValue<std::string>("From"), "Cadence 提醒 <cadence@example.org>");
  EXPECT_EQ(read->getValue<std::string>("Reply-To"), "办公室 <office@example.org>");
  EXPECT_EQ(read->getValue<std::string>("To"), "王小明 <wang@example.org>, li@example.org");
  EXPECT_EQ(read->getValue<std::string>("Date"), "Mon, 18 May 2026 09:00:00 +0800");
  EXPECT_EQ(read->getValue<std::string>("Message-ID"), message_id(m.key, "example.org"));
  EXPECT_EQ(read->getValue<std::string>("MIME-Version"), "1.0");
  EXPECT_EQ(read->getValue<std::string>("Auto-Submitted"), "auto-generated");
  EXPECT_EQ(read->getValue<std::string>("X-Cadence-Key"), m.key);
}

TEST(MessageTest, PlainAndHtmlAlternativesWithTheCalendarBesideThem) {
  const Message m = reminder();
  const auto tree = read_with_python(compose(m, "example.org"))->getObject("tree");
  EXPECT_EQ(tree->getValue<std::string>("type"), "multipart/mixed");
  const auto alternative = part(tree, 0);
  EXPECT_EQ(alternative->getValue<std::string>("type"), "multipart/alternative");
  EXPECT_EQ(part(alternative, 0)->getValue<std::string>("type"), "text/plain");
  EXPECT_EQ(part(alternative, 0)->getObject("params")->getValue<std::string>("charset"), "utf-8");
  EXPECT_EQ(part(alternative, 0)->getValue<std::string>("content"),
            "您好：\r\n\r\n第七支部的学习会还没有记录。\r\n.这一行以点开头\r\n谢谢\r\n");
  EXPECT_EQ(part(alternative, 1)->getValue<std::string>("type"), "text/html");
  EXPECT_EQ(part(alternative, 1)->getValue<std::string>("content"),
            "<p>您好：</p>\r\n<p>第七支部的学习会还没有记录。</p>\r\n");
  const auto calendar = part(tree, 1);
  EXPECT_EQ(calendar->getValue<std::string>("type"), "text/calendar");
  EXPECT_EQ(calendar->getObject("params")->getValue<std::string>("method"), "PUBLISH");
  EXPECT_EQ(calendar->getObject("params")->getValue<std::string>("charset"), "utf-8");
  EXPECT_EQ(calendar->getValue<std::string>("filename"), "invite.ics");
  EXPECT_EQ(calendar->getValue<std::string>("content"), *m.calendar);
}

TEST(MessageTest, WithoutACalendarTheMessageIsTheAlternativeItself) {
  Message m = reminder();
  m.calendar.reset();
  m.zone = nullptr;
  const auto read = read_with_python(compose(m, "example.org"));
  EXPECT_EQ(read->getObject("tree")->getValue<std::string>("type"), "multipart/alternative");
  EXPECT_EQ(read->getValue<std::string>("Date"), "Mon, 18 May 2026 01:00:00 +0000");
}

TEST(MessageTest, LongNamesAndAddressesStayWithinTheLineLimit) {
  Message m = reminder();
  m.from = {"城关镇人民政府党政综合办公室提醒服务", "reminders-for-the-town-government@example.org"};
  m.to = {{"城关镇第七党支部书记王小明同志", "wang.xiaoming.secretary@branch-07.town.example.org"},
          {"李", "li@example.org"}};
  const std::string bytes = compose(m, "example.org");
  std::size_t start = 0;
  for (std::size_t end; (end = bytes.find("\r\n", start)) != std::string::npos && end > start; start = end + 2) {
    if (bytes.compare(start, 11, "Message-ID:") != 0) {
      EXPECT_LE(end - start, 76u) << bytes.substr(start, end - start);
    }
  }
  // Names longer than one encoded-word: read with decode_header (see read_message.py).
  const auto read = read_with_python(bytes);
  EXPECT_EQ(read->getValue<std::string>("From_rfc2047"),
            "城关镇人民政府党政综合办公室提醒服务 <reminders-for-the-town-government@example.org>");
  EXPECT_EQ(read->getValue<std::string>("To_rfc2047"),
            "城关镇第七党支部书记王小明同志 <wang.xiaoming.secretary@branch-07.town.example.org>, 李 <li@example.org>");
}

TEST(MessageTest, ALongKeyStaysAsItIs) {
  Message m = reminder();
  m.key = "escalation:" + std::string(100, 'u') + ":" + std::string(60, 'r') + ":2026-Q2:2:-";
  const std::string bytes = compose(m, "example.org");
  EXPECT_NE(bytes.find("\r\nX-Cadence-Key: " + m.key + "\r\n"), std::string::npos);
  EXPECT_EQ(read_with_python(bytes)->getValue<std::string>("X-Cadence-Key"), m.key);
}

TEST(MessageTest, AsciiHeadersStayReadable) {
  Message m = reminder();
  m.subject = "Weekly digest";
  m.from.display_name = "Cadence, the scheduler";
  m.to = {{"Plain Name", "a@example.org"}};
  const std::string bytes = compose(m, "example.org");
  EXPECT_NE(bytes.find("\r\nSubject: Weekly digest\r\n"), std::string::npos);
  EXPECT_NE(bytes.find("\r\nFrom: \"Cadence, the scheduler\" <cadence@example.org>\r\n"), std::string::npos);
  EXPECT_NE(bytes.find("\r\nTo: Plain Name <a@example.org>\r\n"), std::string::npos);
}

TEST(MessageTest, LineBreaksInHeaderTextCannotAddHeaders) {
  Message m = reminder();
  m.subject = "hello\r\nBcc: victim@example.org";
  const auto read = read_with_python(compose(m, "example.org"));
  EXPECT_EQ(read->getValue<std::string>("Subject"), "hello  Bcc: victim@example.org");
}

TEST(MessageTest, BadAddressesAreRefused) {
  Message m = reminder();
  m.to = {{"", "no-at-sign"}};
  EXPECT_THROW(compose(m, "example.org"), std::invalid_argument);
  m.to = {{"", "a@example.org>\r\nBcc: b@example.org"}};
  EXPECT_THROW(compose(m, "example.org"), std::invalid_argument);
  m.to.clear();
  EXPECT_THROW(compose(m, "example.org"), std::invalid_argument);
}

}  // namespace
}  // namespace cadence::mail
