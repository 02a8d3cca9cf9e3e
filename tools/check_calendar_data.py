#!/usr/bin/env python3
"""Check calendars/cn/*.toml against the reference JSON they were made from.

    python3 tools/check_calendar_data.py [--holidays-json F] [--lunar-json F] [--dir calendars/cn]

Needs Python >= 3.11 (tomllib).  Exits 0 when everything matches, 1 with one line per
problem otherwise.  Checks:
  * every holidays-YYYY.toml parses, uses only the keys the C++ loader reads, and its
    year, notice title, URLs, holidays (name, name_en, off, makeup) equal the JSON;
  * the union of makeup dates equals the JSON's top-level "workdays" list; every makeup
    date is a Saturday or Sunday; no date is both off and makeup;
  * there is a file for every published notice and none for an unpublished one (2027);
  * observances.toml: every lunar observance has exactly the JSON's dates for every year,
    every fixed-date observance has the JSON's name, month and day;
  * sanity: 春节, 清明, 端午 and 中秋 fall inside the off-block of the matching holiday.
"""
import argparse
import datetime as dt
import json
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HOLIDAY_FILE_KEYS = {"year", "notice", "urls", "holiday"}
HOLIDAY_KEYS = {"name", "name_en", "off", "makeup"}
LUNAR_KEYS = {"name", "dates", "note"}
FIXED_KEYS = {"name", "month", "day", "note"}

problems: list[str] = []


def problem(msg: str) -> None:
    problems.append(msg)


def iso(dates) -> list[str]:
    return [d.isoformat() if isinstance(d, dt.date) else f"<not a date: {d!r}>" for d in dates]


def check_dates_are_dates(where: str, values) -> None:
    for v in values:
        if type(v) is not dt.date:  # datetime.datetime is a subclass: reject it too
            problem(f"{where}: {v!r} is not a TOML local date")


def check_holidays(cal_dir: Path, data: dict) -> int:
    published = {y for y, e in data.items() if y.isdigit() and e.get("holidays")}
    unpublished = {y for y, e in data.items() if y.isdigit() and not e.get("holidays")}
    files = {p.stem.removeprefix("holidays-"): p for p in cal_dir.glob("holidays-*.toml")}
    for y in sorted(published - files.keys()):
        problem(f"holidays-{y}.toml missing (the {y} notice is in the JSON)")
    for y in sorted(files.keys() & unpublished):
        problem(f"holidays-{y}.toml exists but the {y} notice is not published")
    for y in sorted(files.keys() - published - unpublished):
        problem(f"holidays-{y}.toml has no counterpart in the JSON")
    checked = 0
    for y in sorted(files.keys() & published):
        path = files[y]
        where = path.name
        try:
            doc = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as e:
            problem(f"{where}: does not parse: {e}")
            continue
        entry = data[y]
        extra = doc.keys() - HOLIDAY_FILE_KEYS
        if extra:
            problem(f"{where}: unexpected keys {sorted(extra)}")
        if doc.get("year") != int(y):
            problem(f"{where}: year = {doc.get('year')!r}, expected {y}")
        if doc.get("notice") != entry["notice"]["title"]:
            problem(f"{where}: notice = {doc.get('notice')!r}, expected {entry['notice']['title']!r}")
        want_urls = []
        for u in entry["notice"].get("urls_holiday_cn", []) + entry["notice"].get("urls_lki", []):
            if u not in want_urls:
                want_urls.append(u)
        if doc.get("urls") != want_urls:
            problem(f"{where}: urls {doc.get('urls')} != {want_urls}")
        hols = doc.get("holiday", [])
        if len(hols) != len(entry["holidays"]):
            problem(f"{where}: {len(hols)} holidays, JSON has {len(entry['holidays'])}")
        all_off, all_makeup = [], []
        for i, (h, j) in enumerate(zip(hols, entry["holidays"])):
            hw = f"{where} holiday #{i + 1} ({h.get('name')})"
            extra = h.keys() - HOLIDAY_KEYS
            if extra:
                problem(f"{hw}: unexpected keys {sorted(extra)}")
            for k in ("name", "name_en"):
                if h.get(k) != j[k]:
                    problem(f"{hw}: {k} = {h.get(k)!r}, expected {j[k]!r}")
            check_dates_are_dates(hw + " off", h.get("off", []))
            check_dates_are_dates(hw + " makeup", h.get("makeup", []))
            if "off" not in h or "makeup" not in h:
                problem(f"{hw}: needs both off and makeup (makeup = [] when none)")
            if iso(h.get("off", [])) != j["days"]:
                problem(f"{hw}: off {iso(h.get('off', []))} != JSON days {j['days']}")
            if iso(h.get("makeup", [])) != j["makeup_workdays"]:
                problem(f"{hw}: makeup {iso(h.get('makeup', []))} != JSON {j['makeup_workdays']}")
            for d in h.get("makeup", []):
                if isinstance(d, dt.date) and d.weekday() < 5:
                    problem(f"{hw}: makeup {d} is a weekday (a makeup day must be Sat/Sun)")
            all_off += h.get("off", [])
            all_makeup += h.get("makeup", [])
        if len(set(all_off)) != len(all_off):
            problem(f"{where}: an off date is listed twice")
        both = set(all_off) & set(all_makeup)
        if both:
            problem(f"{where}: dates both off and makeup: {sorted(iso(both))}")
        if sorted(iso(all_makeup)) != sorted(entry["workdays"]):
            problem(f"{where}: makeup union {sorted(iso(all_makeup))} != JSON workdays {entry['workdays']}")
        checked += 1
    return checked


# Which holiday's off-block must contain which lunar observance.
LUNAR_IN_HOLIDAY = {"春节": "春节", "清明": "清明", "端午": "端午", "中秋": "中秋"}


def check_lunar_inside_holidays(hol: dict, lunar: dict) -> None:
    for y, entry in hol.items():
        if not (y.isdigit() and entry.get("holidays") and y in lunar):
            continue
        for obs, hname in LUNAR_IN_HOLIDAY.items():
            day = lunar[y][obs]
            blocks = [h["off_block"] for h in entry["holidays"] if hname in h["name"]]
            if not any(b[0] <= day <= b[1] for b in blocks):
                problem(f"{y}: {obs} {day} is not inside the {hname} off-block {blocks}")


def check_observances(path: Path, data: dict) -> None:
    where = path.name
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        problem(f"{where}: {e}")
        return
    extra = doc.keys() - {"lunar", "fixed"}
    if extra:
        problem(f"{where}: unexpected top-level keys {sorted(extra)}")
    years = sorted(k for k in data if k.isdigit())
    names = [k for k in data[years[0]] if k != "leap_month"]
    lunar = {t.get("name"): t for t in doc.get("lunar", [])}
    if len(lunar) != len(doc.get("lunar", [])):
        problem(f"{where}: a [[lunar]] name is repeated")
    if set(lunar) != set(names):
        problem(f"{where}: lunar names {sorted(lunar)} != JSON {sorted(names)}")
    for name in names:
        t = lunar.get(name)
        if t is None:
            continue
        if t.keys() - LUNAR_KEYS:
            problem(f"{where} [[lunar]] {name}: unexpected keys {sorted(t.keys() - LUNAR_KEYS)}")
        check_dates_are_dates(f"{where} [[lunar]] {name}", t.get("dates", []))
        want = [data[y][name] for y in years]
        if iso(t.get("dates", [])) != want:
            problem(f"{where} [[lunar]] {name}: dates differ from the JSON")
        for y, d in zip(years, t.get("dates", [])):
            if isinstance(d, dt.date) and str(d.year) != y:
                problem(f"{where} [[lunar]] {name}: {d} is keyed under {y}")
    fixed = doc.get("fixed", [])
    want_fixed = data["fixed_date_observances"]
    if len(fixed) != len(want_fixed):
        problem(f"{where}: {len(fixed)} [[fixed]], JSON has {len(want_fixed)}")
    for t, j in zip(fixed, want_fixed):
        fw = f"{where} [[fixed]] {t.get('name')}"
        if t.keys() - FIXED_KEYS:
            problem(f"{fw}: unexpected keys {sorted(t.keys() - FIXED_KEYS)}")
        mm, dd = (int(x) for x in j["mmdd"].split("-"))
        if (t.get("name"), t.get("month"), t.get("day")) != (j["name"], mm, dd):
            problem(f"{fw}: ({t.get('name')}, {t.get('month')}, {t.get('day')}) != JSON ({j['name']}, {mm}, {dd})")
        try:
            dt.date(2024, t.get("month", 0), t.get("day", 0))  # 2024: leap year, so 02-29 passes
        except (TypeError, ValueError):
            problem(f"{fw}: month/day is not a valid date")
        if "note" in t and not isinstance(t["note"], str):
            problem(f"{fw}: note must be a string")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--holidays-json", default="/work/shared/reference/cn-holidays.json")
    ap.add_argument("--lunar-json", default="/work/shared/reference/lunar-festivals.json")
    ap.add_argument("--dir", default=str(REPO / "calendars" / "cn"))
    a = ap.parse_args()
    cal_dir = Path(a.dir)
    hol = json.loads(Path(a.holidays_json).read_text(encoding="utf-8"))
    lun = json.loads(Path(a.lunar_json).read_text(encoding="utf-8"))
    n = check_holidays(cal_dir, hol)
    check_observances(cal_dir / "observances.toml", lun)
    check_lunar_inside_holidays(hol, lun)
    for p in problems:
        print(p)
    if problems:
        print(f"FAILED: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"OK: {n} holiday files and observances.toml match the reference JSON", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
