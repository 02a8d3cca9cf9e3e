#include "core/feed.h"

#include "core/compliance.h"
#include "core/due_date.h"
#include "core/planner.h"

#include <algorithm>

namespace cadence {

namespace {

std::string number(long long n) { return std::to_string(n); }

std::string tag_labels(const Rule& rule, const std::vector<std::string>& tags, const char* separator) {
  std::string text;
  for (const auto& t : tags) {
    const Quota* q = rule.quota(t);
    text += (text.empty() ? "" : separator) + (q && !q->label.empty() ? q->label : t);
  }
  return text;
}

std::vector<std::string> tags_of(const Rule& rule, std::uint32_t bits) {
  std::vector<std::string> tags;
  for (std::size_t i = 0; i < rule.quotas.size(); ++i)
    if (bits & (1u << i)) tags.push_back(rule.quotas[i].tag);
  return tags;
}

// "进度：已记录 4/12 次；扩大学习 2/4" — counts only, so the text changes when records do,
// not every day.
std::string progress_line(const Rule& rule, const std::vector<Entry>& counted, int target,
                          const std::vector<int>& quota_mins) {
  std::string line = "进度 Progress：已记录 " + number(static_cast<long long>(counted.size())) + "/" + number(target) + " 次";
  for (std::size_t i = 0; i < rule.quotas.size(); ++i) {
    const auto done = std::count_if(counted.begin(), counted.end(), [&](const Entry& e) { return (e.tags >> i) & 1u; });
    line += "；" + (rule.quotas[i].label.empty() ? rule.quotas[i].tag : rule.quotas[i].label) + " " + number(done) + "/" +
            number(i < quota_mins.size() ? quota_mins[i] : rule.quotas[i].min);
  }
  return line;
}

std::string rule_lines(const Rule& rule) {
  std::string text = rule.title;
  if (!rule.title_en.empty()) text += " — " + rule.title_en;
  text += "\n";
  return text;
}

// The citation a reader can follow; `source` is the rule author's note and may name a seed file.
std::string source_line(const Rule& rule) {
  const auto& citation = rule.cite.empty() ? rule.source : rule.cite;
  return citation.empty() ? "" : "\n依据 Source：" + citation;
}

std::string uid(const std::string& unit, const std::string& rule, const std::string& period, const std::string& what) {
  return rule + "." + period + "." + what + "." + unit + "@cadence";
}

FeedItem session_item(const Unit& unit, const Rule& rule, const Slot& slot, const std::vector<Entry>& counted,
                      const std::string& progress) {
  FeedItem item;
  item.kind = FeedItemKind::session;
  item.uid = uid(unit.id, rule.id, slot.period.id(), number(slot.index));
  item.unit = unit.id;
  item.zone = unit.timezone;
  item.rule = rule.id;
  item.period = slot.period.id();
  item.done = slot_done(slot, static_cast<int>(counted.size()));
  item.date = item.done ? counted[static_cast<std::size_t>(slot.index - 1)].date : slot.date;
  item.last_date = item.date;
  item.tags = item.done ? tags_of(rule, counted[static_cast<std::size_t>(slot.index - 1)].tags) : slot.tags;
  item.time = rule.plan.time;
  if (item.time)
    item.duration = rule.plan.duration
                        ? std::chrono::duration_cast<std::chrono::minutes>(rule.plan.duration->time) +
                              std::chrono::minutes{24 * 60 * rule.plan.duration->days}
                        : std::chrono::minutes{60};
  if (item.time && item.duration <= std::chrono::minutes{0}) item.duration = std::chrono::minutes{60};
  const std::string ordinal = "第" + number(slot.index) + "次/共" + number(slot.of) + "次";
  const std::string labels = tag_labels(rule, item.tags, "、");
  item.summary = rule.display_title() + "（" + ordinal + (labels.empty() ? "" : "，" + labels) + "）";
  item.description = rule_lines(rule) + "周期 Period：" + period_label(slot.period) + "，" + ordinal + "\n";
  if (item.done) {
    item.description += "已召开 Held：" + format_day(item.date) + (labels.empty() ? "" : "（" + labels + "）") + "\n";
  } else {
    item.description += "建议日期 Suggested：" + format_day(slot.date) + "，尚未记录 not yet recorded\n";
    if (!labels.empty()) item.description += "建议开展为 Should be：" + labels + "\n";
    item.alarms = rule.remind.before;
  }
  item.description += progress;
  if (progress.empty() && item.description.ends_with('\n')) item.description.pop_back();
  item.description += source_line(rule);
  item.category = rule.title;
  return item;
}

// Clients disagree on escapes in X-WR-CALNAME (ical.js keeps "\\,", python-icalendar does
// not): a name needs none once ASCII , ; \\ become their full-width forms.
std::string calendar_name(std::string name) {
  std::string out;
  for (char c : name) {
    if (c == ',') out += "，";
    else if (c == ';') out += "；";
    else if (c == '\\') out += "＼";
    else out += c;
  }
  return out;
}

// One run of off days, [from, to]. A provisional day reads 预计 everywhere a client shows it, and
// keeps the UID the notice's day will have, so that the notice updates it in place.
FeedItem holiday_item(const HolidayNotice& notice, const Holiday& holiday, Day from, Day to) {
  FeedItem item;
  item.kind = FeedItemKind::holiday;
  item.uid = "holiday." + format_day(from) + "@cadence";
  item.date = from;
  item.last_date = to;
  const std::string state = notice.provisional ? "预计" : "放假";
  item.summary = holiday.name + "（" + state + "）";
  item.description = notice.title + "\n" + holiday.name + (notice.provisional ? "放假（预计）：" : "放假：") +
                     format_day(from) + " 至 " + format_day(to) + "，共 " + number((to - from).count() + 1) + " 天";
  std::string in_lieu;
  for (const Day d : holiday.in_lieu_days)
    if (d >= from && d <= to) in_lieu += (in_lieu.empty() ? "" : "、") + format_day(d);
  if (!in_lieu.empty()) item.description += "，其中 " + in_lieu + " 为补假（法定假日适逢周末）";
  item.category = "节假日";
  return item;
}

// `named`: the unit to name, for a descendant's deadline in a subtree feed.
void describe_deadline(FeedItem& item, const Rule& rule, const Period& period, const Unit* named) {
  const std::string who = named ? named->name + "·" : "";
  item.summary = (item.done ? "已报送：" : "截止：") + who + rule.display_title() + "（" + period_label(period) + "）";
  item.description = rule_lines(rule) + (named ? "单位 Unit：" + named->name + "（" + named->id + "）\n" : "") +
                     "周期 Period：" + period_label(period) + "\n截止 Due：" + format_day(item.date) + "\n";
  if (item.done_on)
    item.description += "已报送 Submitted：" + format_day(*item.done_on) + (*item.done_on > item.date ? "（逾期 late）" : "") + "\n";
  item.description += "状态 Status：" + std::string(item.done ? "已完成" : "未报送 not yet submitted") + source_line(rule);
}

struct Builder {
  const std::vector<Rule>& rules;
  const UnitTree& tree;
  const EntriesOf& records;
  const FeedRequest& request;
  const WorkCalendar& calendar;
  std::vector<FeedItem> items;

  void sessions(std::size_t u, std::size_t r) {
    const Rule& rule = rules[r];
    const Unit& unit = tree.at(u);
    const Period current = period_containing(rule.period, request.today);
    for (const Period& period : {current, next_period(current)}) {
      const auto slots = plan_unit_period(rule, r, unit, period, calendar);
      if (slots.empty()) continue;
      const Period window = *active_part(unit, period);
      std::vector<Entry> counted;
      for (const auto& e : records(u, r))
        if (counted_in(e, window, period, request.today) != Counted::no) counted.push_back(e);
      std::stable_sort(counted.begin(), counted.end(), [](const Entry& a, const Entry& b) { return a.date < b.date; });
      std::vector<int> mins;
      for (const auto& q : rule.quotas) mins.push_back(scaled_target(q.min, window, period, calendar));
      const std::string progress = progress_line(rule, counted, slots.front().of, mins);
      for (const auto& slot : slots) items.push_back(session_item(unit, rule, slot, counted, progress));
    }
  }

  void deadlines(std::size_t u, std::size_t r, bool of_descendant) {
    const Rule& rule = rules[r];
    const Unit& unit = tree.at(u);
    if (rule.kind != RuleKind::deadline || !rule.applies_to_type(unit.type) || !rule.due) return;
    const Period current = period_containing(rule.period, request.today);
    for (const Period& period : {previous_period(current), current, next_period(current)}) {
      if (!rule.effective_in(period)) continue;
      const auto due = due_date(*rule.due, period, calendar);
      if (!due || *due < current.start || !unit.active_on(*due)) continue;
      std::optional<Day> submitted;
      for (const auto& e : records(u, r))
        if (e.names_period == period.start && e.date <= request.today && (!submitted || e.date < *submitted))
          submitted = e.date;

      FeedItem item;
      item.kind = FeedItemKind::deadline;
      item.uid = uid(unit.id, rule.id, period.id(), "due");
      item.unit = unit.id;
      item.zone = unit.timezone;
      item.rule = rule.id;
      item.period = period.id();
      item.date = *due;
      item.last_date = *due;
      item.done = submitted.has_value();
      item.done_on = submitted;
      if (!submitted) item.alarms = rule.remind.before;
      item.category = rule.title;
      describe_deadline(item, rule, period, nullptr);
      // The own feed's reading and the unit's name decide the subtree feed's reading too.
      item.common_fingerprint = fingerprint(item) + unit.name;
      if (of_descendant) describe_deadline(item, rule, period, &unit);
      items.push_back(std::move(item));
    }
  }

  // Off days grouped into one all-day event per holiday and run of days; make-up workdays one each.
  void calendar_layer(Day first, Day last) {
    for (const auto& notice : calendar.notices())
      for (const auto& holiday : notice.holidays) {
        std::vector<Day> off = holiday.off_days;
        std::sort(off.begin(), off.end());
        for (std::size_t i = 0; i < off.size();) {
          std::size_t j = i;
          while (j + 1 < off.size() && off[j + 1] == off[j] + date::days{1}) ++j;
          if (off[j] >= first && off[i] <= last) items.push_back(holiday_item(notice, holiday, off[i], off[j]));
          i = j + 1;
        }
        for (const Day d : holiday.makeup_days) {
          if (d < first || d > last) continue;
          FeedItem item;
          item.kind = FeedItemKind::makeup_workday;
          item.uid = "makeup-workday." + format_day(d) + "@cadence";
          item.date = d;
          item.last_date = d;
          item.summary = "调休上班（" + holiday.name + "）";
          item.description = notice.title + "\n" + format_day(d) + " 上班（" + holiday.name + "调休）";
          item.category = "节假日";
          items.push_back(std::move(item));
        }
      }
  }
};

}  // namespace

std::string period_label(const Period& period) {
  const date::year_month_day ymd{period.start};
  const std::string year = number(static_cast<int>(ymd.year())) + "年";
  const unsigned month = static_cast<unsigned>(ymd.month());
  switch (period.kind) {
    case PeriodKind::year: return year;
    case PeriodKind::half: return year + (month <= 6 ? "上半年" : "下半年");
    case PeriodKind::quarter: return year + "第" + number((month - 1) / 3 + 1) + "季度";
    case PeriodKind::month: return year + number(month) + "月";
    case PeriodKind::week: {
      // ISO weeks belong to the year of their Thursday.
      const date::year_month_day thursday{period.start + date::days{3}};
      const std::string id = period.id();
      return number(static_cast<int>(thursday.year())) + "年第" + number(std::stoi(id.substr(id.size() - 2))) + "周";
    }
  }
  return period.id();
}

Feed build_feed(const std::vector<Rule>& rules, const UnitTree& tree, std::size_t unit, const EntriesOf& records,
                const FeedRequest& request, const WorkCalendar& calendar) {
  Builder b{rules, tree, records, request, calendar, {}};
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (rules[r].kind == RuleKind::cadence) b.sessions(unit, r);
    else b.deadlines(unit, r, false);
  }
  if (request.subtree)
    for (const auto d : tree.subtree(unit))
      if (d != unit)
        for (std::size_t r = 0; r < rules.size(); ++r) b.deadlines(d, r, true);
  std::stable_sort(b.items.begin(), b.items.end(), [](const FeedItem& x, const FeedItem& y) { return x.date < y.date; });
  if (request.holidays) {
    const date::year_month_day today{request.today};
    b.calendar_layer(Day{today.year() / 1 / 1}, Day{(today.year() + date::years{1}) / 12 / 31});
  }
  const Unit& u = tree.at(unit);
  return {calendar_name(u.name + (request.subtree ? "（含下级）" : "") + " · Cadence"), u.timezone, std::move(b.items)};
}

Feed plan_feed(const std::vector<Rule>& rules, const Unit& unit, const std::vector<Slot>& slots) {
  Feed feed{unit.name + " · 建议日程", unit.timezone, {}};
  for (const auto& slot : slots) {
    const Rule& rule = rules[slot.rule];
    feed.items.push_back(session_item(unit, rule, slot, {}, ""));
  }
  std::stable_sort(feed.items.begin(), feed.items.end(), [](const FeedItem& x, const FeedItem& y) { return x.date < y.date; });
  return feed;
}

std::string fingerprint(const FeedItem& item) {
  if (!item.common_fingerprint.empty()) return item.common_fingerprint;
  std::string text;
  auto field = [&](const std::string& value) {
    text += value;
    text += '\x1f';
  };
  field(number(static_cast<int>(item.kind)));
  field(item.uid);
  field(item.zone);
  field(format_day(item.date));
  field(format_day(item.last_date));
  field(item.time ? number(item.time->count()) : "");
  field(number(item.duration.count()));
  field(item.done ? "1" : "0");
  field(item.done_on ? format_day(*item.done_on) : "");
  for (const auto& t : item.tags) field(t);
  field(item.summary);
  field(item.description);
  field(item.category);
  for (const auto& a : item.alarms) field(a.text);
  return text;
}

}  // namespace cadence
