#include "report/display_text.h"

#include <array>

namespace cadence::report {

namespace {

constexpr std::array<std::string_view, 7> kWeekdaysZh{"周日", "周一", "周二", "周三", "周四", "周五", "周六"};
constexpr std::array<std::string_view, 7> kWeekdaysEn{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> kMonthsEn{"January", "February", "March",     "April",   "May",      "June",
                                                     "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 4> kQuartersZh{"第一季度", "第二季度", "第三季度", "第四季度"};

// Indexed by Status, in its declaration order.
constexpr std::array<std::string_view, kStatusCount> kStatusZh{"达标",   "补开达标", "进度正常", "落后",   "未完成",
                                                               "未开始", "按时报送", "逾期报送", "已逾期", "待报送"};
constexpr std::array<std::string_view, kStatusCount> kStatusEn{"met",      "made up", "on track", "behind", "missed",
                                                               "upcoming", "done",    "late",     "overdue", "pending"};

struct Civil {
  int year;
  unsigned month, day;
};

Civil civil(Day day) {
  const date::year_month_day ymd{day};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
}

unsigned iso_week(const Period& week) {
  // The ISO week's Thursday lies in its year; week 1 holds that year's 4 January.
  const auto thursday = week.start + date::days{3};
  const auto year = date::year_month_day{thursday}.year();
  const auto jan4 = Day{year / date::January / 4};
  const auto monday1 = jan4 - (date::weekday{jan4} - date::Monday);
  return static_cast<unsigned>((week.start - monday1).count() / 7 + 1);
}

int iso_year(const Period& week) { return civil(week.start + date::days{3}).year; }

}  // namespace

std::optional<Language> parse_language(std::string_view code) {
  if (code == "zh" || code == "zh-CN") return Language::kChinese;
  if (code == "en") return Language::kEnglish;
  return std::nullopt;
}

std::string_view language_code(Language language) { return language == Language::kChinese ? "zh-CN" : "en"; }

std::string display_date(Day day, Language language) {
  const auto [y, m, d] = civil(day);
  const auto weekday = date::weekday{day}.c_encoding();
  if (language == Language::kChinese)
    return std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日 " +
           std::string(kWeekdaysZh[weekday]);
  return std::string(kWeekdaysEn[weekday]) + " " + std::to_string(d) + " " + std::string(kMonthsEn[m - 1]) + " " +
         std::to_string(y);
}

std::string display_period(const Period& period, Language language) {
  const auto [y, m, d] = civil(period.start);
  const auto year = std::to_string(y);
  const bool zh = language == Language::kChinese;
  switch (period.kind) {
    case PeriodKind::year: return zh ? year + "年" : year;
    case PeriodKind::half: return zh ? year + (m <= 6 ? "年上半年" : "年下半年") : (m <= 6 ? "H1 " : "H2 ") + year;
    case PeriodKind::quarter:
      return zh ? year + "年" + std::string(kQuartersZh[(m - 1) / 3]) : "Q" + std::to_string((m - 1) / 3 + 1) + " " + year;
    case PeriodKind::month:
      return zh ? year + "年" + std::to_string(m) + "月" : std::string(kMonthsEn[m - 1]) + " " + year;
    case PeriodKind::week: {
      const auto week = std::to_string(iso_week(period));
      const auto wyear = std::to_string(iso_year(period));
      return zh ? wyear + "年第" + week + "周" : "week " + week + " of " + wyear;
    }
  }
  return period.id();
}

std::string_view display_status(Status status, Language language) {
  const auto i = static_cast<std::size_t>(status);
  return language == Language::kChinese ? kStatusZh[i] : kStatusEn[i];
}

std::string display_rule_title(const Rule& rule, Language language) {
  if (language == Language::kEnglish && !rule.title_en.empty()) return rule.title_en;
  return rule.display_title();
}

std::string display_unit_type(std::string_view type, Language language) {
  struct Name {
    std::string_view type, zh, en;
  };
  static constexpr std::array<Name, 5> kNames{{{"committee", "党委", "committee"},
                                               {"working-committee", "工委", "working committee"},
                                               {"party-group", "党组", "Party group"},
                                               {"general-branch", "党总支", "general branch"},
                                               {"branch", "党支部", "branch"}}};
  for (const auto& n : kNames)
    if (n.type == type) return std::string(language == Language::kChinese ? n.zh : n.en);
  return std::string(type);
}

}  // namespace cadence::report
