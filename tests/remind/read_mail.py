#!/usr/bin/python3
"""Reads the emails a test server received (DIR/N.eml) with Python's email package and the
attached calendars with icalendar, independently of Cadence, and prints one JSON line each."""
import email
import email.policy
import json
import os
import sys

import icalendar

folder = sys.argv[1]
n = 1
while os.path.exists(os.path.join(folder, "%d.eml" % n)):
    msg = email.message_from_bytes(open(os.path.join(folder, "%d.eml" % n), "rb").read(), policy=email.policy.default)
    out = {"key": str(msg["X-Cadence-Key"]), "subject": str(msg["Subject"]), "date": str(msg["Date"]),
           "local_day": msg["Date"].datetime.date().isoformat(),
           "local_time": msg["Date"].datetime.strftime("%H:%M"),
           "message_id": str(msg["Message-ID"]), "to": sorted(a.addr_spec for a in msg["To"].addresses),
           "types": sorted(p.get_content_type() for p in msg.walk())}
    for part in msg.walk():
        if part.get_content_type() == "text/calendar":
            cal = icalendar.Calendar.from_ical(part.get_payload(decode=True))
            out["method"] = str(cal.get("METHOD"))
            for c in cal.walk():
                if c.name in ("VEVENT", "VTODO"):
                    out.setdefault("items", []).append(
                        {"kind": c.name, "uid": str(c.get("UID")), "sequence": int(c.get("SEQUENCE", 0))})
        elif part.get_content_type() == "text/plain":
            out["text"] = part.get_content()
    print(json.dumps(out, ensure_ascii=False))
    n += 1
