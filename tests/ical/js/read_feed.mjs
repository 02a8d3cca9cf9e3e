// Reads a Cadence feed with Mozilla's ical.js (the parser Thunderbird uses) and prints the
// same normalised lines as ../read_feed.py, sorted, for tests/ical to compare.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const root = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
// ical.js resolves TZID only through zones registered here: without the feed's VTIMEZONE a
// time would float.
for (const vtz of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));

const when = (t) => (t.isDate ? t.toString() : t.toJSDate().toISOString().replace(".000Z", "Z"));
const alarms = (c) =>
  c.getAllSubcomponents("valarm").map((a) => {
    const p = a.getFirstProperty("trigger");
    const related = p.getParameter("related") || "START";
    const seconds = p.getFirstValue().toSeconds();
    return related + (seconds >= 0 ? "+" : "") + seconds;
  }).join(",");
const text = (v) => (v === null || v === undefined ? "" : String(v));

const lines = [`CAL|${text(root.getFirstPropertyValue("x-wr-calname"))}|${text(root.getFirstPropertyValue("method"))}`];
for (const v of root.getAllSubcomponents("vevent")) {
  const e = new ICAL.Event(v);
  lines.push(["EVENT", e.uid, when(e.startDate), when(e.endDate), text(v.getFirstPropertyValue("status")), e.summary,
    alarms(v), text(v.getFirstPropertyValue("sequence")), text(v.getFirstPropertyValue("x-cadence-tags"))].join("|"));
}
for (const t of root.getAllSubcomponents("vtodo")) {
  lines.push(["TODO", t.getFirstPropertyValue("uid"), when(t.getFirstPropertyValue("due")),
    text(t.getFirstPropertyValue("status")), t.getFirstPropertyValue("summary"), alarms(t)].join("|"));
}
const descriptions = root.getAllSubcomponents()
  .filter((c) => c.name === "vevent" || c.name === "vtodo")
  .map((c) => c.getFirstPropertyValue("description"))
  .filter((d) => d !== null);
for (const d of descriptions) lines.push("TEXT|" + d.replaceAll("\n", "\\n"));
console.log(lines.sort().join("\n"));
