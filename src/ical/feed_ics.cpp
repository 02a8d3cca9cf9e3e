#include "ical/feed_ics.h"

#include "ical/ical_ptr.h"
#include "ical/vtimezone.h"

#include <date/tz.h>

#include <set>

namespace cadence::ical {

namespace {

icaltimetype date_value(Day day) { return icaltime_from_string(date::format("%Y%m%d", day).c_str()); }

icaltimetype local_value(date::local_seconds t) { return icaltime_from_string(date::format("%Y%m%dT%H%M%S", t).c_str()); }

icaltimetype utc_value(std::chrono::sys_seconds t) { return icaltime_from_string(date::format("%Y%m%dT%H%M%SZ", t).c_str()); }

void add(icalcomponent* c, icalproperty* p) { icalcomponent_add_property(c, p); }

icalproperty* with_tzid(icalproperty* p, const std::string& zone) {
  icalproperty_add_parameter(p, icalparameter_new_tzid(zone.c_str()));
  return p;
}

// libical writes an X- property's value as given (and a typed one with a VALUE= parameter
// some clients choke on), so TEXT escaping (RFC 5545 §3.3.11) is done here.
icalproperty* x_text(const char* name, const std::string& value) {
  std::string escaped;
  for (char c : value) {
    if (c == '\\' || c == ';' || c == ',') escaped += '\\';
    if (c == '\n') escaped += "\\n";
    else if (c != '\r') escaped += c;
  }
  icalproperty* p = icalproperty_new_x(escaped.c_str());
  icalproperty_set_x_name(p, name);
  return p;
}

std::string duration_text(std::chrono::minutes m) {
  if (m.count() % (24 * 60) == 0) return "P" + std::to_string(m.count() / (24 * 60)) + "D";
  if (m.count() % 60 == 0) return "PT" + std::to_string(m.count() / 60) + "H";
  return "PT" + std::to_string(m.count()) + "M";
}

void add_common(icalcomponent* c, const std::string& uid, const FeedItem& item, const ItemVersion& version) {
  add(c, icalproperty_new_uid(uid.c_str()));
  add(c, icalproperty_new_dtstamp(utc_value(version.changed)));
  add(c, icalproperty_new_lastmodified(utc_value(version.changed)));
  add(c, icalproperty_new_sequence(version.sequence));
  add(c, icalproperty_new_summary(item.summary.c_str()));
  add(c, icalproperty_new_description(item.description.c_str()));
  if (!item.category.empty()) add(c, icalproperty_new_categories(item.category.c_str()));
}

void add_cadence_fields(icalcomponent* c, const FeedItem& item) {
  add(c, x_text("X-CADENCE-RULE", item.rule));
  add(c, x_text("X-CADENCE-PERIOD", item.period));
  add(c, x_text("X-CADENCE-UNIT", item.unit));
  if (!item.tags.empty()) {
    std::string tags;
    for (const auto& t : item.tags) tags += (tags.empty() ? "" : ",") + t;
    add(c, x_text("X-CADENCE-TAGS", tags));
  }
}

// Alarms come last: new Outlook ignores properties that follow a VALARM.
void add_alarms(icalcomponent* c, const FeedItem& item, bool related_end) {
  for (const auto& lead : item.alarms) {
    Component alarm(icalcomponent_new_valarm());
    add(alarm.get(), icalproperty_new_action(ICAL_ACTION_DISPLAY));
    icalproperty* trigger = icalproperty_new_trigger(icaltriggertype_from_string(("-" + lead.text).c_str()));
    // A to-do with only DUE has no start for a default (RELATED=START) trigger.
    if (related_end) icalproperty_add_parameter(trigger, icalparameter_new_related(ICAL_RELATED_END));
    add(alarm.get(), trigger);
    add(alarm.get(), icalproperty_new_description(item.summary.c_str()));
    icalcomponent_add_component(c, alarm.release());
  }
}

void all_day(icalcomponent* c, Day first, Day last) {
  add(c, icalproperty_new_dtstart(date_value(first)));
  add(c, icalproperty_new_dtend(date_value(last + date::days{1})));
}

Component session_event(const FeedItem& item, const ItemVersion& version) {
  Component e(icalcomponent_new_vevent());
  add_common(e.get(), item.uid, item, version);
  if (item.time) {
    const auto start = date::local_days{item.date.time_since_epoch()} + *item.time;
    add(e.get(), with_tzid(icalproperty_new_dtstart(local_value(start)), item.zone));
    add(e.get(), with_tzid(icalproperty_new_dtend(local_value(start + item.duration)), item.zone));
  } else {
    all_day(e.get(), item.date, item.date);
  }
  add(e.get(), icalproperty_new_status(item.done ? ICAL_STATUS_CONFIRMED : ICAL_STATUS_TENTATIVE));
  add(e.get(), icalproperty_new_transp(item.time ? ICAL_TRANSP_OPAQUE : ICAL_TRANSP_TRANSPARENT));
  add_cadence_fields(e.get(), item);
  add_alarms(e.get(), item, false);
  return e;
}

// Google, Outlook and Apple subscriptions show no VTODO: the due date is also an all-day event.
Component deadline_todo(const FeedItem& item, const ItemVersion& version) {
  Component t(icalcomponent_new_vtodo());
  add_common(t.get(), item.uid, item, version);
  add(t.get(), icalproperty_new_due(date_value(item.date)));
  add(t.get(), icalproperty_new_status(item.done ? ICAL_STATUS_COMPLETED : ICAL_STATUS_NEEDSACTION));
  if (item.done_on) {
    // COMPLETED is a UTC date-time; noon local keeps it on the submission day in any zone.
    const auto noon = date::make_zoned(item.zone, date::local_days{item.done_on->time_since_epoch()} + std::chrono::hours{12});
    add(t.get(), icalproperty_new_completed(utc_value(date::floor<std::chrono::seconds>(noon.get_sys_time()))));
    add(t.get(), icalproperty_new_percentcomplete(100));
  }
  add_cadence_fields(t.get(), item);
  add_alarms(t.get(), item, true);
  return t;
}

Component deadline_event(const FeedItem& item, const ItemVersion& version) {
  Component e(icalcomponent_new_vevent());
  add_common(e.get(), "day-" + item.uid, item, version);
  all_day(e.get(), item.date, item.date);
  add(e.get(), icalproperty_new_status(ICAL_STATUS_CONFIRMED));
  add(e.get(), icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
  add_cadence_fields(e.get(), item);
  // So that `records import-ics` of an export holding it does not take it for a submission.
  add(e.get(), x_text("X-CADENCE-KIND", "due-date"));
  add_alarms(e.get(), item, false);
  return e;
}

Component calendar_event(const FeedItem& item, const ItemVersion& version) {
  Component e(icalcomponent_new_vevent());
  add_common(e.get(), item.uid, item, version);
  all_day(e.get(), item.date, item.last_date);
  add(e.get(), icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
  return e;
}

}  // namespace

std::string render_feed(const Feed& feed, std::span<const ItemVersion> versions, const RenderOptions& options) {
  Component cal(icalcomponent_new_vcalendar());
  add(cal.get(), icalproperty_new_version("2.0"));
  add(cal.get(), icalproperty_new_prodid("-//Cadence//Cadence feed//ZH"));
  add(cal.get(), icalproperty_new_calscale("GREGORIAN"));
  add(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  add(cal.get(), icalproperty_new_name(feed.name.c_str()));
  add(cal.get(), x_text("X-WR-CALNAME", feed.name));
  add(cal.get(), x_text("X-WR-TIMEZONE", feed.zone));
  add(cal.get(), icalproperty_new_refreshinterval(icaldurationtype_from_string(duration_text(options.refresh).c_str())));
  add(cal.get(), x_text("X-PUBLISHED-TTL", duration_text(options.refresh)));

  // Every TZID used, declared: without it Outlook guesses and ical.js floats the time.
  std::set<std::string> zones{feed.zone};
  for (const auto& item : feed.items)
    if (item.time) zones.insert(item.zone);
  for (const auto& zone : zones) icalcomponent_add_component(cal.get(), make_vtimezone(zone, options.zones_from).release());

  for (std::size_t i = 0; i < feed.items.size(); ++i) {
    const FeedItem& item = feed.items[i];
    const ItemVersion& version = versions[i];
    switch (item.kind) {
      case FeedItemKind::session: icalcomponent_add_component(cal.get(), session_event(item, version).release()); break;
      case FeedItemKind::deadline:
        icalcomponent_add_component(cal.get(), deadline_todo(item, version).release());
        icalcomponent_add_component(cal.get(), deadline_event(item, version).release());
        break;
      case FeedItemKind::holiday:
      case FeedItemKind::makeup_workday: icalcomponent_add_component(cal.get(), calendar_event(item, version).release()); break;
    }
  }
  return to_text(cal.get());
}

}  // namespace cadence::ical
