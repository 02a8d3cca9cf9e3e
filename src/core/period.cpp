#include "core/period.h"

#include <date/iso_week.h>

#include <array>
#include <charconv>
#include <cstdio>

namespace cadence {

namespace {

using date::year_month_day;

constexpr std::array<std::string_view, 5> kKindNames{"year", "half", "quarter", "month", "week"};

// Months in the period kind, for the month-based kinds.
unsigned months_in(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::year: return 12;
    case PeriodKind::half: return 6;
    case PeriodKind::quarter: return 3;
    default: return 1;
  }
}

Period month_based(PeriodKind kind, date::year y, unsigned first_month) {
  const auto first = date::year_month{y, date::month{first_month}};
  const auto last = first + date::months{months_in(kind) - 1};
  return Period{kind, Day{first / 1}, Day{date::year_month_day_last{last / date::last}}};
}

Period iso_week(Day day) {
  const iso_week::year_weeknum_weekday wd{day};
  const Day monday{iso_week::year_weeknum_weekday{wd.year(), wd.weeknum(), iso_week::mon}};
  return Period{PeriodKind::week, monday, monday + date::days{6}};
}

std::optional<int> number(std::string_view text) {
  int value = 0;
  if (text.empty()) return std::nullopt;
  for (char c : text)
    if (c < '0' || c > '9') return std::nullopt;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<PeriodKind> parse_period_kind(std::string_view text) {
  for (std::size_t i = 0; i < kKindNames.size(); ++i)
    if (kKindNames[i] == text) return static_cast<PeriodKind>(i);
  return std::nullopt;
}

std::string_view to_string(PeriodKind kind) { return kKindNames[static_cast<std::size_t>(kind)]; }

std::string Period::id() const {
  const year_month_day ymd{start};
  const int y = static_cast<int>(ymd.year());
  const unsigned m = static_cast<unsigned>(ymd.month());
  char buffer[32];
  switch (kind) {
    case PeriodKind::year: std::snprintf(buffer, sizeof buffer, "%04d", y); break;
    case PeriodKind::half: std::snprintf(buffer, sizeof buffer, "%04d-H%u", y, (m - 1) / 6 + 1); break;
    case PeriodKind::quarter: std::snprintf(buffer, sizeof buffer, "%04d-Q%u", y, (m - 1) / 3 + 1); break;
    case PeriodKind::month: std::snprintf(buffer, sizeof buffer, "%04d-%02u", y, m); break;
    case PeriodKind::week: {
      const iso_week::year_weeknum_weekday wd{start};
      std::snprintf(buffer, sizeof buffer, "%04d-W%02u", static_cast<int>(wd.year()),
                    static_cast<unsigned>(wd.weeknum()));
      break;
    }
  }
  return buffer;
}

Period period_containing(PeriodKind kind, Day day) {
  if (kind == PeriodKind::week) return iso_week(day);
  const year_month_day ymd{day};
  const unsigned span = months_in(kind);
  const unsigned first = (static_cast<unsigned>(ymd.month()) - 1) / span * span + 1;
  return month_based(kind, ymd.year(), first);
}

Period next_period(const Period& period) { return period_containing(period.kind, period.end + date::days{1}); }

Period previous_period(const Period& period) {
  return period_containing(period.kind, period.start - date::days{1});
}

std::optional<Period> parse_period(std::string_view id) {
  if (id.size() < 4) return std::nullopt;
  const auto y = number(id.substr(0, 4));
  if (!y || *y < 1) return std::nullopt;
  const date::year year{*y};
  if (id.size() == 4) return month_based(PeriodKind::year, year, 1);
  if (id.size() < 6 || id[4] != '-') return std::nullopt;
  const char tag = id[5];
  const std::string_view rest = id.substr(6);
  if (tag == 'H' && rest.size() == 1) {
    const auto h = number(rest);
    if (!h || *h < 1 || *h > 2) return std::nullopt;
    return month_based(PeriodKind::half, year, static_cast<unsigned>(*h - 1) * 6 + 1);
  }
  if (tag == 'Q' && rest.size() == 1) {
    const auto q = number(rest);
    if (!q || *q < 1 || *q > 4) return std::nullopt;
    return month_based(PeriodKind::quarter, year, static_cast<unsigned>(*q - 1) * 3 + 1);
  }
  if (tag == 'W' && rest.size() == 2) {
    const auto w = number(rest);
    if (!w || *w < 1) return std::nullopt;
    const iso_week::year_weeknum_weekday monday{iso_week::year{*y}, iso_week::weeknum(static_cast<unsigned>(*w)),
                                                iso_week::mon};
    if (!monday.ok()) return std::nullopt;
    return iso_week(Day{monday});
  }
  if (id.size() == 7) {
    const auto m = number(id.substr(5, 2));
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    return month_based(PeriodKind::month, year, static_cast<unsigned>(*m));
  }
  return std::nullopt;
}

std::vector<Period> periods_starting_in(PeriodKind kind, date::year year) {
  std::vector<Period> periods;
  const Day first{year / date::January / 1};
  const Day last{year / date::December / 31};
  Period p = period_containing(kind, first);
  if (p.start < first) p = next_period(p);
  for (; p.start <= last; p = next_period(p)) periods.push_back(p);
  return periods;
}

}  // namespace cadence
