#pragma once
// A small county for the reminder tests: a county committee, two towns (town-b keeps no
// cadence and has no secretary address), a village branch; its rules; its mails read back by
// Python's email and icalendar packages (read_mail.py), independently of Cadence.
#include "remind/reminder_pass.h"

#include "calendars/calendar_loader.h"
#include "core/planner.h"
#include "mail/smtp_test_server.h"
#include "store/outbox.h"
#include "store/record_repository.h"
#include "store/unit_repository.h"
#include "support/temp_dir.h"
#include "support/test_database.h"

#include <Poco/JSON/Parser.h>
#include <date/tz.h>

#include <cstdlib>
#include <fstream>

namespace cadence::remind::test {

using cadence::testing::Backend;
using namespace std::chrono_literals;

inline Day d(int y, unsigned m, unsigned dd) { return Day{date::year{y} / date::month{m} / date::day{dd}}; }

inline Rule rule(std::string id, std::vector<std::string> types, PeriodKind period, int target, std::vector<std::string> leads) {
  Rule r;
  r.id = std::move(id);
  r.title = r.id;
  r.applies_to = std::move(types);
  r.period = period;
  r.target = target;
  for (const auto& l : leads) r.remind.before.push_back(*parse_iso_duration(l));
  return r;
}

inline std::vector<Rule> county_rules() {
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

inline Unit unit(std::string id, std::string name, std::string type, std::string parent, std::string secretary,
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

inline std::vector<Mail> read_mails(const std::filesystem::path& folder) {
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

// The county on a database of the given backend.
class County {
 protected:
  explicit County(Backend backend) : target(backend), db(target.uri()) {
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

  PassReport pass(const testing::SmtpTestServer& server, Day day, std::chrono::minutes time = 9h) {
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

  testing::TestDatabase target;
  store::Database db;
  std::vector<Rule> rules = county_rules();
  WorkCalendar calendar = load_calendar_or_throw(CADENCE_SOURCE_DIR "/calendars");
  UnitTree tree;
  PassSettings settings;
};


}  // namespace cadence::remind::test
