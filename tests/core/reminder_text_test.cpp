#include "core/reminder_text.h"

#include "rule_fixtures.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {

using testing::d;

struct Texts {
  std::vector<Rule> rules{testing::study_group(), testing::half_year_report()};
  UnitTree tree{[] {
    auto u = testing::unit("yangliu", "committee");
    u.name = "杨柳镇党委";
    return std::vector<Unit>{u};
  }()};

  Texts() { rules[0].plan.time = std::chrono::hours{14} + std::chrono::minutes{30}; rules[0].title_en = "Theory study group session"; }

  Reminder upcoming() const {
    Reminder r;
    r.key = "upcoming:yangliu:study-group-session:2026:5:P7D";
    r.kind = ReminderKind::upcoming;
    r.rule = 0;
    r.period = period_containing(PeriodKind::year, d(2026, 5, 14));
    r.slot = 5;
    r.of = 12;
    r.lead = "P7D";
    r.event_day = d(2026, 5, 14);
    r.send_day = d(2026, 5, 7);
    return r;
  }
  ReminderText text(const Reminder& r, Language language, Day today, std::string url = "") const {
    return reminder_text(r, TextContext{rules, tree, language, today, std::move(url)});
  }
};

TEST(ReminderTextTest, AbsoluteDatesWithTheWeekday) {
  EXPECT_EQ(absolute_date(d(2026, 5, 14), std::chrono::hours{14} + std::chrono::minutes{30}, Language::zh),
            "5月14日（周四）14:30");
  EXPECT_EQ(absolute_date(d(2026, 10, 10), std::nullopt, Language::zh), "10月10日（周六）");
  EXPECT_EQ(absolute_date(d(2026, 5, 14), std::chrono::hours{9}, Language::en), "Thu 14 May 09:00");
}

TEST(ReminderTextTest, TheSubjectSaysWhatAndWhen) {
  const Texts t;
  const auto zh = t.text(t.upcoming(), Language::zh, d(2026, 5, 7), "https://cadence.example");
  EXPECT_EQ(zh.subject, "【提醒】杨柳镇党委：理论学习中心组集体学习（第5次/共12次）建议于5月14日（周四）14:30举行");
  EXPECT_NE(zh.text.find("https://cadence.example/units/yangliu"), std::string::npos);
  EXPECT_EQ(zh.text.find("原定于"), std::string::npos);
  EXPECT_NE(zh.html.find("<p>杨柳镇党委：理论学习中心组集体学习"), std::string::npos);
  const auto en = t.text(t.upcoming(), Language::en, d(2026, 5, 7));
  EXPECT_EQ(en.subject, "[Reminder] 杨柳镇党委: Theory study group session (5 of 12) suggested for Thu 14 May 14:30");
}

TEST(ReminderTextTest, ALateReminderSaysWhenItWasDue) {
  const Texts t;
  const auto late = t.text(t.upcoming(), Language::zh, d(2026, 5, 11));
  EXPECT_NE(late.text.find("本提醒原定于5月7日（周四）发送"), std::string::npos);
}

TEST(ReminderTextTest, DigestsListTheirItems) {
  const Texts t;
  Reminder r;
  r.kind = ReminderKind::digest_month;
  r.period = period_containing(PeriodKind::month, d(2026, 6, 1));
  r.send_day = d(2026, 6, 1);
  r.items.push_back({OpenItem::What::behind, 0, 0, period_containing(PeriodKind::year, d(2026, 6, 1)), d(2026, 6, 1), 0, 0, 2, 5, 12});
  r.items.push_back({OpenItem::What::deadline, 0, 1, period_containing(PeriodKind::half, d(2026, 6, 1)), d(2026, 7, 7)});
  const auto text = t.text(r, Language::zh, d(2026, 6, 1));
  EXPECT_EQ(text.subject, "【月度提醒】杨柳镇党委：2026年6月待办与落后事项2项");
  EXPECT_NE(text.text.find("· 杨柳镇党委：理论学习中心组集体学习（2026年）落后：已开展2次，按进度应达5次"), std::string::npos);
  EXPECT_NE(text.text.find("· 杨柳镇党委：意识形态工作半年自查报告（2026年上半年）应于7月7日（周二）前报送"), std::string::npos);
  EXPECT_NE(text.html.find("<li>"), std::string::npos);
}

}  // namespace
}  // namespace cadence
