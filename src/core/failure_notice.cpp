#include "core/failure_notice.h"

namespace cadence {

namespace {

std::string joined(const std::vector<std::string>& to) {
  std::string out;
  for (const auto& a : to) out += (out.empty() ? "" : ", ") + a;
  return out;
}

std::string line(const FailedMessage& m, bool zh) {
  const auto reply = m.reply.empty() ? std::string(zh ? "（无回复）" : "(no reply)") : m.reply;
  if (zh)
    return "#" + std::to_string(m.id) + " " + m.key + " → " + joined(m.to) + "：" +
           (m.unconfirmed ? "投递结果未知（已重发一次，不再发送）：" : "") + reply;
  return "#" + std::to_string(m.id) + " " + m.key + " to " + joined(m.to) + ": " +
         (m.unconfirmed ? "outcome unknown (resent once, not sent again): " : "") + reply;
}

}  // namespace

std::string failure_notice_key(const Unit& unit, Day day) { return "failures:" + unit.id + ":-:" + format_day(day) + ":-:-"; }

ReminderText failure_notice_text(const Unit& unit, Day day, const std::vector<FailedMessage>& failed,
                                 Language language) {
  const bool zh = language == Language::zh;
  const auto n = std::to_string(failed.size());
  const auto on = absolute_date(day, std::nullopt, language);
  auto subject = zh ? "【发送失败】" + unit.name + "：" + n + "封提醒邮件未能送达（" + on + "）"
                    : "[Delivery failures] " + unit.name + ": " + n + " reminder emails not delivered (" + on + ")";
  std::vector<std::string> lines{zh ? "以下提醒邮件已停止发送，请核对收件地址或邮件服务器："
                                    : "Cadence gave up on these reminder emails; check the addresses or the mail server:"};
  for (const auto& m : failed) lines.push_back("· " + line(m, zh));
  lines.push_back(zh ? "核对后可用 cadence outbox retry ID 重新发送。本通知每个单位每天至多一封。"
                     : "Once fixed, `cadence outbox retry ID` sends one again. At most one such notice a day per unit.");
  lines.push_back(zh ? "此邮件由 Cadence 自动发送，请勿直接回复。" : "Sent automatically by Cadence.");
  return text_of(std::move(subject), lines);
}

}  // namespace cadence
