// Where an installed binary finds its rules, calendars and config file, and that a binary in a
// build folder keeps ./rules and ./calendars.
#include "cli/settings.h"

#include "cli_runner.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace cadence::cli {
namespace {

namespace fs = std::filesystem;
using testing::CliRunner;
using testing::TempDir;

TEST(InstalledLayoutTest, ABinaryInBinWithShareCadenceBesideItUsesThatFolder) {
  TempDir prefix;
  prefix.write("share/cadence/rules/README", "");
  const auto layout = installed_layout(prefix.path() / "bin" / "cadence");
  EXPECT_EQ(layout.data_dir, (prefix.path() / "share" / "cadence").string());
  EXPECT_EQ(layout.config_file, "") << "only /usr/bin/cadence reads /etc/cadence";
}

TEST(InstalledLayoutTest, ABinaryOutsideAnInstalledPrefixKeepsTheCheckoutDefaults) {
  TempDir prefix;
  prefix.write("share/cadence/rules/README", "");
  // A build folder: src/cli/cadence; and bin/ with no share/cadence beside it.
  EXPECT_EQ(installed_layout(prefix.path() / "src" / "cli" / "cadence").data_dir, "");
  TempDir bare;
  bare.write("bin/cadence", "");
  EXPECT_EQ(installed_layout(bare.path() / "bin" / "cadence").data_dir, "");
}

TEST(InstalledLayoutTest, ThePackagedBinaryReadsEtcCadence) {
  // /usr/share/cadence exists only where the package (or cmake --install to /usr) put it.
  const auto layout = installed_layout("/usr/bin/cadence");
  if (fs::is_directory("/usr/share/cadence")) {
    EXPECT_EQ(layout.data_dir, "/usr/share/cadence");
    EXPECT_EQ(layout.config_file, "/etc/cadence/cadence.toml");
  } else {
    EXPECT_EQ(layout.data_dir, "");
    EXPECT_EQ(layout.config_file, "");
  }
}

TEST(InstalledLayoutTest, TheBuiltBinaryKeepsDotRulesAndACopyInBinUsesShareCadence) {
  CliRunner cli;
  // From the build folder: ./rules of the working directory, which has none.
  const auto here = cli.run({"rules", "list"});
  EXPECT_EQ(here.code, 2) << here.err;
  EXPECT_NE(here.err.find("rules"), std::string::npos) << here.err;

  TempDir prefix;
  fs::create_directories(prefix.path() / "bin");
  fs::create_directories(prefix.path() / "share" / "cadence");
  fs::copy_file(CADENCE_BINARY_DIR "/src/cli/cadence", prefix.path() / "bin" / "cadence");
  fs::copy(CADENCE_SOURCE_DIR "/tests/cli/golden/rules", prefix.path() / "share" / "cadence" / "rules", fs::copy_options::recursive);
  fs::copy(CADENCE_SOURCE_DIR "/calendars", prefix.path() / "share" / "cadence" / "calendars", fs::copy_options::recursive);
  const auto command = "cd " + testing::shell_quote(cli.dir().path().string()) + " && " +
                       testing::shell_quote((prefix.path() / "bin" / "cadence").string()) + " rules list >" +
                       testing::shell_quote(cli.dir().file("installed.out")) + " 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << CliRunner::slurp(cli.dir().file("installed.out"));
  EXPECT_NE(CliRunner::slurp(cli.dir().file("installed.out")).find("study-group-session"), std::string::npos)
      << CliRunner::slurp(cli.dir().file("installed.out"));
}

}  // namespace
}  // namespace cadence::cli
