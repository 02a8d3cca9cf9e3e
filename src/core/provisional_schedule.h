#pragma once
// The holidays of a year whose State Council notice is not out yet, from the law alone:
// 《全国年节及纪念日放假办法》 (2024 revision, in force since 2025-01-01) fixes the statutory
// days of Article 2 and, in Article 6, that a day falling on a Saturday or Sunday is made up on
// a workday; only the 调休 swaps and bridge days are each year's notice's to announce.
#include "core/work_calendar.h"

namespace cadence {

// The first year the 2024 revision's 13 days apply; earlier years had 11 and need a notice.
inline constexpr date::year kStatutoryRulesSince{2025};

// The dates the statutory days hang on that the Gregorian calendar does not fix, for one
// Gregorian year (calendars/cn/observances.toml).
struct LunarDates {
  Day chuxi;     // 除夕, the eve of 正月初一 (春节 is 除夕 to 正月初三)
  Day qingming;  // the solar term 清明
  Day duanwu;    // 端午, 五月初五
  Day zhongqiu;  // 中秋, 八月十五
};

// 元旦 1 day, 春节 4 (除夕 to 正月初三), 清明节 1, 劳动节 2 (05-01, 05-02), 端午节 1, 中秋节 1,
// 国庆节 3 (10-01 to 10-03), in the article's order; 中秋 on one of 国庆's days makes one
// holiday "国庆节、中秋节" of four days. In date order, each statutory day on a Saturday or
// Sunday, or on a day another statutory day already has, is made up on the first Monday–Friday
// after it that is not already off (补假, in `in_lieu_days`); no make-up workdays.
// REQUIRES: year >= kStatutoryRulesSince; every date of `lunar` lies in `year`.
HolidayNotice provisional_notice(date::year year, const LunarDates& lunar);

}  // namespace cadence
