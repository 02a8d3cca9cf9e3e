#include "cli_runner.h"
#include "core/plain_text.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

namespace cadence {
namespace {
using testing::CliResult;
using testing::CliRunner;
using testing::with_repo_data;

const std::string kGolden = CADENCE_SOURCE_DIR "/tests/cli/golden";

std::vector<std::string> golden(std::vector<std::string> args) {
  args.push_back("--rules=" + kGolden + "/rules");
  args.push_back("--calendars=" CADENCE_SOURCE_DIR "/calendars");
  return args;
}

Poco::JSON::Object::Ptr parse(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Object::Ptr find_result(const Poco::JSON::Object::Ptr& doc, const std::string& unit, const std::string& rule) {
  const auto results = doc->getArray("results");
  for (std::size_t i = 0; i < results->size(); ++i) {
    const auto r = results->getObject(static_cast<unsigned>(i));
    if (r->getValue<std::string>("unit") == unit && r->getValue<std::string>("rule") == rule) return r;
  }
  return nullptr;
}

class CliTest : public ::testing::Test {
 protected:
  CliRunner cli;
  void import_golden() {
    ASSERT_EQ(cli.run(golden({"units", "import", kGolden + "/units.csv"})).code, 0);
    const auto r = cli.run(golden({"records", "import", kGolden + "/records.csv"}));
    ASSERT_EQ(r.code, 0) << r.err;
  }
};

TEST_F(CliTest, GoldenCheckJson) {
  import_golden();
  const auto r = cli.run(golden({"check", "--as-of", "2026-06-30", "--format", "json"}));
  ASSERT_EQ(r.code, 0) << r.err;
  const auto expected = CliRunner::slurp(kGolden + "/check-2026-06-30.json");
  EXPECT_EQ(r.out, expected) << "to accept a deliberate change: write this output to tests/cli/golden/check-2026-06-30.json\n"
                             << r.out;
}

TEST_F(CliTest, CheckReportsTheSeedTownshipAsBehindWithItsNumbers) {
  import_golden();
  const auto doc = parse(cli.run(golden({"check", "--as-of", "2026-06-30", "--format", "json"})).out);
  const auto a = find_result(doc, "town-a", "study-group-session");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->getValue<int>("done"), 5);
  EXPECT_EQ(a->getValue<int>("target"), 12);
  EXPECT_EQ(a->getValue<std::string>("status"), "behind");
  EXPECT_EQ(a->getArray("quotas")->getObject(0)->getValue<int>("done"), 2);
  const auto b = find_result(doc, "town-b", "study-group-session");
  EXPECT_EQ(b->getValue<std::string>("status"), "on_track");
  // The branch founded on 2026-05-01 is judged from then on.
  const auto v2 = find_result(doc, "a-v2", "theme-party-day");
  EXPECT_EQ(v2->getValue<std::string>("start"), "2026-06-01");
  // The table says the same for people.
  const auto table = cli.run(golden({"check", "--as-of", "2026-06-30", "--unit", "town-a"}));
  EXPECT_NE(table.out.find("5/12，扩大学习 2/4，宣传部旁听 0/1"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("behind 落后"), std::string::npos);
  EXPECT_EQ(table.out.find("town-b"), std::string::npos);
}

TEST_F(CliTest, PeriodOptionShowsHowAPastQuarterEnded) {
  import_golden();
  const auto doc = parse(cli.run(golden({"check", "--as-of", "2026-06-30", "--period", "2026-Q1", "--format", "json"})).out);
  EXPECT_EQ(find_result(doc, "town-a", "ideology-analysis-meeting")->getValue<std::string>("status"), "made_up");
  EXPECT_EQ(find_result(doc, "town-b", "ideology-analysis-meeting")->getValue<std::string>("status"), "met");
  EXPECT_FALSE(find_result(doc, "town-a", "study-group-session"));
}

TEST_F(CliTest, ReimportingChangesNothing) {
  import_golden();
  const auto units = cli.run(golden({"units", "import", kGolden + "/units.csv"}));
  EXPECT_NE(units.out.find("5 units — 0 added, 0 updated, 5 unchanged"), std::string::npos) << units.out;
  const auto records = cli.run(golden({"records", "import", kGolden + "/records.csv"}));
  EXPECT_NE(records.out.find("18 records — 0 added, 0 updated, 18 unchanged"), std::string::npos) << records.out;
}

struct BadFile {
  const char* what;
  const char* name;
  const char* content;
  const char* expected;
};

class CliBadInput : public CliTest, public ::testing::WithParamInterface<BadFile> {};

TEST_P(CliBadInput, IsRejectedWholeWithTheLine) {
  import_golden();
  const auto& p = GetParam();
  const auto path = cli.dir().write(p.name, p.content);
  const auto before = cli.run(golden({"check", "--as-of", "2026-06-30", "--format", "json"})).out;
  const auto r = cli.run(golden({p.what, "import", path}));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(path + p.expected), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was imported"), std::string::npos) << r.err;
  // Nothing changed.
  EXPECT_EQ(cli.run(golden({"check", "--as-of", "2026-06-30", "--format", "json"})).out, before);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CliBadInput,
    ::testing::Values(
        BadFile{"records", "r.csv", "unit,rule,day,tags,period,note\n", ":1: error: wrong header 'unit,rule,day,tags,period,note'"},
        BadFile{"records", "r.csv", "unit,rule,date,tags,period,note\ntown-a,study-group-session,2026-06-01,,,\nnowhere,study-group-session,2026-06-02,,,\n",
                ":3: error: unit: unknown unit 'nowhere'"},
        BadFile{"records", "r.csv", "unit,rule,date,tags,period,note\ntown-a,study-group-session,2026-06-01,,,\ntown-a,no-such-rule,2026-06-02,,,\n",
                ":3: error: rule: unknown rule 'no-such-rule'"},
        BadFile{"records", "r.csv", "unit,rule,date,tags,period,note\ntown-a,study-group-session,2026-06-01,expandd,,\n",
                ":2: error: tags: unknown tag 'expandd' for rule 'study-group-session' (known: expanded, observed)"},
        BadFile{"records", "r.csv", "unit,rule,date,tags,period,note\ntown-a,study-group-session,2026-06-31,,,\n",
                ":2: error: date: '2026-06-31' is not a date"},
        BadFile{"records", "r.csv", "unit,rule,date,tags,period,note\na-v1,half-year-report,2026-07-01,,,\n",
                ":2: error: period: a deadline rule's record names the period it fulfils"},
        BadFile{"records", "r.csv", "unit,rule,date,tags,period,note\na-v1,study-group-session,2026-07-01,,,\n",
                ":2: error: rule: rule 'study-group-session' does not apply to unit 'a-v1' (type branch)"},
        BadFile{"units", "u.csv", "id,parent,name,type,secretary_email,admin_emails,timezone\nx,,X,committee,,,Mars/Base\n",
                ":2: error: timezone: 'Mars/Base' is not an IANA time zone"},
        BadFile{"units", "u.csv", "id,parent,name,type,secretary_email,admin_emails,timezone\nx,y,X,committee,,,\ny,x,Y,committee,,,\n",
                ":2: error: the unit hierarchy has a cycle"},
        BadFile{"units", "u.csv", "id,parent,name,type,secretary_email,admin_emails,timezone\ncounty,town-a,X,committee,,,\n",
                ":2: error: the unit hierarchy has a cycle: county → town-a → county"},
        BadFile{"units", "u.csv", "id,parent,name,type,secretary_email\nx,,X,committee,\n", ":1: error: wrong header"},
        BadFile{"records", "r.csv", "unit,rule,date,tags,period,note\ntown-a,study-group-session,2026-06-01,,,\"\x1b[2J\x1b[H\"\n",
                ":2: error: note: contains the control character ESC (0x1B) at byte 1"},
        BadFile{"units", "u.csv", "id,parent,name,type,secretary_email,admin_emails,timezone\nx,,X\x1b]0;t\x07,committee,,,\n",
                ":2: error: name: contains the control character ESC (0x1B) at byte 2"},
        BadFile{"units", "u.csv", "id,parent,name,type,secretary_email,admin_emails,timezone\n\"x,,X,committee,,,\n",
                ":2: error: a quoted field is never closed"}),
    // Named by file kind and index: the default name prints the pointers' bytes, which differ
    // between the build that lists the tests and the run.
    [](const ::testing::TestParamInfo<BadFile>& info) { return std::string(info.param.what) + std::to_string(info.index); });

TEST_F(CliTest, Gb18030FileIsNamedAndReadWithTheEncodingOption) {
  // "青山镇党委" in GB18030, as Excel in China saves it.
  const std::string name = "\xC7\xE0\xC9\xBD\xD5\xF2\xB5\xB3\xCE\xAF";
  const auto path = cli.dir().write("gb.csv", "id,parent,name,type,secretary_email,admin_emails,timezone\nt1,," + name + ",committee,,,\n");
  const auto r = cli.run(golden({"units", "import", path}));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(path + ":2: error: the file is not UTF-8"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--encoding gb18030"), std::string::npos);
  const auto ok = cli.run(golden({"units", "import", path, "--encoding", "gb18030"}));
  ASSERT_EQ(ok.code, 0) << ok.err;
  EXPECT_NE(cli.run(golden({"units", "list"})).out.find("青山镇党委"), std::string::npos);
}

TEST_F(CliTest, RecordsAddAndList) {
  import_golden();
  auto r = cli.run(golden({"records", "add", "--unit", "town-b", "--rule", "study-group-session", "--date", "2026-06-11",
                           "--tags", "observed"}));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("recorded"), std::string::npos);
  r = cli.run(golden({"records", "add", "--unit", "town-b", "--rule", "study-group-session", "--date", "2026-06-11",
                      "--tags", "observed"}));
  EXPECT_NE(r.out.find("unchanged"), std::string::npos) << r.out;
  r = cli.run(golden({"records", "add", "--unit", "town-b", "--rule", "study-group-session", "--date", "2026-06-12", "--tags", "x"}));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("unknown tag 'x'"), std::string::npos) << r.err;
  const auto list = cli.run(golden({"records", "list", "--unit", "town-b"}));
  EXPECT_NE(list.out.find("2026-06-11"), std::string::npos) << list.out;
}

TEST_F(CliTest, PlanJson) {
  import_golden();
  const auto r = cli.run(golden({"plan", "--unit", "town-a", "--year", "2026", "--format", "json"}));
  ASSERT_EQ(r.code, 0) << r.err;
  const auto doc = parse(r.out);
  EXPECT_EQ(doc->getValue<std::string>("unit"), "town-a");
  const auto slots = doc->getArray("slots");
  ASSERT_EQ(slots->size(), 12u + 4u);  // 12 study sessions, 4 quarterly meetings
  const auto first = slots->getObject(0);
  EXPECT_EQ(first->getValue<std::string>("rule"), "study-group-session");
  EXPECT_EQ(first->getValue<std::string>("date"), "2026-01-08");
  EXPECT_EQ(first->getValue<std::string>("time"), "14:30");
  EXPECT_EQ(slots->getObject(2)->getArray("tags")->getElement<std::string>(0), "expanded");
}

// A calendar folder of the test's own, so that which years the repository has notices for
// does not matter: a 2026 notice, and the lunar dates of 2027 only.
std::string own_calendars(const CliRunner& cli) {
  cli.dir().write("cal/cn/holidays-2026.toml", "year = 2026\n[[holiday]]\nname = \"元旦\"\noff = [2026-01-01]\nmakeup = []\n");
  cli.dir().write("cal/cn/observances.toml",
                  "[[lunar]]\nname = \"除夕\"\ndates = [2027-02-05]\n[[lunar]]\nname = \"清明\"\ndates = [2027-04-05]\n"
                  "[[lunar]]\nname = \"端午\"\ndates = [2027-06-09]\n[[lunar]]\nname = \"中秋\"\ndates = [2027-09-15]\n");
  return cli.dir().file("cal");
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST_F(CliTest, MissingScheduleIsSaidOnceOnStderr) {
  import_golden();
  const auto calendars = own_calendars(cli);
  const auto check = [&](const std::string& as_of) {
    return cli.run({"check", "--as-of", as_of, "--format", "json", "--rules=" + kGolden + "/rules", "--calendars=" + calendars});
  };
  const auto provisional = check("2027-03-01");
  ASSERT_EQ(provisional.code, 0) << provisional.err;
  EXPECT_EQ(provisional.err,
            "warning: no State Council holiday notice for 2027 in " + calendars +
                "/cn; using a provisional schedule there (the statutory holidays of 《全国年节及纪念日放假办法》, a day on a "
                "weekend made up on the next workday, no 调休) until holidays-2027.toml is added\n");

  // 2028 is beyond the lunar dates: Monday–Friday, said once, next to 2027's line.
  const auto beyond = check("2028-03-01");
  ASSERT_EQ(beyond.code, 0) << beyond.err;
  EXPECT_EQ(occurrences(beyond.err, "warning: no official holiday schedule for 2028 in " + calendars +
                                        "/cn, and no provisional one: its observances.toml has no 除夕, 清明, 端午 and 中秋 "
                                        "dates for that year; counting Monday–Friday as workdays there\n"),
            1u)
      << beyond.err;
  EXPECT_EQ(occurrences(beyond.err, "warning"), occurrences(beyond.err, "\n")) << beyond.err;
  EXPECT_LE(occurrences(beyond.err, "using a provisional schedule"), 1u) << beyond.err;  // 2027's, if the range reaches it

  // 2024 is before the law's current days: Monday–Friday too, and it says why.
  const auto before = check("2024-06-30");
  ASSERT_EQ(before.code, 0) << before.err;
  EXPECT_EQ(occurrences(before.err, "warning"), 1u) << before.err;  // the range reaches back to 2023
  EXPECT_NE(before.err.find("2024 in " + calendars +
                            "/cn, and no provisional one before 2025, when the current statutory days of "
                            "《全国年节及纪念日放假办法》 took effect; counting Monday–Friday as workdays there\n"),
            std::string::npos)
      << before.err;

  cli.dir().write("cal/cn/holidays-2027.toml", "year = 2027\n[[holiday]]\nname = \"元旦\"\noff = [2027-01-01]\nmakeup = []\n");
  const auto notice = check("2027-03-01");
  ASSERT_EQ(notice.code, 0) << notice.err;
  EXPECT_EQ(notice.err, "");
}

TEST_F(CliTest, PlanKeepsOffTheStatutoryDaysOfAYearWithoutANotice) {
  import_golden();
  const auto r = cli.run({"plan", "--unit", "town-a", "--year", "2027", "--format", "json", "--rules=" + kGolden + "/rules",
                          "--calendars=" + own_calendars(cli)});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto slots = parse(r.out)->getArray("slots");
  ASSERT_GT(slots->size(), 0u);
  const std::set<std::string> off{"2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-04-05",
                                  "2027-05-03", "2027-05-04", "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-04",
                                  "2027-10-05"};
  for (std::size_t i = 0; i < slots->size(); ++i) {
    const auto slot = slots->getObject(static_cast<unsigned>(i));
    EXPECT_FALSE(off.count(slot->getValue<std::string>("date"))) << slot->getValue<std::string>("rule") << " on "
                                                                 << slot->getValue<std::string>("date");
    if (slot->getValue<std::string>("rule") == "ideology-analysis-meeting" && slot->getValue<std::string>("period") == "2027-Q1") {
      EXPECT_EQ(slot->getValue<std::string>("date"), "2027-01-04");  // not 元旦
    }
  }
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(cli.run({}).code, 2);
  EXPECT_EQ(cli.run({"frobnicate"}).code, 2);
  const auto r = cli.run(golden({"check", "--as-of", "yesterday"}));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--as-of 'yesterday' is not a date"), std::string::npos);
  EXPECT_EQ(cli.run(golden({"check", "--colour", "red"})).code, 2);
  EXPECT_EQ(cli.run({"--help"}).code, 0);
}

TEST_F(CliTest, ControlCharactersInOptionsAreRefusedNamingTheOption) {
  import_golden();
  auto r = cli.run(golden({"records", "add", "--unit", "town-b", "--rule", "study-group-session", "--date", "2026-06-11",
                           "--note", "ok\x1b[2J"}));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--note: contains the control character ESC (0x1B) at byte 3"), std::string::npos) << r.err;
  r = cli.run(golden({"records", "add", "--unit", "town-b", "--rule", "study-group-session", "--date", "2026-06-11", "--note",
                      std::string(kMaxNoteBytes + 1, 'n')}));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--note: is 65537 bytes long; at most 65536"), std::string::npos) << r.err;
  r = cli.run(golden({"token", "issue", "--unit", "town-b", "--label", "phone\x07"}));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--label: contains the control character BEL (0x07) at byte 6"), std::string::npos) << r.err;
  EXPECT_EQ(cli.run(golden({"records", "list", "--unit", "town-b"})).out.find("2026-06-11"), std::string::npos);
}

TEST_F(CliTest, ErrorsQuotingBadInputPrintItsControlCharactersWrittenOut) {
  import_golden();
  const auto r = cli.run(golden({"records", "add", "--unit", "no\x1b[2Jsuch", "--rule", "study-group-session", "--date",
                                 "2026-06-11"}));
  EXPECT_NE(r.code, 0);
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no\\x1B[2Jsuch"), std::string::npos) << r.err;
}

TEST_F(CliTest, RulesLintWarnsOfASeedFileSourceWithoutACite) {
  const auto repo = cli.run({"rules", "lint", CADENCE_SOURCE_DIR "/rules"});
  EXPECT_EQ(repo.err.find("warning"), std::string::npos) << "every default rule has a cite: " << repo.err;
  const std::string rule = "[[rule]]\nid = \"x\"\ntitle = \"t\"\napplies_to = [\"branch\"]\nkind = \"cadence\"\n"
                           "period = \"year\"\ntarget = 1\nsource = \"003_313a25426172a4c1.txt: 每季度\"\n";
  const auto path = cli.dir().write("seed/r.toml", rule);
  auto r = cli.run({"rules", "lint", cli.dir().file("seed")});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find(path + ":1: warning: rule 'x': its source names a seed file"), std::string::npos) << r.err;
  cli.dir().write("seed/r.toml", rule + "cite = \"地方实践：XX市发展和改革委员会意识形态工作情况总结\"\n");
  r = cli.run({"rules", "lint", cli.dir().file("seed")});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err.find("warning"), std::string::npos) << r.err;
}

TEST_F(CliTest, RulesLintNamesFileLineAndColumn) {
  EXPECT_EQ(cli.run({"rules", "lint", CADENCE_SOURCE_DIR "/rules"}).code, 0);
  const auto path = cli.dir().write("bad/r.toml", "[[rule]]\nid = \"x\"\ntitle = \"t\"\napplies_to = [\"branch\"]\nkind = \"cadence\"\nperiod = \"year\"\ntarget = 1\nquotas = 3\n");
  const auto r = cli.run({"rules", "lint", cli.dir().file("bad")});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(path + ":8:10: error: 'quotas' must be an array"), std::string::npos) << r.err;
}

TEST_F(CliTest, SettingsComeFromEnvironmentAndConfigFile) {
  const auto config = cli.dir().write("cadence.toml", "db = \"from-config.db\"\nrules = \"" + kGolden + "/rules\"\ncalendars = \"" CADENCE_SOURCE_DIR "/calendars\"\n");
  ASSERT_EQ(cli.run({"--config", config, "units", "import", kGolden + "/units.csv"}).code, 0);
  EXPECT_TRUE(std::filesystem::exists(cli.dir().file("from-config.db")));
  const auto r = cli.run({"units", "list"}, "CADENCE_DB=from-config.db");
  EXPECT_NE(r.out.find("青山镇党委"), std::string::npos) << r.err;
}

TEST_F(CliTest, DefaultRulePackAndDemoDataWork) {
  ASSERT_EQ(cli.run(with_repo_data({"units", "import", CADENCE_SOURCE_DIR "/demo/units.csv"})).code, 0);
  const auto imported = cli.run(with_repo_data({"records", "import", CADENCE_SOURCE_DIR "/demo/records.csv"}));
  ASSERT_EQ(imported.code, 0) << imported.err;
  const auto r = cli.run(with_repo_data({"check", "--as-of", "2026-06-30", "--format", "json"}));
  ASSERT_EQ(r.code, 0) << r.err;
  const auto doc = parse(r.out);
  // What demo/README.md says the dashboard finds on 2026-06-30, from the seed's inspection.
  const auto result = [&](const std::string& unit, const std::string& rule) {
    const auto results = doc->getArray("results");
    for (std::size_t i = 0; i < results->size(); ++i) {
      const auto row = results->getObject(static_cast<unsigned>(i));
      if (row->getValue<std::string>("unit") == unit && row->getValue<std::string>("rule") == rule) return row;
    }
    ADD_FAILURE() << "no result for " << unit << ", " << rule;
    return Poco::JSON::Object::Ptr(new Poco::JSON::Object);
  };
  const auto town07 = result("town-07", "study-group-session");
  EXPECT_EQ(town07->getValue<std::string>("status"), "behind");
  EXPECT_EQ(town07->getValue<int>("done"), 5);
  EXPECT_EQ(town07->getValue<int>("expected"), 6);
  EXPECT_EQ(town07->getArray("quotas")->getObject(0)->getValue<int>("done"), 2);
  EXPECT_EQ(result("town-01", "study-group-session")->getValue<std::string>("status"), "on_track");
  EXPECT_EQ(result("town-14", "annual-ideology-plan")->getValue<std::string>("status"), "overdue");
  const auto report = result("town-14", "half-year-report");
  EXPECT_EQ(report->getValue<std::string>("period"), "2025-H2");
  EXPECT_EQ(report->getValue<std::string>("status"), "late");
  // The county's roll-up: of its 18 committees, town-07 and town-12 are behind on the 中心组.
  const auto rollup = doc->getArray("rollup");
  bool county_seen = false;
  for (std::size_t i = 0; i < rollup->size(); ++i) {
    const auto row = rollup->getObject(static_cast<unsigned>(i));
    if (row->getValue<std::string>("unit") != "county" || row->getValue<std::string>("rule") != "study-group-session") continue;
    county_seen = true;
    EXPECT_EQ(row->getValue<int>("applicable"), 18);
    EXPECT_EQ(row->getObject("counts")->getValue<int>("behind"), 2);
    EXPECT_EQ(row->getObject("counts")->getValue<int>("on_track"), 16);
  }
  EXPECT_TRUE(county_seen);
}

TEST_F(CliTest, RulesLintFindsAPlanWindowWithoutWorkdaysInTheCalendar) {
  const auto path = cli.dir().write("holidays/r.toml", "[[rule]]\nid = \"x\"\ntitle = \"t\"\napplies_to = [\"branch\"]\n"
                                                       "kind = \"cadence\"\nperiod = \"year\"\ntarget = 1\n[rule.plan]\n"
                                                       "window = [\"10-01\", \"10-07\"]\n");
  const auto r = cli.run({"rules", "lint", cli.dir().file("holidays"), "--calendars=" CADENCE_SOURCE_DIR "/calendars"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(path + ":9:10: error: plan: 'window' 10-01…10-07 has no workday in 2019, "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(", 2026 (holidays only)"), std::string::npos) << r.err;
  // The default pack's windows all hold workdays.
  const auto pack = cli.run(with_repo_data({"rules", "lint", CADENCE_SOURCE_DIR "/rules"}));
  EXPECT_EQ(pack.code, 0) << pack.err;
}

// The demo township's annual rules that a source dates are planned in their windows, not on
// the first workdays of January (书记讲党课 on 2026-01-06, 民主生活会 on 01-08 before).
TEST_F(CliTest, DemoTownshipsDatedAnnualRulesArePlannedAndJudgedInTheirWindows) {
  ASSERT_EQ(cli.run(with_repo_data({"units", "import", CADENCE_SOURCE_DIR "/demo/units.csv"})).code, 0);
  ASSERT_EQ(cli.run(with_repo_data({"records", "import", CADENCE_SOURCE_DIR "/demo/records.csv"})).code, 0);
  const auto plan = cli.run(with_repo_data({"plan", "--unit", "town-07", "--year", "2026", "--format", "json"}));
  ASSERT_EQ(plan.code, 0) << plan.err;
  std::map<std::string, std::string> dates;
  const auto slots = parse(plan.out)->getArray("slots");
  for (std::size_t i = 0; i < slots->size(); ++i) {
    const auto s = slots->getObject(static_cast<unsigned>(i));
    if (s->getValue<int>("of") == 1) dates[s->getValue<std::string>("rule")] = s->getValue<std::string>("date");
  }
  EXPECT_EQ(dates["secretary-party-lecture"], "2026-06-02");  // first Tuesday of 06-01…07-31
  EXPECT_EQ(dates["democratic-life-meeting"], "2026-10-08");  // first Thursday of Q4 after 国庆
  // town-07 recorded no lecture: on track on 06-30, inside the window; behind once it passed.
  const auto status_on = [&](const char* day, const char* unit) {
    const auto doc = parse(cli.run(with_repo_data({"check", "--as-of", day, "--format", "json"})).out);
    const auto r = find_result(doc, unit, "secretary-party-lecture");
    return r ? r->getValue<std::string>("status") : "none";
  };
  EXPECT_EQ(status_on("2026-06-30", "town-07"), "on_track");
  EXPECT_EQ(status_on("2026-08-03", "town-07"), "behind");
  EXPECT_EQ(status_on("2026-08-03", "town-10"), "met");  // held 03-06, before the window: it counts
}

}  // namespace
}  // namespace cadence
