// A small county through a simulated year, day by day, against a real SMTP server (aiosmtpd on
// 127.0.0.1, a port it chose): what is sent, to whom and when, read back by Python's email and
// icalendar packages.
#include "county.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <set>

namespace cadence::remind {
namespace {

using namespace std::chrono_literals;
using namespace test;

class CountyYear : public County, public ::testing::Test {
 protected:
  CountyYear() : County(Backend::sqlite) {}
};

TEST_F(CountyYear, EveryMessageOnceOnAWorkdayAndTheWeeklyOnesOnTheirDay) {
  testing::SmtpTestServer server({"aiosmtpd"});
  for (Day day = d(2026, 1, 1); day <= d(2026, 12, 31); day += date::days{1}) {
    pass(server, day);
    const auto again = pass(server, day, 9h + 30min);
    ASSERT_EQ(again.added, 0) << format_day(day);
    ASSERT_EQ(again.delivery.sent, 0) << format_day(day);
  }
  const auto mails = read_mails(server.folder());
  std::map<std::string, const Mail*> by_key;
  for (const auto& m : mails) {
    EXPECT_TRUE(by_key.emplace(m.key, &m).second) << "sent twice: " << m.key;
    const auto day = *parse_day(m.local_day);
    EXPECT_TRUE(calendar.is_workday(day)) << m.key << " on " << m.local_day;
    EXPECT_EQ(m.local_time, "09:00") << m.key;
  }
  store::Outbox outbox(db);
  EXPECT_EQ(outbox.list(std::string("sent")).size(), mails.size());
  EXPECT_TRUE(outbox.list(std::string("pending")).empty());
  EXPECT_TRUE(outbox.list(std::string("failed")).empty());

  // The branch's weekly session is suggested for the first workday of each week; its reminder
  // goes out on the last workday before it.
  int weekly = 0;
  for (const auto& week : periods_starting_in(PeriodKind::week, date::year{2026})) {
    const auto slot = calendar.nth_workday_from(week.start, 1);
    if (!slot || !week.contains(*slot)) continue;
    const auto send = calendar.last_workday_on_or_before(*slot - date::days{1});
    if (*send < d(2026, 1, 1)) continue;
    const auto key = "upcoming:branch:weekly-theme-day:" + week.id() + ":1:P1D";
    ASSERT_TRUE(by_key.count(key)) << key;
    EXPECT_EQ(by_key[key]->local_day, format_day(*send)) << key;
    EXPECT_EQ(by_key[key]->to, std::vector<std::string>{"branch-sec@example.org"});
    ++weekly;
  }
  EXPECT_GE(weekly, 48);
  // 10-12's reminder falls on Sunday 10-11: it goes out on the make-up Saturday 10-10.
  EXPECT_EQ(by_key.at("upcoming:branch:weekly-theme-day:2026-W42:1:P1D")->local_day, "2026-10-10");

  const auto* fifth = by_key.at("upcoming:town-a:study-group-session:2026:5:P1D");
  EXPECT_NE(fifth->subject.find("【提醒】杨柳镇党委：理论学习中心组集体学习（第5次/共12次）建议于"), std::string::npos);
  EXPECT_EQ(fifth->method, "PUBLISH");
  EXPECT_EQ(fifth->uids, std::vector<std::string>{"study-group-session.2026.5.town-a@cadence"});

  // town-b: no secretary address, so what is for the secretary is listed, not sent; what is for
  // the county's administrators goes out.
  std::set<std::string> no_address;
  for (const auto& m : outbox.list(std::string("no_address"))) no_address.insert(m.key);
  EXPECT_TRUE(no_address.count("upcoming:town-b:analysis-meeting:2026-Q2:1:P7D"));
  EXPECT_TRUE(no_address.count("behind:town-b:study-group-session:2026:1:-"));
  const auto& escalation = *by_key.at("escalation:town-b:study-group-session:2026:1:-");
  EXPECT_EQ(escalation.to, std::vector<std::string>{"county-admin@example.org"});
  EXPECT_EQ(by_key.at("missed:town-b:analysis-meeting:2026-Q1:-:-")->to, std::vector<std::string>{"county-admin@example.org"});
  EXPECT_EQ(by_key.at("overdue:town-b:half-year-report:2026-H1:-:-")->to, std::vector<std::string>{"county-admin@example.org"});
  // Nothing about units that keep the cadence but their reminders and digests.
  for (const auto& m : mails) {
    if (m.key.find(":town-a:") == std::string::npos && m.key.find(":branch:") == std::string::npos) continue;
    EXPECT_TRUE(m.key.starts_with("upcoming:") || m.key.starts_with("due:") || m.key.starts_with("digest-"))
          << m.key;
  }
  // The county's weekly digest covers its subtree, the county itself included (it holds no
  // sessions), and lists town-b's open items; town-a and its branch keep up, so are not in it.
  const auto& week = *by_key.at("digest-week:county:-:2026-W23:-:-");
  EXPECT_NE(week.subject.find("【周报】清河县委及下级单位："), std::string::npos) << week.subject;
  EXPECT_NE(week.text.find("· 清河县委：理论学习中心组集体学习"), std::string::npos) << week.text;
  EXPECT_NE(week.text.find("· 桃花镇党委："), std::string::npos) << week.text;
  EXPECT_EQ(week.text.find("· 杨柳"), std::string::npos) << week.text;
}

// A pass composes and adds chunk by chunk (a province's first pass held everything at once):
// chunks of one unit each decide what one chunk does.
TEST_F(CountyYear, ChunksDecideWhatOneChunkDoes) {
  const PassSources sources{rules, calendar, tree};
  const auto decided = [&](std::size_t chunk, int& chunks) {
    auto s = settings;
    s.compose_chunk = chunk;
    std::map<std::string, std::string> subjects;
    const int due = decide(db, sources, at(d(2026, 6, 1)), s, false, [&](std::vector<store::OutboxMessage>& fresh) {
      ++chunks;
      for (const auto& m : fresh) EXPECT_TRUE(subjects.emplace(m.key, m.subject + m.text + m.calendar).second) << m.key;
    });
    EXPECT_EQ(static_cast<std::size_t>(due), subjects.size());
    return subjects;
  };
  int one = 0, many = 0;
  const auto at_once = decided(5000, one);
  const auto by_unit = decided(1, many);
  EXPECT_EQ(one, 1);
  EXPECT_GT(many, 1);
  EXPECT_EQ(by_unit, at_once);
  EXPECT_GT(at_once.size(), 10u);
}

TEST_F(CountyYear, WhatWasDecidedWhileTheServerWasDownIsDeliveredWhenItReturns) {
  auto server = std::make_unique<testing::SmtpTestServer>(std::vector<std::string>{"aiosmtpd"});
  const auto url = server->url();
  for (Day day = d(2026, 3, 2); day <= d(2026, 3, 2); day += date::days{1}) pass(*server, day);
  server.reset();
  std::set<std::string> decided_while_down;
  {
    // Nobody listens on the old port any more: connection refused, a temporary failure.
    testing::SmtpTestServer elsewhere({"aiosmtpd"});
    auto down = [&](Day day) {
      mail::SmtpSettings smtp;
      smtp.url = mail::parse_smtp_url(url);
      smtp.from = {"Cadence", "cadence@example.org"};
      smtp.connect_timeout = 2s;
      mail::SmtpSender sender(smtp);
      const PassSources sources{rules, calendar, tree};
      return run_pass(db, sources, at(day), settings, sender, smtp, "test-worker");
    };
    for (Day day = d(2026, 3, 4); day <= d(2026, 3, 6); day += date::days{1}) {
      const auto r = down(day);
      EXPECT_EQ(r.delivery.sent, 0);
    }
    for (const auto& m : store::Outbox(db).list(std::string("pending"))) decided_while_down.insert(m.key);
    ASSERT_FALSE(decided_while_down.empty());
    pass(elsewhere, d(2026, 3, 9));
    std::set<std::string> delivered;
    for (const auto& m : read_mails(elsewhere.folder())) delivered.insert(m.key);
    for (const auto& k : decided_while_down) EXPECT_TRUE(delivered.count(k)) << k;
  }
  EXPECT_TRUE(store::Outbox(db).list(std::string("pending")).empty());
}

}  // namespace
}  // namespace cadence::remind
