// `cadence audit`: the changes to units, users, grants and tokens, by subtree and time, on both
// backends; it only reads.
#include "cli_runner.h"
#include "support/test_database.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

namespace cadence {
namespace {

using testing::Backend;
using testing::CliResult;
using testing::TestDatabase;

class AuditCommandTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    cli.dir().write("units.csv",
                    "id,parent,name,type,secretary_email,admin_emails,timezone\n"
                    "county,,County,committee,,,Asia/Shanghai\n"
                    "town-a,county,Town A,branch,,,Asia/Shanghai\n"
                    "town-b,county,Town B,branch,,,Asia/Shanghai\n");
    ASSERT_EQ(run({"units", "import", "units.csv"}).code, 0);
    ASSERT_EQ(run({"user", "add", "a@example.org", "--unit", "town-a", "--role", "secretary"}).code, 0);
    ASSERT_EQ(run({"user", "add", "b@example.org", "--unit", "town-b", "--role", "viewer"}).code, 0);
    ASSERT_EQ(run({"user", "token", "a@example.org", "--label", "macro"}).code, 0);
  }
  CliResult run(std::vector<std::string> args) const { return cli.run(args); }
  // (entity, entity_id, action) of each entry `cadence audit ARGS --format json` prints.
  std::vector<std::string> entries(std::vector<std::string> args) const {
    args.insert(args.begin(), "audit");
    args.insert(args.end(), {"--format", "json"});
    const auto r = run(args);
    EXPECT_EQ(r.code, 0) << r.err;
    std::vector<std::string> out;
    const auto array = Poco::JSON::Parser().parse(r.out).extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < array->size(); ++i) {
      const auto e = array->getObject(static_cast<unsigned>(i));
      out.push_back(e->getValue<std::string>("entity") + " " + e->getValue<std::string>("entity_id") + " " +
                    e->getValue<std::string>("action"));
    }
    return out;
  }

  TestDatabase db{GetParam()};
  testing::CliRunner cli{db.uri()};
};

INSTANTIATE_TEST_SUITE_P(Backends, AuditCommandTest, CADENCE_BOTH_BACKENDS);

TEST_P(AuditCommandTest, ListsEveryChangeOldestFirst) {
  EXPECT_EQ(entries({}), (std::vector<std::string>{"unit county insert", "unit town-a insert", "unit town-b insert",
                                                   "user a@example.org insert", "grant a@example.org insert",
                                                   "user b@example.org insert", "grant b@example.org insert",
                                                   "api_token 1 insert"}));
  const auto table = run({"audit"});
  EXPECT_NE(table.out.find(R"({"email":"a@example.org","label":"macro"})"), std::string::npos) << table.out;
}

TEST_P(AuditCommandTest, AUnitTakesItsSubtreeAndTheTokensOfItsUsers) {
  EXPECT_EQ(entries({"--unit", "town-a"}), (std::vector<std::string>{"unit town-a insert", "user a@example.org insert",
                                                                   "grant a@example.org insert", "api_token 1 insert"}));
  EXPECT_EQ(entries({"--unit", "county"}).size(), 8u);
}

TEST_P(AuditCommandTest, SinceTakesADayInTheConfiguredZone) {
  EXPECT_EQ(entries({"--since", "2000-01-01"}).size(), 8u);
  EXPECT_TRUE(entries({"--since", "2999-01-01"}).empty());
}

TEST_P(AuditCommandTest, BadOptionsAreUsageErrors) {
  auto r = run({"audit", "--since", "yesterday"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--since 'yesterday' is not a date (YYYY-MM-DD)"), std::string::npos) << r.err;
  r = run({"audit", "--unit", "nowhere"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("nowhere"), std::string::npos) << r.err;
  r = run({"audit", "--format", "xml"});
  EXPECT_EQ(r.code, 2);
}

}  // namespace
}  // namespace cadence
