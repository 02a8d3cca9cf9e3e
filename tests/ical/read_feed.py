"""Reads a Cadence feed with Debian's python3-icalendar and recurring-ical-events and prints
one normalised line per occurrence, to-do and alarm, sorted, for tests/ical to compare.
Run with /usr/bin/python3: the Debian packages are not on other interpreters' paths."""
import datetime
import sys

import icalendar
import recurring_ical_events


def when(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return "FLOATING " + value.isoformat()
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def alarms(component):
    out = []
    for alarm in component.walk("VALARM"):
        trigger = alarm["TRIGGER"]
        related = trigger.params.get("RELATED", "START")
        out.append("%s%+d" % (related, int(trigger.dt.total_seconds())))
    return ",".join(out)


def main(path):
    with open(path, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    lines = ["CAL|%s|%s" % (calendar.get("X-WR-CALNAME"), calendar.get("METHOD"))]
    start, end = datetime.date(2020, 1, 1), datetime.date(2030, 1, 1)
    for event in recurring_ical_events.of(calendar).between(start, end):
        lines.append("EVENT|%s|%s|%s|%s|%s|%s|%s|%s" % (
            event["UID"], when(event["DTSTART"].dt), when(event["DTEND"].dt), event.get("STATUS", ""),
            event["SUMMARY"], alarms(event), event.get("SEQUENCE", ""), event.get("X-CADENCE-TAGS", "")))
    for todo in calendar.walk("VTODO"):
        lines.append("TODO|%s|%s|%s|%s|%s" % (
            todo["UID"], when(todo["DUE"].dt), todo.get("STATUS", ""), todo["SUMMARY"], alarms(todo)))
    for component in calendar.walk():
        if component.name in ("VEVENT", "VTODO") and "DESCRIPTION" in component:
            lines.append("TEXT|" + str(component["DESCRIPTION"]).replace("\n", "\\n"))
    print("\n".join(sorted(lines)))


if __name__ == "__main__":
    main(sys.argv[1])
