// `cadence --help`, `cadence help COMMAND`, `cadence COMMAND --help` and `cadence --version`.
#include "cli_runner.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>

namespace cadence {
namespace {
using testing::CliRunner;

// The command names `cadence --help` lists, one per line under "Commands:".
std::vector<std::string> listed_commands(const std::string& help) {
  std::vector<std::string> names;
  std::istringstream in(help.substr(help.find("Commands:\n") + 10));
  std::string line;
  const std::regex entry(R"(^  ([a-z][a-z-]*) +\S.*)");
  std::smatch m;
  while (std::getline(in, line) && !line.empty())
    if (std::regex_match(line, m, entry)) names.push_back(m[1]);
  return names;
}

TEST(HelpTest, HelpListsEveryCommandOnStdoutAndExitsZero) {
  CliRunner cli;
  const auto r = cli.run({"--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.err, "");
  const auto names = listed_commands(r.out);
  for (const auto* expected : {"check", "plan", "feed", "serve", "token", "units", "records", "rules"})
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected << " missing from\n" << r.out;
  EXPECT_EQ(cli.run({"help"}).out, r.out);
}

TEST(HelpTest, EveryCommandHasFullHelpBothWays) {
  CliRunner cli;
  const auto names = listed_commands(cli.run({"--help"}).out);
  ASSERT_GE(names.size(), 8u);
  for (const auto& name : names) {
    const auto help = cli.run({"help", name});
    EXPECT_EQ(help.code, 0) << name;
    EXPECT_EQ(help.out.rfind("usage: cadence " + name, 0), 0u) << name << ":\n" << help.out;
    EXPECT_NE(help.out.find("\nExamples:\n  cadence " + name), std::string::npos) << name << ":\n" << help.out;
    const auto flag = cli.run({name, "--help"});
    EXPECT_EQ(flag.code, 0) << name;
    EXPECT_EQ(flag.out, help.out) << name;
  }
}

TEST(HelpTest, TheManPageHasEveryCommand) {
  CliRunner cli;
  const auto page = CliRunner::slurp(CADENCE_SOURCE_DIR "/packaging/cadence.1");
  for (const auto& name : listed_commands(cli.run({"--help"}).out))
    EXPECT_NE(page.find("\n.BR " + name + " "), std::string::npos) << name << " has no entry under COMMANDS in packaging/cadence.1";
}

TEST(HelpTest, HelpNeedsNoDatabaseAndIgnoresABrokenConfig) {
  CliRunner cli;
  const auto bad = cli.dir().write("bad.toml", "db = [\n");
  const auto r = cli.run({"records", "import", "--help", "--config", bad});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("usage: cadence records import", 0), 0u) << r.out;
  EXPECT_FALSE(std::filesystem::exists(cli.dir().file("cadence.db")));
}

TEST(HelpTest, UnknownCommandsExitTwo) {
  CliRunner cli;
  const auto r = cli.run({"frobnicate"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("unknown command 'frobnicate'"), std::string::npos) << r.err;
  EXPECT_EQ(cli.run({"help", "frobnicate"}).code, 2);
  EXPECT_EQ(cli.run({"frobnicate", "--help"}).code, 2);
  const auto none = cli.run({});
  EXPECT_EQ(none.code, 2);
  EXPECT_NE(none.err.find("usage: cadence COMMAND"), std::string::npos) << none.err;
}

TEST(HelpTest, VersionIsTheConfiguredVersion) {
  CliRunner cli;
  const auto r = cli.run({"--version"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "cadence " CADENCE_VERSION "\n");
  EXPECT_NE(std::string(CADENCE_VERSION), "");
}

}  // namespace
}  // namespace cadence
