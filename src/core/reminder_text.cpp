#include "core/reminder_text.h"

#include <cstdio>

namespace cadence {

namespace {

using What = OpenItem::What;

std::string num(int n) { return std::to_string(n); }

std::string hhmm(std::chrono::minutes t) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", static_cast<int>(t.count() / 60), static_cast<int>(t.count() % 60));
  return buffer;
}

std::string english_period(const Period& p) {
  const date::year_month_day start{p.start};
  const auto y = num(static_cast<int>(start.year()));
  switch (p.kind) {
    case PeriodKind::year: return y;
    case PeriodKind::half: return (unsigned(start.month()) <= 6 ? "H1 " : "H2 ") + y;
    case PeriodKind::quarter: return "Q" + num(static_cast<int>((unsigned(start.month()) - 1) / 3 + 1)) + " " + y;
    case PeriodKind::month:
    case PeriodKind::week: return p.id();
  }
  return p.id();
}

struct Writer {
  const TextContext& c;
  bool zh() const { return c.language == Language::zh; }
  std::string period(const Period& p) const { return zh() ? period_label(p) : english_period(p); }
  std::string title(const Rule& r) const { return zh() || r.title_en.empty() ? r.title : r.title_en; }
  std::string day(Day d, std::optional<std::chrono::minutes> t = std::nullopt) const {
    return absolute_date(d, t, c.language);
  }
  const Unit& unit(const Reminder& r) const { return c.tree.at(r.unit); }

  std::string subject(const Reminder& r) const {
    const Unit& u = unit(r);
    if (r.kind == ReminderKind::digest_month)
      return zh() ? "【月度提醒】" + u.name + "：" + period_label(r.period) + "待办与落后事项" + num(int(r.items.size())) + "项"
                  : "[Monthly digest] " + u.name + ": " + num(int(r.items.size())) + " open items in " + r.period.id();
    if (r.kind == ReminderKind::digest_week) {
      const bool below = !c.tree.children(r.unit).empty();
      return zh() ? "【周报】" + u.name + (below ? "及下级单位" : "") + "：" + period_label(r.period) + "待办与落后事项" +
                        num(int(r.items.size())) + "项"
                  : "[Weekly digest] " + u.name + (below ? " and the units below" : "") + ": " +
                        num(int(r.items.size())) + " open items in " + r.period.id();
    }
    const Rule& rule = c.rules[*r.rule];
    const auto t = title(rule);
    const auto at = day(r.event_day, rule.plan.time);
    switch (r.kind) {
      case ReminderKind::upcoming:
        return zh() ? "【提醒】" + u.name + "：" + t + "（第" + num(r.slot) + "次/共" + num(r.of) + "次）建议于" + at + "举行"
                    : "[Reminder] " + u.name + ": " + t + " (" + num(r.slot) + " of " + num(r.of) + ") suggested for " + at;
      case ReminderKind::due:
        return zh() ? "【提醒】" + u.name + "：" + t + "（" + period(r.period) + "）应于" + day(r.event_day) + "前报送"
                    : "[Reminder] " + u.name + ": " + t + " (" + period(r.period) + ") due " + day(r.event_day);
      case ReminderKind::behind:
        return zh() ? "【进度落后】" + u.name + "：" + t + "（" + period(r.period) + "）已开展" + num(r.done) + "次，按进度应达" +
                          num(r.expected) + "次"
                    : "[Behind] " + u.name + ": " + t + " (" + period(r.period) + ") " + num(r.done) + " held, " +
                          num(r.expected) + " expected by now";
      case ReminderKind::escalation:
        return zh() ? "【督办】" + u.name + "：" + t + "（" + period(r.period) + "）持续落后：已开展" + num(r.done) + "次，应达" +
                          num(r.expected) + "次"
                    : "[Escalation] " + u.name + ": " + t + " (" + period(r.period) + ") still behind: " + num(r.done) +
                          " held, " + num(r.expected) + " expected";
      case ReminderKind::missed:
        return zh() ? "【未完成】" + u.name + "：" + t + "（" + period(r.period) + "）未达要求：已开展" + num(r.done) + "次，要求" +
                          num(r.target) + "次"
                    : "[Missed] " + u.name + ": " + t + " (" + period(r.period) + ") " + num(r.done) + " held of " +
                          num(r.target) + " required";
      case ReminderKind::overdue:
        return zh() ? "【逾期】" + u.name + "：" + t + "（" + period(r.period) + "）应于" + day(r.event_day) + "前报送，尚未报送"
                    : "[Overdue] " + u.name + ": " + t + " (" + period(r.period) + ") was due " + day(r.event_day);
      default: return "";
    }
  }

  std::string item_line(const OpenItem& i) const {
    const Rule& rule = c.rules[i.rule];
    const auto who = c.tree.at(i.unit).name;
    const auto t = title(rule);
    switch (i.what) {
      case What::session:
        return zh() ? who + "：" + t + "（第" + num(i.slot) + "次/共" + num(i.of) + "次）建议于" + day(i.day, rule.plan.time) + "举行"
                    : who + ": " + t + " (" + num(i.slot) + " of " + num(i.of) + ") suggested for " + day(i.day, rule.plan.time);
      case What::deadline:
        return zh() ? who + "：" + t + "（" + period(i.period) + "）应于" + day(i.day) + "前报送"
                    : who + ": " + t + " (" + period(i.period) + ") due " + day(i.day);
      case What::behind:
        return zh() ? who + "：" + t + "（" + period(i.period) + "）落后：已开展" + num(i.done) + "次，按进度应达" + num(i.expected) + "次"
                    : who + ": " + t + " (" + period(i.period) + ") behind: " + num(i.done) + " held, " + num(i.expected) +
                          " expected";
      case What::overdue:
        return zh() ? who + "：" + t + "（" + period(i.period) + "）逾期未报送，应于" + day(i.day) + "前报送"
                    : who + ": " + t + " (" + period(i.period) + ") overdue since " + day(i.day);
    }
    return "";
  }

  std::vector<std::string> body_lines(const Reminder& r) const {
    std::vector<std::string> lines{subject_core(r)};
    for (const auto& item : r.items) lines.push_back("· " + item_line(item));
    if (r.rule) {
      const Rule& rule = c.rules[*r.rule];
      const auto& source = rule.cite.empty() ? rule.source : rule.cite;
      if (!source.empty()) lines.push_back((zh() ? "依据：" : "Source: ") + source);
    }
    if (r.send_day < c.today)
      lines.push_back(zh() ? "（本提醒原定于" + day(r.send_day) + "发送，因服务中断延后。）"
                           : "(This reminder was due on " + day(r.send_day) + "; the service was down.)");
    if (!c.public_url.empty())
      lines.push_back((zh() ? "单位页面：" : "Unit page: ") + c.public_url + "/units/" + unit(r).id);
    lines.push_back(zh() ? "此邮件由 Cadence 自动发送，请勿直接回复。" : "Sent automatically by Cadence.");
    return lines;
  }

  std::string subject_core(const Reminder& r) const {
    auto s = subject(r);
    // The body repeats the subject without its bracketed tag.
    const std::string close = zh() ? "】" : "] ";
    const auto end = s.find(close);
    return end == std::string::npos ? s : s.substr(end + close.size());
  }
};

std::string escape_html(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '<') out += "&lt;";
    else if (ch == '>') out += "&gt;";
    else if (ch == '&') out += "&amp;";
    else if (ch == '"') out += "&quot;";
    else out += ch;
  }
  return out;
}

}  // namespace

std::string absolute_date(Day day, std::optional<std::chrono::minutes> time, Language language) {
  static const char* zh_weekdays[] = {"周日", "周一", "周二", "周三", "周四", "周五", "周六"};
  static const char* en_weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* en_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const date::year_month_day ymd{day};
  const auto wd = date::weekday{day}.c_encoding();
  const auto m = unsigned(ymd.month());
  const auto d = unsigned(ymd.day());
  std::string out = language == Language::zh
                        ? num(int(m)) + "月" + num(int(d)) + "日（" + zh_weekdays[wd] + "）"
                        : std::string(en_weekdays[wd]) + " " + num(int(d)) + " " + en_months[m - 1];
  if (time) out += (language == Language::zh ? "" : " ") + hhmm(*time);
  return out;
}

ReminderText reminder_text(const Reminder& reminder, const TextContext& context) {
  const Writer w{context};
  return text_of(w.subject(reminder), w.body_lines(reminder));
}

ReminderText text_of(std::string subject, const std::vector<std::string>& lines) {
  ReminderText out;
  out.subject = std::move(subject);
  std::string html = "<!DOCTYPE html><html><body>";
  for (const auto& line : lines) {
    out.text += line + "\n";
    html += line.starts_with("· ") ? "<li>" + escape_html(line.substr(std::string("· ").size())) + "</li>"
                                   : "<p>" + escape_html(line) + "</p>";
  }
  out.html = html + "</body></html>";
  return out;
}

}  // namespace cadence
