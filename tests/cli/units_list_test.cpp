// `cadence units list` of a deep hierarchy: the indent stops growing, the depth is shown.
#include "cli_runner.h"

#include <gtest/gtest.h>

#include <sstream>

namespace cadence {
namespace {

using testing::CliRunner;
using testing::with_repo_data;

// The line of `units list`'s table that names `name`.
std::string line_of(const std::string& table, const std::string& name) {
  std::istringstream lines(table);
  for (std::string line; std::getline(lines, line);)
    if (line.find(" " + name + " ") != std::string::npos) return line;
  return "";
}

TEST(UnitsList, TheIndentOfADeepChainStopsAtEightLevelsAndShowsTheDepth) {
  CliRunner cli;
  std::string csv = "id,parent,name,type,secretary_email,admin_emails,timezone\nu0,,n0,committee,,,\n";
  for (int i = 1; i <= 12; ++i)
    csv += "u" + std::to_string(i) + ",u" + std::to_string(i - 1) + ",n" + std::to_string(i) + ",committee,,,\n";
  cli.dir().write("units.csv", csv);
  ASSERT_EQ(cli.run(with_repo_data({"units", "import", "units.csv"})).code, 0);
  const auto r = cli.run(with_repo_data({"units", "list"}));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(line_of(r.out, "n3").find("      n3 "), std::string::npos) << r.out;
  EXPECT_EQ(line_of(r.out, "n3").find("       n3 "), std::string::npos) << r.out;
  EXPECT_NE(line_of(r.out, "n8").find(std::string(16, ' ') + "n8 "), std::string::npos) << r.out;
  const auto deep = line_of(r.out, "n12");
  EXPECT_NE(deep.find(std::string(16, ' ') + "[12] n12 "), std::string::npos) << r.out;
  EXPECT_EQ(deep.find(std::string(17, ' ') + "[12]"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace cadence
