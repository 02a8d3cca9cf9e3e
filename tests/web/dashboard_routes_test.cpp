// Every page of the dashboard's route table (dashboard_routes.cpp) against the accounts issue's
// authorisation matrix: a logged-out visitor goes to the login page, and a page or form of a
// unit outside the reader's scope is 403 — the unit here is v1, a branch of town-a.
#include "page_fixture.h"

namespace cadence::testing {
namespace {

enum class Need { kRead, kRecord, kReturn, kAdministrator };

struct PageRoute {
  const char* method;
  std::string path;
  Need need;
  const char* form = "";
};

class DashboardRoutesTest : public PageFixture {
 protected:
  std::string record_id() {
    const auto page = get("/units/v1?as_of=2026-06-05", secretary).body;
    const auto at = page.find("<tr data-record=\"") + 17;
    return page.substr(at, page.find('"', at) - at);
  }
  std::string user_id(const std::string& email) {
    const auto page = get("/users", county_admin).body;
    const auto at = page.rfind("<tr data-user=\"", page.find("<td>" + email + "</td>")) + 15;
    return page.substr(at, page.find('"', at) - at);
  }
};

TEST_P(DashboardRoutesTest, EveryPageKeepsToTheMatrix) {
  const auto viewer = user("viewer@example.org", "town-a", "viewer");
  const auto rid = record_id();
  const auto uid = user_id("v1@example.org");
  const std::vector<PageRoute> routes{
      {"GET", "/overview/v1", Need::kRead},
      {"GET", "/overview/v1/export.csv", Need::kRead},
      {"GET", "/overview/v1/export.xlsx", Need::kRead},
      {"GET", "/overview/v1/summary", Need::kRead},
      {"GET", "/overview/v1/summary.docx", Need::kRead},
      {"GET", "/units/v1", Need::kRead},
      {"GET", "/units/v1/report", Need::kRead},
      {"GET", "/units/v1/report.docx", Need::kRead},
      {"GET", "/units/v1/feed", Need::kRead},
      {"POST", "/units/v1/feed", Need::kRecord, "label=x"},
      {"POST", "/units/v1/records", Need::kRecord, "rule=branch-committee-meeting&date=2026-06-18"},
      {"GET", "/records/" + rid + "/edit", Need::kRecord},
      {"POST", "/records/" + rid, Need::kRecord, "rule=branch-committee-meeting&date=2026-05-12&version=stale"},
      {"POST", "/records/" + rid + "/return", Need::kReturn, "reason="},
      {"POST", "/records/" + rid + "/evidence", Need::kRecord, "kind=x"},
      {"POST", "/records/" + rid + "/delete", Need::kRecord, "version=stale"},
      {"POST", "/users/" + uid + "/password", Need::kAdministrator},
  };
  struct Reader {
    const char* name;
    std::string token;
    bool read, record, ret, administrator;
  };
  const std::vector<Reader> readers{{"secretary of v1", secretary, true, true, false, false},
                                    {"administrator above", town_admin, true, true, true, true},
                                    {"county administrator", county_admin, true, true, true, true},
                                    {"viewer above", viewer, true, false, false, false},
                                    {"administrator of town-b", other_admin, false, false, false, false}};
  for (const auto& route : routes) {
    const auto call = [&](const std::string& token) {
      return route.method == std::string("GET") ? get(route.path, token) : post_form(route.path, token, route.form);
    };
    const auto visitor = call("");
    EXPECT_EQ(visitor.status, 303) << route.path;
    EXPECT_EQ(visitor.header("Location"), "/login") << route.path;
    for (const auto& r : readers) {
      const bool may = route.need == Need::kRead     ? r.read
                       : route.need == Need::kRecord ? r.record
                       : route.need == Need::kReturn ? r.ret
                                                     : r.administrator;
      const auto status = call(r.token).status;
      if (may) {
        EXPECT_NE(status, 403) << route.method << " " << route.path << " by " << r.name;
      } else {
        EXPECT_EQ(status, 403) << route.method << " " << route.path << " by " << r.name;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, DashboardRoutesTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::testing
