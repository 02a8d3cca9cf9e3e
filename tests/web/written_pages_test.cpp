// The written texts (page_fixture.h): a township's inspection summary and a branch's report
// paragraph, as pages and as .docx files that python-docx, an independent reader, reads back
// to the same paragraphs.
#include "page_fixture.h"

#include <cstdlib>

namespace cadence::testing {
namespace {

class WrittenPagesTest : public PageFixture {
 protected:
  // The paragraphs of a .docx as python-docx reads them, one per line.
  std::string read_docx(const std::string& bytes) {
    cli.dir().write("read.docx", bytes);
    const std::string cmd = "/usr/bin/python3 " CADENCE_SOURCE_DIR "/tests/web/read_docx.py " + cli.dir().file("read.docx") +
                            " > " + cli.dir().file("docx.txt") + " 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << CliRunner::slurp(cli.dir().file("docx.txt"));
    return CliRunner::slurp(cli.dir().file("docx.txt"));
  }
  // The page's paragraphs of the written text, one per line, as the .docx has them after its title.
  static std::string written(const std::string& html) {
    std::string text;
    const auto end = html.find("</div>", html.find("<div class=\"written\""));
    for (auto at = html.find("<p>", html.find("<div class=\"written\"")); at < end; at = html.find("<p>", at + 3))
      text += html.substr(at + 3, html.find("</p>", at) - at - 3) + "\n";
    return text;
  }
};

TEST_P(WrittenPagesTest, ATownshipsInspectionSummaryNamesTheBranchThatFellShort) {
  const auto page = get("/overview/town-a/summary?as_of=2026-06-05", town_admin);
  ASSERT_EQ(page.status, 200) << page.body;
  const auto text = written(page.body);
  EXPECT_EQ(text.rfind("截至2026年6月5日，甲镇党委所属2个", 0), 0u) << text;
  // May's meeting: v1 held it, v2 did not; June's is under way for both.
  EXPECT_NE(text.find("二村党支部,=X"), std::string::npos) << text;
  const auto docx = get("/overview/town-a/summary.docx?as_of=2026-06-05", town_admin);
  ASSERT_EQ(docx.status, 200);
  EXPECT_EQ(docx.header("Content-Type"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(docx.header("Content-Disposition"), "attachment; filename=\"summary-town-a-2026-06-05.docx\"");
  EXPECT_EQ(read_docx(docx.body), "甲镇党委落实制度情况通报（截至2026年6月5日）\n" + text);
}

TEST_P(WrittenPagesTest, ABranchsReportParagraphCountsWhatItHeld) {
  const auto page = get("/units/v1/report?period=2026-H1", secretary);
  ASSERT_EQ(page.status, 200) << page.body;
  const auto text = written(page.body);
  EXPECT_EQ(text.rfind("上半年，共召开支部委员会会议1次", 0), 0u) << text;
  EXPECT_NE(text.find("对照要求，"), std::string::npos) << text;
  const auto docx = get("/units/v1/report.docx?period=2026-H1", secretary);
  EXPECT_EQ(read_docx(docx.body), "一村党支部2026年上半年工作情况（制度落实部分）\n" + text);
}

TEST_P(WrittenPagesTest, TheTextsKeepToTheReadersScope) {
  EXPECT_EQ(get("/overview/town-a/summary", other_admin).status, 403);
  EXPECT_EQ(get("/overview/town-a/summary.docx", secretary).status, 403);
  EXPECT_EQ(get("/units/v1/report", other_admin).status, 403);
  EXPECT_EQ(get("/units/v1/report.docx", "").status, 303);
  EXPECT_EQ(get("/units/v1/report?period=2026-Q1", secretary).status, 400);
}

INSTANTIATE_TEST_SUITE_P(Backends, WrittenPagesTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::testing
