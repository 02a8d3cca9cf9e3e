// A small county through a simulated year, day by day, against a real SMTP server (aiosmtpd on
// 127.0.0.1, a port it chose): what is sent, to whom and when, read back by Python's email and
// icalendar packages.
#include "remind/reminder_pass.h"

#include "calendars/calendar_loader.h"
#include "core/planner.h"
#include "mail/smtp_test_server.h"
#include "store/outbox.h"
#include "store/record_repository.h"
#include "store/unit_repository.h"
#include "support/temp_dir.h"

#include <Poco/JSON/Parser.h>
#include <date/tz.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <set>

namespace cadence::remind {
namespace {

using namespace std::chrono_literals;

Day d(int y, unsigned m, unsigned dd) { return Day{date::year{y} / date::month{m} / date::day{dd}}; }

Rule rule(std::string id, std::vector<std::string> types, PeriodKind period, int target, std::vector<std::string> leads) {
  Rule r;
  r.id = std::move(id);
  r.title = r.id;
  r.applies_to = std::move(types);
  r.period = period;
  r.target = target;
  for (const auto& l : leads) r.remind.before.push_back(*parse_iso_duration(l));
  return r;
}

std::vector<Rule> county_rules() {
  auto theme = rule("weekly-theme-day", {"branch"}, PeriodKind::week, 1, {"P1D"});
  theme.title = "主题党日";
  auto analysis = rule("analysis-meeting", {"committee"}, PeriodKind::quarter, 1, {"P7D", "P1D"});
  analysis.title = "意识形态分析研判会";
  auto study = rule("study-group-session", {"committee"}, PeriodKind::year, 12, {"P1D"});
  study.title = "理论学习中心组集体学习";
  study.plan.weekday = date::Thursday;
  study.plan.time = 14h + 30min;
  study.remind.escalate_after_workdays = 10;
  auto report = rule("half-year-report", {"committee", "branch"}, PeriodKind::half, 0, {"P7D"});
  report.title = "意识形态工作半年自查报告";
  report.kind = RuleKind::deadline;
  report.due = DueSpec{DueSpec::Anchor::end, 5, std::nullopt};
  return {theme, analysis, study, report};
}

Unit unit(std::string id, std::string name, std::string type, std::string parent, std::string secretary,
          std::vector<std::string> admins) {
  Unit u;
  u.id = std::move(id);
  u.name = std::move(name);
  u.type = std::move(type);
  u.parent = std::move(parent);
  u.secretary_email = std::move(secretary);
  u.admin_emails = std::move(admins);
  return u;
}

struct Mail {
  std::string key, subject, local_day, local_time, message_id, method;
  std::vector<std::string> to;
  std::vector<std::string> uids;
  std::string text;
};

std::vector<Mail> read_mails(const std::filesystem::path& folder) {
  const std::string out = (folder / "mails.json").string();
  const std::string cmd = "env -u LD_PRELOAD /usr/bin/python3 " CADENCE_SOURCE_DIR "/tests/remind/read_mail.py '" +
                          folder.string() + "' > '" + out + "'";
  if (std::system(cmd.c_str()) != 0) throw std::runtime_error("read_mail.py failed");
  std::ifstream in(out);
  std::vector<Mail> mails;
  for (std::string line; std::getline(in, line);) {
    const auto o = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
    Mail m{o->getValue<std::string>("key"), o->getValue<std::string>("subject"), o->getValue<std::string>("local_day"),
           o->getValue<std::string>("local_time"), o->getValue<std::string>("message_id"),
           o->has("method") ? o->getValue<std::string>("method") : "", {}, {}, o->optValue<std::string>("text", "")};
    for (const auto& a : *o->getArray("to")) m.to.push_back(a.toString());
    if (o->has("items"))
      for (const auto& i : *o->getArray("items")) m.uids.push_back(i.extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("uid"));
    mails.push_back(std::move(m));
  }
  return mails;
}

class CountyYear : public ::testing::Test {
 protected:
  CountyYear() {
    const std::vector<Unit> units{
        unit("county", "清河县委", "committee", "", "county-sec@example.org", {"county-admin@example.org"}),
        unit("town-a", "杨柳镇党委", "committee", "county", "a-sec@example.org", {"a-admin@example.org"}),
        unit("town-b", "桃花镇党委", "committee", "county", "", {"b-admin@example.org"}),
        unit("branch", "杨柳村党支部", "branch", "town-a", "branch-sec@example.org", {}),
    };
    store::UnitRepository(db).upsert(units, "test");
    tree = UnitTree(units);
    hold_every_slot();
    settings.first_backoff = 60s;
  }

  // town-a and the branch hold every session on its suggested date and file on time; town-b
  // does nothing. Records dated later than a pass do not count in it.
  void hold_every_slot() {
    std::vector<Record> records;
    for (const auto& who : {std::string("town-a"), std::string("branch")}) {
      const auto& u = tree.at(*tree.find(who));
      for (const int year : {2025, 2026})
        for (const auto& slot : plan_unit_year(rules, u, date::year{year}, calendar))
          records.push_back({0, who, rules[slot.rule].id, slot.date, {}, std::nullopt, ""});
      for (const char* half : {"2025-H2", "2026-H1", "2026-H2"})
        records.push_back({0, who, "half-year-report", parse_period(half)->end, {}, parse_period(half), ""});
    }
    store::RecordRepository(db).upsert(records, "test");
  }

  std::chrono::sys_seconds at(Day day, std::chrono::minutes time = 9h) const {
    return date::locate_zone("Asia/Shanghai")->to_sys(date::local_seconds{day.time_since_epoch()} + time);
  }

  PassReport pass(testing::SmtpTestServer& server, Day day, std::chrono::minutes time = 9h) {
    mail::SmtpSettings smtp;
    smtp.url = mail::parse_smtp_url(server.url());
    smtp.from = {"Cadence", "cadence@example.org"};
    smtp.connect_timeout = 2s;
    smtp.max_per_minute = 0;
    mail::SmtpSender sender(smtp);
    const PassSources sources{rules, calendar, tree};
    auto report = run_pass(db, sources, at(day, time), settings, sender, smtp, "test-worker");
    sender.close();
    return report;
  }

  testing::TempDir dir;
  store::Database db{dir.file("cadence.db")};
  std::vector<Rule> rules = county_rules();
  WorkCalendar calendar = load_calendar_or_throw(CADENCE_SOURCE_DIR "/calendars");
  UnitTree tree;
  PassSettings settings;
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
  // The county's weekly digest lists town-b's open items.
  EXPECT_TRUE(by_key.count("digest-week:county:-:2026-W23:-:-"));
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
