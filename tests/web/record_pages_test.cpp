// Recording through the pages (page_fixture.h): a secretary adds, corrects and deletes a record
// with the forms, a refusal comes back beside its field with what was sent, the unit page shows
// the new standing at once, and only an administrator above returns (退回) a record.
#include "page_fixture.h"

#include <algorithm>

namespace cadence::testing {
namespace {

class RecordPagesTest : public PageFixture {
 protected:
  // The id of the first record row of a unit page.
  static std::string first_record(const std::string& html) {
    const auto at = html.find("<tr data-record=\"");
    if (at == std::string::npos) return "";
    return html.substr(at + 17, html.find('"', at + 17) - at - 17);
  }
  // The value of the first hidden `version` input of a page, as a form posts it: an ETag's
  // quotes, escaped in the HTML, percent-encoded.
  static std::string version_in(const std::string& html) {
    const auto at = html.find("name=\"version\" value=\"");
    if (at == std::string::npos) return "";
    auto value = html.substr(at + 22, html.find('"', at + 22) - at - 22);
    for (auto q = value.find("&quot;"); q != std::string::npos; q = value.find("&quot;")) value.replace(q, 6, "%22");
    return value;
  }
  static std::string status_of(const std::string& html, const std::string& rule) {
    const auto at = html.find("data-rule=\"" + rule + "\" data-status=\"");
    if (at == std::string::npos) return "";
    const auto from = at + 11 + rule.size() + 15;
    return html.substr(from, html.find('"', from) - from);
  }
};

constexpr const char* kJune = "/units/v2?as_of=2026-06-30";

TEST_P(RecordPagesTest, ASecretaryRecordsAndSeesTheNewStandingAtOnce) {
  const auto secretary_v2 = user("v2@example.org", "v2", "secretary");
  EXPECT_EQ(status_of(get(kJune, secretary_v2).body, "branch-committee-meeting"), "behind");
  const auto saved = post_form("/units/v2/records", secretary_v2,
                               "rule=branch-committee-meeting&date=2026-06-18&expected=9&present=8&note=%E4%BC%9A&as_of=2026-06-30");
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.header("Location"), "/units/v2?as_of=2026-06-30&done=saved#records");
  const auto location = saved.header("Location");
  const auto page = get(location.substr(0, location.find('#')), secretary_v2);
  EXPECT_EQ(status_of(page.body, "branch-committee-meeting"), "met");
  EXPECT_NE(page.body.find("记录已保存。"), std::string::npos);
  EXPECT_NE(page.body.find("<td>8/9</td><td>会</td><td></td><td>已提交</td><td>v2@example.org</td>"), std::string::npos);
}

TEST_P(RecordPagesTest, ARefusedFormComesBackWithTheProblemBesideItsField) {
  const auto reply = post_form("/units/v1/records", secretary,
                               "rule=branch-committee-meeting&date=2026-06-18&expected=5&present=8&note=kept+text");
  EXPECT_EQ(reply.status, 422);
  EXPECT_NE(reply.body.find("aria-invalid=\"true\" aria-describedby=\"error-attendance.present\""), std::string::npos);
  EXPECT_NE(reply.body.find("id=\"error-attendance.present\">attendance.present: 实到 8 is more than 应到 5"), std::string::npos);
  EXPECT_NE(reply.body.find(">kept text</textarea>"), std::string::npos);
  const auto unknown = post_form("/units/v1/records", secretary, "rule=no-such-rule&date=2026-06-18");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_NE(unknown.body.find("id=\"error-rule\""), std::string::npos);
  // The same record twice: 409, beside the date.
  const auto twice = post_form("/units/v1/records", secretary, "rule=branch-committee-meeting&date=2026-05-12");
  EXPECT_EQ(twice.status, 409);
  EXPECT_NE(twice.body.find("id=\"error-date\""), std::string::npos);
}

TEST_P(RecordPagesTest, ACorrectionMadeFromAStaleFormIsRefused) {
  const auto page = get("/units/v1?as_of=2026-06-05", secretary);
  const auto id = first_record(page.body);
  ASSERT_FALSE(id.empty());
  const auto edit = get("/records/" + id + "/edit", secretary);
  ASSERT_EQ(edit.status, 200);
  const auto version = version_in(edit.body);
  const auto form = "rule=branch-committee-meeting&date=2026-05-13&version=" + version;
  EXPECT_EQ(post_form("/records/" + id, secretary, form).status, 303);
  // The version the first correction was made from is gone now.
  const auto stale = post_form("/records/" + id, secretary, "rule=branch-committee-meeting&date=2026-05-14&version=" + version);
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("这条记录在你打开后已被修改"), std::string::npos);
  const auto now = version_in(get("/records/" + id + "/edit", secretary).body);
  EXPECT_EQ(post_form("/records/" + id + "/delete", secretary, "version=" + now).status, 303);
  EXPECT_EQ(first_record(get("/units/v1?as_of=2026-06-05", secretary).body), "");
}

TEST_P(RecordPagesTest, OnlyAnAdministratorAboveReturnsARecordAndTheSecretarySeesWhy) {
  const auto id = first_record(get("/units/v1?as_of=2026-06-05", secretary).body);
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(post_form("/records/" + id + "/return", secretary, "reason=x").status, 403);
  EXPECT_EQ(post_form("/records/" + id + "/return", other_admin, "reason=x").status, 403);
  EXPECT_EQ(post_form("/records/" + id + "/return", town_admin, "reason=").status, 422);
  const auto returned = post_form("/records/" + id + "/return", town_admin, "reason=%E7%BC%BA%E7%BA%AA%E8%A6%81&as_of=2026-06-05");
  ASSERT_EQ(returned.status, 303) << returned.body;
  EXPECT_EQ(post_form("/records/" + id + "/return", town_admin, "reason=again").status, 409);
  const auto page = get("/units/v1?as_of=2026-06-05", secretary);
  EXPECT_NE(page.body.find("<strong>已退回</strong>：缺纪要"), std::string::npos);
  // A returned record counts nowhere: May is missed again.
  EXPECT_EQ(get(std::string("/overview/town-a?") + kMay, town_admin).body.find("data-status=\"met\""), std::string::npos);
}

// The emails a reminder pass decided about the unit — and only about it — are listed on its
// page with their state: here the pass found no secretary address (none is in the CSV).
TEST_P(RecordPagesTest, TheUnitPageListsTheRemindersAboutTheUnit) {
  EXPECT_NE(get("/units/v1?as_of=2026-06-05", secretary).body.find("尚无关于本单位的提醒邮件。"), std::string::npos);
  const auto pass = run({"remind", "--now", "2026-06-05T09:30", "--smtp", "smtp://127.0.0.1:1", "--smtp-from", "c@example.org"});
  ASSERT_EQ(pass.code, 0) << pass.err;
  const auto page = get("/units/v1?as_of=2026-06-05", secretary).body;
  const auto section = page.substr(page.find("<h2 id=\"emails\">"));
  int rows = 0;
  for (auto at = section.find("<tr data-email="); at != std::string::npos; at = section.find("<tr data-email=", at + 1)) {
    ++rows;
    const auto row = section.substr(at, section.find("</tr>", at) - at);
    EXPECT_NE(row.find("一村党支部"), std::string::npos) << row;  // the subject names the unit it is about
    EXPECT_NE(row.find("无收件地址"), std::string::npos) << row;
  }
  EXPECT_GT(rows, 0) << section;
  EXPECT_LE(rows, 20);
  EXPECT_EQ(section.find("二村党支部"), std::string::npos);
  EXPECT_NE(get("/units/v1?as_of=2026-06-05&lang=en", secretary).body.find("No address"), std::string::npos);
}

// With reminders on, the page lists what the passes will send in the next 14 days as the
// records stand; once a pass has decided a day's keys, they move to the decided list.
TEST_P(RecordPagesTest, TheUnitPageAnnouncesTheRemindersToComeUntilAPassDecidesThem) {
  EXPECT_NE(get("/units/v1?as_of=2026-06-05", secretary).body.find("提醒邮件未启用"), std::string::npos);
  server.stop(std::chrono::seconds(20));
  // The server's own passes act from 08:00, before the send time, so that they decide nothing here.
  cli.dir().write("mail.toml", "[mail]\nsmtp = \"smtp://127.0.0.1:1\"\nfrom = \"c@example.org\"\n");
  ASSERT_TRUE(server.start({"--db", database.uri(), "--rules", CADENCE_SOURCE_DIR "/rules", "--calendars",
                            CADENCE_SOURCE_DIR "/calendars", "--config", cli.dir().file("mail.toml"), "--remind-from",
                            "2026-06-05T08:00"},
                           cli.dir().file("serve2.log")))
      << server.log();
  const auto keys_in = [](const std::string& page, const std::string& table) {
    std::vector<std::string> keys;
    const auto begin = page.find(table), end = page.find("</table>", begin);
    for (auto at = page.find("data-key=\"", begin); at < end; at = page.find("data-key=\"", at + 1))
      keys.push_back(page.substr(at + 10, page.find('"', at + 10) - at - 10));
    return keys;
  };
  const auto before = keys_in(get("/units/v1?as_of=2026-06-05", secretary).body, "<table class=\"emails ahead\">");
  ASSERT_FALSE(before.empty());
  for (const auto& key : before) EXPECT_NE(key.find(":v1:"), std::string::npos) << key;
  const auto pass = run({"remind", "--now", "2026-06-05T09:30", "--smtp", "smtp://127.0.0.1:1", "--smtp-from", "c@example.org"});
  ASSERT_EQ(pass.code, 0) << pass.err;
  const auto page = get("/units/v1?as_of=2026-06-05", secretary).body;
  const auto after = keys_in(page, "<table class=\"emails ahead\">");
  EXPECT_LT(after.size(), before.size()) << "the day's keys are decided now";
  for (const auto& key : after) EXPECT_NE(std::find(before.begin(), before.end(), key), before.end()) << key;
  const auto decided = page.substr(page.find("<table class=\"emails\">"));
  for (const auto& key : before)
    if (std::find(after.begin(), after.end(), key) == after.end()) {
      EXPECT_NE(run({"outbox", "list"}).out.find(key), std::string::npos) << key << " is in the outbox";
    }
  EXPECT_NE(decided.find("<tr data-email="), std::string::npos);
}

TEST_P(RecordPagesTest, EveryRecordPageOutsideTheScopeIs403) {
  const auto id = first_record(get("/units/v1?as_of=2026-06-05", secretary).body);
  EXPECT_EQ(get("/units/v1", other_admin).status, 403);
  EXPECT_EQ(get("/records/" + id + "/edit", other_admin).status, 403);
  EXPECT_EQ(get("/records/999999/edit", county_admin).status, 403);
  EXPECT_EQ(post_form("/units/v1/records", other_admin, "rule=branch-committee-meeting&date=2026-06-18").status, 403);
  EXPECT_EQ(post_form("/records/" + id + "/delete", other_admin, "version=x").status, 403);
  EXPECT_EQ(get("/units/v1", "").status, 303);
  // A viewer reads but has no form.
  const auto viewer = user("viewer@example.org", "town-a", "viewer");
  const auto page = get("/units/v1", viewer);
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("<form class=\"record\""), std::string::npos);
  EXPECT_EQ(post_form("/units/v1/records", viewer, "rule=branch-committee-meeting&date=2026-06-18").status, 403);
}

TEST_P(RecordPagesTest, TheUnitsYearIsDrawnPlannedAndHeldWithATableBeside) {
  const auto page = get("/units/v1?as_of=2026-06-05", secretary);
  const auto svg = page.body.substr(page.body.find("<svg class=\"timeline\""));
  ASSERT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_NE(svg.find("<circle class=\"held\""), std::string::npos);
  EXPECT_NE(svg.find("<title>2026年5月12日 周二</title>"), std::string::npos);
  EXPECT_NE(svg.find("<circle class=\"planned\""), std::string::npos);
  EXPECT_NE(page.body.find("<table class=\"timeline\">"), std::string::npos);
}

// The edit page's upload form posts multipart as a browser does; the API's checks apply.
TEST_P(RecordPagesTest, EvidenceUploadedOnThePageIsListedWithItsRecord) {
  const auto id = first_record(get("/units/v1?as_of=2026-06-05", secretary).body);
  EXPECT_NE(get("/records/" + id + "/edit", secretary).body.find("enctype=\"multipart/form-data\""), std::string::npos);
  const auto upload = [&](const std::string& token, const std::string& bytes) {
    const std::string body = "--b\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n纪要\r\n"
                             "--b\r\nContent-Disposition: form-data; name=\"as_of\"\r\n\r\n2026-06-05\r\n"
                             "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"minutes.png\"\r\n"
                             "Content-Type: image/png\r\n\r\n" + bytes + "\r\n--b--\r\n";
    return api_request(server.port(), "POST", "/records/" + id + "/evidence", token, body,
                       {{"Content-Type", "multipart/form-data; boundary=b"}});
  };
  EXPECT_EQ(upload(secretary, "not an image").status, 415);
  EXPECT_EQ(upload(other_admin, std::string("\x89PNG\r\n\x1A\n", 8) + "rest").status, 403);
  const auto saved = upload(secretary, std::string("\x89PNG\r\n\x1A\n", 8) + "rest");
  ASSERT_EQ(saved.status, 303) << saved.body;
  const auto page = get("/units/v1?as_of=2026-06-05&done=evidence", secretary).body;
  EXPECT_NE(page.find("佐证材料已上传。"), std::string::npos);
  const auto link = page.find("<a href=\"/api/v1/records/" + id + "/evidence/");
  ASSERT_NE(link, std::string::npos);
  const auto href = page.substr(link + 9, page.find('"', link + 9) - link - 9);
  EXPECT_EQ(get(href, secretary).body, std::string("\x89PNG\r\n\x1A\n", 8) + "rest");
}

INSTANTIATE_TEST_SUITE_P(Backends, RecordPagesTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::testing
