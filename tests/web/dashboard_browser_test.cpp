// The dashboard end to end in Debian's headless chromium, driven by puppeteer-core (pinned by
// tests/web/browser/package-lock.json; scripts/test.sh installs it): the demo county on a real
// `cadence serve`, with users and passwords made by `cadence user add`. What the browser does
// and checks is in tests/web/browser/dashboard_flow.mjs; its screenshots and a printed page are
// kept in the build folder, under test-artifacts/dashboard.
#include "cli/cli_runner.h"
#include "serve_process.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace cadence::testing {
namespace {

constexpr const char* kAdmin = "zuzhibu@county.example.cn";
// 青山镇凤铺村 is behind on its theory study as of 30 June 2026 in the demo data: 3 of 8, 4 expected.
constexpr const char* kVillage = "town-01-v02";
constexpr const char* kSecretary = "secretary@town-01-v02.example.cn";

TEST(DashboardBrowserTest, AdministratorAndSecretaryClickThroughTheDemoCounty) {
  const std::string modules = CADENCE_SOURCE_DIR "/tests/web/browser/node_modules/puppeteer-core";
  ASSERT_TRUE(std::filesystem::exists(modules)) << "run `npm ci` in tests/web/browser (scripts/test.sh does)";
  CliRunner cli;
  const std::string db = cli.dir().file("demo.db");
  const auto run = [&](std::vector<std::string> args) {
    args.push_back("--db=" + db);
    const auto r = cli.run(with_repo_data(args));
    EXPECT_EQ(r.code, 0) << r.err;
  };
  run({"units", "import", CADENCE_SOURCE_DIR "/demo/units.csv"});
  run({"records", "import", CADENCE_SOURCE_DIR "/demo/records.csv"});
  cli.dir().write("admin.pw", "county-admin-pass-1");
  cli.dir().write("secretary.pw", "village-secretary-pass-1");
  run({"user", "add", kAdmin, "--unit", "county", "--role", "administrator", "--password-file", cli.dir().file("admin.pw")});
  run({"user", "add", kSecretary, "--unit", kVillage, "--role", "secretary", "--password-file",
       cli.dir().file("secretary.pw")});

  ServeProcess server;
  ASSERT_TRUE(server.start({"--db", db, "--rules", CADENCE_SOURCE_DIR "/rules", "--calendars", CADENCE_SOURCE_DIR "/calendars"},
                           cli.dir().file("serve.log")))
      << server.log();
  const std::string artifacts = CADENCE_BINARY_DIR "/test-artifacts/dashboard";
  // The browser keeps the real clock when the suite runs under faketime (it crawls there): what
  // must not depend on today's date is the server, which the test started with the faked one.
  const std::string cmd = "env -u LD_PRELOAD node " CADENCE_SOURCE_DIR "/tests/web/browser/dashboard_flow.mjs http://127.0.0.1:" +
                          std::to_string(server.port()) + " " + artifacts + " " + kAdmin + " county-admin-pass-1 " +
                          kSecretary + " village-secretary-pass-1 " + kVillage + " 2026-06-30 > " + cli.dir().file("flow.out") + " 2>&1";
  const int status = std::system(cmd.c_str());
  const auto output = CliRunner::slurp(cli.dir().file("flow.out"));
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << output << "\nserver log:\n" << server.log();
  EXPECT_NE(output.find("\nok\n"), std::string::npos) << output;
  EXPECT_TRUE(std::filesystem::exists(artifacts + "/overview-behind.png"));
}

}  // namespace
}  // namespace cadence::testing
