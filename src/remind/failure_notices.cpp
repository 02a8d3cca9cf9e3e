#include "remind/failure_notices.h"

#include "core/failure_notice.h"
#include "store/outbox.h"

#include <date/tz.h>

#include <map>

namespace cadence::remind {

namespace {

std::vector<std::string> administrators(const UnitTree& tree, std::size_t unit) {
  for (std::optional<std::size_t> u = unit; u; u = tree.parent(*u))
    if (!tree.at(*u).admin_emails.empty()) return tree.at(*u).admin_emails;
  return {};
}

Day local_day(std::chrono::sys_seconds now, const std::string& zone) {
  return Day{date::floor<date::days>(date::locate_zone(zone)->to_local(now)).time_since_epoch()};
}

}  // namespace

int add_failure_notices(store::Database& db, const UnitTree& tree, std::chrono::sys_seconds now,
                        const PassSettings& settings) {
  store::Outbox outbox(db);
  std::map<std::string, std::vector<store::OutboxMessage>> by_unit;
  for (auto& row : outbox.unreported_failures()) by_unit[row.unit].push_back(std::move(row));
  int added = 0;
  for (const auto& [id, rows] : by_unit) {
    const auto u = tree.find(id);
    if (!u) continue;  // a unit no longer there has nobody to tell
    const Unit& unit = tree.at(*u);
    const Day day = local_day(now, unit.timezone);
    std::vector<FailedMessage> failed;
    std::vector<std::int64_t> ids;
    for (const auto& r : rows) {
      failed.push_back({r.id, r.key, r.to, r.status == "unconfirmed", r.last_reply});
      ids.push_back(r.id);
    }
    const auto text = failure_notice_text(unit, day, failed, settings.language);
    store::OutboxMessage notice;
    notice.key = failure_notice_key(unit, day);
    notice.unit = unit.id;
    notice.kind = "failures";
    notice.to = administrators(tree, *u);
    notice.subject = text.subject;
    notice.text = text.text;
    notice.html = text.html;
    notice.date = now;
    notice.zone = unit.timezone;
    notice.next_attempt = now;
    notice.created = now;
    added += outbox.add_failure_notice(notice, ids);
  }
  return added;
}

}  // namespace cadence::remind
