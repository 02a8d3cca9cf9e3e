// The dashboard's overview pages (page_fixture.h): who may see which, and what the subtree
// overview and its CSV export show.
#include "page_fixture.h"

#include <cstdlib>

namespace cadence::testing {
namespace {

class DashboardTest : public PageFixture {};

TEST_P(DashboardTest, ALoggedOutVisitorIsSentToTheLoginPage) {
  for (const std::string path : {"/", "/overview/county", "/overview/v1/export.csv", "/overview/nowhere"}) {
    const auto reply = get(path, "");
    EXPECT_EQ(reply.status, 303) << path;
    EXPECT_EQ(reply.header("Location"), "/login") << path;
  }
}

TEST_P(DashboardTest, HomeIsTheOverviewOfTheHighestUnitTheUserMayRead) {
  EXPECT_EQ(get("/", county_admin).header("Location"), "/overview/county");
  EXPECT_EQ(get("/", town_admin).header("Location"), "/overview/town-a");
  EXPECT_EQ(get("/", secretary).header("Location"), "/units/v1");
}

// The accounts issue's matrix: a page of a unit outside the reader's scope is 403, and so is a
// unit that does not exist, so the pages tell nobody which units exist.
TEST_P(DashboardTest, EveryOverviewPageOutsideTheReadersScopeIs403) {
  struct Case {
    std::string token, unit;
    int status;
  };
  const std::vector<Case> cases{{county_admin, "v3", 200},  {town_admin, "town-a", 200}, {town_admin, "v2", 200},
                                {town_admin, "county", 403}, {town_admin, "town-b", 403}, {other_admin, "v1", 403},
                                {secretary, "v1", 200},      {secretary, "v2", 403},      {secretary, "town-a", 403},
                                {county_admin, "nowhere", 403}};
  for (const auto& c : cases)
    for (const std::string suffix : {"", "/export.csv"}) {
      const auto reply = get("/overview/" + c.unit + suffix, c.token);
      EXPECT_EQ(reply.status, c.status) << c.unit << suffix;
      if (c.status == 403) {
        EXPECT_EQ(reply.body.find("一村"), std::string::npos);
      }
    }
}

TEST_P(DashboardTest, TheOverviewShowsFailuresFirstAndFiltersByStatus) {
  const auto page = get(std::string("/overview/town-a?") + kMay, town_admin);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page.header("Content-Security-Policy").find("default-src 'none'"), std::string::npos);
  EXPECT_EQ(rows(page.body), (std::vector<std::string>{"v2", "v1"}));
  EXPECT_NE(page.body.find("data-rule=\"branch-committee-meeting\" data-status=\"missed\""), std::string::npos);
  EXPECT_NE(page.body.find("<small>2026年5月</small>"), std::string::npos);
  EXPECT_NE(page.body.find("截至 2026年6月5日 周五"), std::string::npos);
  // The name is escaped where it is shown; the total counts both branches.
  EXPECT_NE(page.body.find("二村党支部,=X"), std::string::npos);
  EXPECT_NE(page.body.find("<span class=\"status\">50%</span><span class=\"detail\">1/2 达标</span>"), std::string::npos);

  const auto missed = get(std::string("/overview/town-a?status=missed&") + kMay, town_admin);
  EXPECT_EQ(rows(missed.body), std::vector<std::string>{"v2"});
  const auto english = get(std::string("/overview/town-a?lang=en&") + kMay, town_admin);
  EXPECT_NE(english.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(english.body.find("As of Fri 5 June 2026"), std::string::npos);
}

TEST_P(DashboardTest, TheCountyRollsUpEachTownshipAndDrillsDownToIt) {
  const auto page = get(std::string("/overview/county?") + kMay, county_admin);
  ASSERT_EQ(page.status, 200);
  // One branch of each township missed; town-b kept none, town-a one in two: town-b first.
  EXPECT_EQ(rows(page.body), (std::vector<std::string>{"town-b", "town-a"}));
  EXPECT_NE(page.body.find("<a href=\"/overview/town-a?as_of=2026-06-05&amp;period=2026-05&amp;rule=branch-committee-meeting\">"),
            std::string::npos);
  const auto every = get(std::string("/overview/county?show=all&status=missed&") + kMay, county_admin);
  EXPECT_EQ(rows(every.body), (std::vector<std::string>{"v2", "v3"}));
}

TEST_P(DashboardTest, TheCsvExportHoldsExactlyTheRowsShown) {
  const auto csv = get(std::string("/overview/town-a/export.csv?") + kMay, town_admin);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.header("Content-Disposition"), "attachment; filename=\"overview-town-a-2026-06-05.csv\"");
  EXPECT_EQ(csv.body,
            "\xEF\xBB\xBF单位编号,单位,类型,范围,支部委员会会议 2026年5月 状态,支部委员会会议 2026年5月 情况\r\n"
            "v2,\"二村党支部,=X\",党支部,本级,未完成,0/1\r\n"
            "v1,一村党支部,党支部,本级,达标,1/1\r\n"
            "town-a,甲镇党委（全部单位）,党委,合计,50%,1/2 达标\r\n");
}

// The same table as an .xlsx, read back by openpyxl: the status cells coloured as on the page.
TEST_P(DashboardTest, TheXlsxExportHoldsTheSameTableColoured) {
  const auto xlsx = get(std::string("/overview/town-a/export.xlsx?") + kMay, town_admin);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.header("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx.header("Content-Disposition"), "attachment; filename=\"overview-town-a-2026-06-05.xlsx\"");
  cli.dir().write("overview.xlsx", xlsx.body);
  const std::string cmd = "/usr/bin/python3 " CADENCE_SOURCE_DIR "/tests/web/read_xlsx.py " + cli.dir().file("overview.xlsx") +
                          " > " + cli.dir().file("xlsx.txt") + " 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << CliRunner::slurp(cli.dir().file("xlsx.txt"));
  EXPECT_EQ(CliRunner::slurp(cli.dir().file("xlsx.txt")),
            "合规概览\n"
            "单位编号[b]\t单位[b]\t类型[b]\t范围[b]\t支部委员会会议 2026年5月 状态[b]\t支部委员会会议 2026年5月 情况[b]\n"
            "v2\t二村党支部,=X\t党支部\t本级\t未完成[FDE0E0]\t0/1\n"
            "v1\t一村党支部\t党支部\t本级\t达标[E8F5E9]\t1/1\n"
            "town-a\t甲镇党委（全部单位）\t党委\t合计\t50%[FDE0E0]\t1/2 达标\n");
}

TEST_P(DashboardTest, ABadFilterIsA400PageNamingTheParameter) {
  const auto reply = get("/overview/town-a?as_of=2026-13-01", town_admin);
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.header("Content-Type").rfind("text/html", 0), 0u);
  EXPECT_NE(reply.body.find("as_of"), std::string::npos);
  EXPECT_EQ(get("/overview/town-a?status=late-ish", town_admin).status, 400);
  EXPECT_EQ(get("/overview/town-a?rule=no-such-rule", town_admin).status, 400);
}

// The report an overview judged from is kept, and gives way to a record written by another process.
TEST_P(DashboardTest, AKeptReportGivesWayToAnotherProcesssWrite) {
  const auto path = std::string("/overview/town-a?status=missed&") + kMay;
  EXPECT_EQ(rows(get(path, town_admin).body), std::vector<std::string>{"v2"});
  EXPECT_EQ(rows(get(path, town_admin).body), std::vector<std::string>{"v2"});
  cli.dir().write("more.csv", "unit,rule,date,tags,period,note\nv2,branch-committee-meeting,2026-05-20,,,\n");
  ASSERT_EQ(run({"records", "import", "more.csv"}).code, 0);
  EXPECT_EQ(rows(get(path, town_admin).body), std::vector<std::string>{});
}

INSTANTIATE_TEST_SUITE_P(Backends, DashboardTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::testing
