#include "web/unit_emails.h"

#include "calendars/local_date.h"
#include "core/reminder_text.h"
#include "web/error_response.h"
#include "web/page.h"

#include <cstdio>

namespace cadence::web {

namespace {

using report::Language;

std::string_view kind_label(std::string_view kind, Language lang) {
  struct Label {
    std::string_view kind, zh, en;
  };
  static constexpr Label labels[] = {
      {"upcoming", "活动提醒", "Session ahead"},      {"due", "截止提醒", "Deadline ahead"},
      {"behind", "进度落后", "Behind pace"},          {"escalation", "上报上级", "Escalated"},
      {"missed", "未完成", "Missed"},                 {"overdue", "逾期", "Overdue"},
      {"digest-month", "月度汇总", "Monthly digest"}, {"digest-week", "每周汇总", "Weekly digest"},
      {"failures", "发送失败通知", "Failure notice"}};
  for (const auto& l : labels)
    if (l.kind == kind) return lang == Language::kChinese ? l.zh : l.en;
  return kind;
}

std::string_view status_label(std::string_view status, Language lang) {
  struct Label {
    std::string_view status, zh, en;
  };
  static constexpr Label labels[] = {{"pending", "待发送", "To be sent"},      {"sending", "发送中", "Sending"},
                                     {"sent", "已发送", "Sent"},               {"failed", "发送失败", "Failed"},
                                     {"unconfirmed", "未确认送达", "Unconfirmed"}, {"no_address", "无收件地址", "No address"}};
  for (const auto& l : labels)
    if (l.status == status) return lang == Language::kChinese ? l.zh : l.en;
  return status;
}

// "2026年5月14日 周四 09:00" in `zone`.
std::string moment(std::chrono::sys_seconds at, const std::string& zone, Language lang) {
  const auto day = local_day(at, zone);
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(at - day.begins).count();
  char time[8];
  std::snprintf(time, sizeof time, " %02d:%02d", static_cast<int>(minutes / 60), static_cast<int>(minutes % 60));
  return report::display_date(day.day, lang) + time;
}

std::string when_html(const store::OutboxMessage& m, const std::string& zone, Language lang) {
  if (m.sent_at) return html_escape(moment(*m.sent_at, zone, lang));
  if (m.status == "pending" || m.status == "sending")
    return std::string(pick(lang, "下次尝试 ", "next try ")) + html_escape(moment(m.next_attempt, zone, lang));
  return html_escape(m.last_reply);
}

std::string_view audience_label(ReminderKind kind, Language lang) {
  switch (audience_of(kind)) {
    case Audience::secretary: return pick(lang, "本单位书记", "the unit's secretary");
    case Audience::parent_admins: return pick(lang, "上级管理员", "the parent unit's administrators");
    case Audience::secretary_and_parent_admins: return pick(lang, "本单位书记和上级管理员", "the secretary and the parent's administrators");
    case Audience::own_admins: return pick(lang, "本单位管理员", "the unit's administrators");
  }
  return "";
}

}  // namespace

std::string reminders_ahead_html(const std::vector<Reminder>& ahead, std::optional<std::chrono::minutes> send_time,
                                 const std::vector<Rule>& rules, const UnitTree& tree, Language lang) {
  if (!send_time)
    return "<p class=\"empty\">" +
           std::string(pick(lang, "未配置邮件服务器，提醒邮件未启用。", "Reminder emails are off: no SMTP server is configured.")) +
           "</p>\n";
  if (ahead.empty())
    return "<p class=\"empty\">" + std::string(pick(lang, "未来14天没有要发送的提醒。", "Nothing to send in the next 14 days.")) +
           "</p>\n";
  std::string html = "<table class=\"emails ahead\"><thead><tr>";
  for (const auto h : {pick(lang, "发送日", "Goes out"), pick(lang, "类型", "Kind"), pick(lang, "主题", "Subject"),
                       pick(lang, "收件人", "To")})
    html += "<th>" + std::string(h) + "</th>";
  html += "</tr></thead><tbody>\n";
  const auto text_language = lang == Language::kChinese ? cadence::Language::zh : cadence::Language::en;
  for (const auto& r : ahead) {
    const auto text = reminder_text(r, TextContext{rules, tree, text_language, r.send_day, ""});
    const auto minutes = send_time->count();
    char time[8];
    std::snprintf(time, sizeof time, " %02d:%02d", static_cast<int>(minutes / 60), static_cast<int>(minutes % 60));
    html += "<tr data-key=\"" + html_escape(r.key) + "\"><td>" + html_escape(report::display_date(r.send_day, lang)) + time +
            "</td><td>" + html_escape(kind_label(to_string(r.kind), lang)) + "</td><td>" + html_escape(text.subject) +
            "</td><td>" + html_escape(audience_label(r.kind, lang)) + "</td></tr>\n";
  }
  return html + "</tbody></table>\n";
}

std::string unit_emails_html(const std::vector<store::OutboxMessage>& emails, const std::string& zone, Language lang) {
  if (emails.empty())
    return "<p class=\"empty\">" + std::string(pick(lang, "尚无关于本单位的提醒邮件。", "No reminder email about this unit yet.")) +
           "</p>\n";
  std::string html = "<table class=\"emails\"><thead><tr>";
  for (const auto h : {pick(lang, "决定于", "Decided"), pick(lang, "类型", "Kind"), pick(lang, "主题", "Subject"),
                       pick(lang, "收件人", "To"), pick(lang, "状态", "State"), pick(lang, "发送/说明", "Sent or why")})
    html += "<th>" + std::string(h) + "</th>";
  html += "</tr></thead><tbody>\n";
  for (const auto& m : emails) {
    std::string to;
    for (const auto& address : m.to) to += (to.empty() ? "" : ", ") + address;
    html += "<tr data-email=\"" + std::to_string(m.id) + "\" class=\"" + html_escape(m.status) + "\"><td>" +
            html_escape(moment(m.created, zone, lang)) + "</td><td>" + html_escape(kind_label(m.kind, lang)) + "</td><td>" +
            html_escape(m.subject) + "</td><td>" + html_escape(to) + "</td><td>" +
            html_escape(status_label(m.status, lang)) + "</td><td>" + when_html(m, zone, lang) + "</td></tr>\n";
  }
  return html + "</tbody></table>\n";
}

}  // namespace cadence::web
