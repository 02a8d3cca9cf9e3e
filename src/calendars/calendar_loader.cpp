#include "calendars/calendar_loader.h"

#include "core/provisional_schedule.h"
#include "toml/toml_fields.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

namespace cadence {

namespace {

namespace fs = std::filesystem;

int year_of(Day d) { return static_cast<int>(date::year_month_day{d}.year()); }

// observances.toml's [[lunar]] tables: name → Gregorian year → date.
using LunarTable = std::map<std::string, std::map<int, Day>>;

void load_notice(const std::string& path, CalendarData& data) {
  auto doc = parse_toml_file(path, data.diagnostics);
  if (!doc) return;
  TomlFields top(*doc, path, "", data.diagnostics);
  top.only({"year", "notice", "urls", "holiday"});
  HolidayNotice notice;
  notice.year = static_cast<int>(top.integer("year", true).value_or(0));
  notice.title = top.string("notice", false).value_or("");
  top.strings("urls", false);
  const auto expected = "holidays-" + std::to_string(notice.year) + ".toml";
  if (notice.year && fs::path(path).filename() != expected)
    top.error("year", "year = " + std::to_string(notice.year) + " belongs in a file named " + expected);
  if (const auto* holidays = top.array("holiday"))
    for (const auto& item : *holidays) {
      const auto* t = item.as_table();
      if (!t) continue;
      TomlFields h(*t, path, "holiday: ", data.diagnostics);
      h.only({"name", "name_en", "off", "makeup"});
      Holiday holiday;
      holiday.name = h.string("name", true).value_or("");
      h.string("name_en", false);
      holiday.off_days = h.dates("off", true).value_or(std::vector<Day>{});
      holiday.makeup_days = h.dates("makeup", false).value_or(std::vector<Day>{});
      // A notice covers its own year and at most the last days of the year before.
      for (const auto& d : holiday.off_days)
        if (year_of(d) != notice.year && year_of(d) != notice.year - 1)
          h.error("off", "off day " + format_day(d) + " is outside the notice year " + std::to_string(notice.year));
      for (const auto& d : holiday.makeup_days) {
        const date::weekday wd{d};
        if (wd != date::Saturday && wd != date::Sunday)
          h.error("makeup", "make-up workday " + format_day(d) + " is not a Saturday or Sunday");
      }
      notice.holidays.push_back(std::move(holiday));
    }
  data.notices.push_back(std::move(notice));
}

void load_observances(const std::string& path, CalendarData& data, LunarTable& lunar_table) {
  auto doc = parse_toml_file(path, data.diagnostics);
  if (!doc) return;
  TomlFields top(*doc, path, "", data.diagnostics);
  top.only({"lunar", "fixed"});
  int first_year = 0, last_year = 0;
  if (const auto* lunar = top.array("lunar"))
    for (const auto& item : *lunar) {
      const auto* t = item.as_table();
      if (!t) continue;
      TomlFields l(*t, path, "lunar: ", data.diagnostics);
      l.only({"name", "dates", "note"});
      const auto name = l.string("name", true).value_or("");
      l.string("note", false);
      for (const auto& d : l.dates("dates", true).value_or(std::vector<Day>{})) {
        data.observances.push_back({name, d});
        lunar_table[name].emplace(year_of(d), d);
        first_year = first_year ? std::min(first_year, year_of(d)) : year_of(d);
        last_year = std::max(last_year, year_of(d));
      }
    }
  // Fixed-date observances repeat every year the lunar table covers.
  if (const auto* fixed = top.array("fixed"))
    for (const auto& item : *fixed) {
      const auto* t = item.as_table();
      if (!t) continue;
      TomlFields f(*t, path, "fixed: ", data.diagnostics);
      f.only({"name", "month", "day", "note"});
      const auto name = f.string("name", true).value_or("");
      f.string("note", false);
      const auto month = f.integer("month", true);
      const auto day = f.integer("day", true);
      if (!month || !day) continue;
      const date::month_day md{date::month{static_cast<unsigned>(*month)}, date::day{static_cast<unsigned>(*day)}};
      if (*month < 1 || *day < 1 || !md.ok()) {
        f.error("day", "month " + std::to_string(*month) + ", day " + std::to_string(*day) + " is not a date");
        continue;
      }
      for (int y = first_year; y && y <= last_year; ++y) {
        const auto ymd = date::year{y} / md;
        if (ymd.ok()) data.observances.push_back({name, Day{ymd}});
      }
    }
}

std::optional<LunarDates> lunar_dates(const LunarTable& table, int year) {
  const auto find = [&](const char* name) -> std::optional<Day> {
    const auto festival = table.find(name);
    if (festival == table.end()) return std::nullopt;
    const auto date = festival->second.find(year);
    if (date == festival->second.end()) return std::nullopt;
    return date->second;
  };
  const auto chuxi = find("除夕"), qingming = find("清明"), duanwu = find("端午"), zhongqiu = find("中秋");
  if (!chuxi || !qingming || !duanwu || !zhongqiu) return std::nullopt;
  return LunarDates{*chuxi, *qingming, *duanwu, *zhongqiu};
}

// Every year the lunar table covers, from the 2024 revision on, that has no notice file gets a
// provisional schedule; years beyond the table stay Monday–Friday (the CLI says which).
void add_provisional_notices(CalendarData& data, const LunarTable& lunar_table) {
  std::set<int> official;
  for (const auto& notice : data.notices) official.insert(notice.year);
  std::set<int> years;
  for (const auto& [name, dates] : lunar_table)
    for (const auto& [year, day] : dates) years.insert(year);
  for (const int year : years) {
    if (year < static_cast<int>(kStatutoryRulesSince) || official.count(year)) continue;
    if (const auto lunar = lunar_dates(lunar_table, year))
      data.notices.push_back(provisional_notice(date::year{year}, *lunar));
  }
}

}  // namespace

CalendarData load_calendar(const std::string& dir, const std::string& region) {
  CalendarData data;
  const fs::path folder = fs::path(dir) / region;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    data.diagnostics.push_back({folder.string(), 0, 0, "calendar folder not found (set it with --calendars DIR)"});
    return data;
  }
  std::vector<std::string> notices;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const auto name = entry.path().filename().string();
    if (name.starts_with("holidays-") && entry.path().extension() == ".toml") notices.push_back(entry.path().string());
  }
  std::sort(notices.begin(), notices.end());
  for (const auto& p : notices) load_notice(p, data);
  const auto observances = folder / "observances.toml";
  LunarTable lunar_table;
  if (fs::exists(observances, ec)) load_observances(observances.string(), data, lunar_table);
  if (data.ok()) add_provisional_notices(data, lunar_table);
  return data;
}

WorkCalendar load_calendar_or_throw(const std::string& dir, const std::string& region) {
  auto data = load_calendar(dir, region);
  if (!data.ok()) throw InputError(data.diagnostics);
  return WorkCalendar(std::move(data.notices), std::move(data.observances));
}

}  // namespace cadence
