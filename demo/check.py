#!/usr/bin/env python3
"""Validate the rule pack and the demo data, and print the demo's expected compliance.

    python3 demo/check.py [--as-of 2026-11-20] [--quiet]     # Python >= 3.11 (tomllib)
    python3 demo/check.py --check-json CHECK.json... --plan-json PLAN.json...

Checks (exit 1 on any problem):
  rules/*.toml   parse; only the keys of the normative format (plus source, cite,
                 authority, note, short); required keys and types; ids unique across
                 files; every rule has `source` and `authority`; quotas min <= target; due/plan/remind well formed.
  demo/*.csv     exact headers; unit ids unique, parents exist, known types; every record's
                 unit and rule exist, the unit's type is in the rule's applies_to, tags are
                 quota tags of that rule, the date is a 2026 workday in the demo window and
                 in the unit's active range, `period` present exactly where the format wants
                 it (deadline rules; make-ups of cadence rules, naming an earlier period).
Then, unless --quiet, it applies the compliance formulas of design.md ("Compliance") to the
demo as of the given date and prints status counts per rule and the non-compliant units of
committee level.  This is an independent sketch, not the reference implementation; with
--check-json / --plan-json it instead compares `cadence check --format json` and `cadence plan
--format json` outputs over the demo data with its own results (status, target, done and
expected of every result; date and tags of every slot) and exits 1 on any difference
(scripts/crosscheck.sh).
"""
import argparse
import csv
import datetime as dt
import re
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
UNIT_TYPES = {"committee", "party-group", "working-committee", "general-branch", "branch"}
PERIODS = {"year", "half", "quarter", "month", "week"}
RULE_KEYS = {"id", "title", "short", "title_en", "applies_to", "kind", "period", "target", "due", "quotas",
             "source", "cite", "authority", "note", "effective_from", "effective_until", "plan", "remind"}
ISO_DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$")
ID_RE = re.compile(r"^[a-z0-9-]+$")
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
UNIT_HEADER = ["id", "parent", "name", "type", "secretary_email", "admin_emails", "timezone",
               "active_from", "active_until"]
RECORD_HEADER = ["unit", "rule", "date", "tags", "period", "note"]
WINDOW = (dt.date(2026, 1, 1), dt.date(2026, 11, 20))
MAX_RECORDS_BYTES = 1_500_000

problems: list[str] = []


def problem(msg):
    problems.append(msg)


# --- rules ------------------------------------------------------------------------------
def lint_rules(rules_dir: Path) -> dict:
    rules = {}
    for path in sorted(rules_dir.glob("*.toml")):
        try:
            doc = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as e:
            problem(f"{path.name}: {e}")
            continue
        if doc.keys() - {"rule"}:
            problem(f"{path.name}: unexpected top-level keys {sorted(doc.keys() - {'rule'})}")
        for i, r in enumerate(doc.get("rule", []), start=1):
            lint_rule(f"{path.name} rule #{i} ({r.get('id')})", r)
            rid = r.get("id")
            if rid in rules:
                problem(f"{path.name}: duplicate id {rid!r} (also in {rules[rid]['_file']})")
            rules[rid] = dict(r, _file=path.name)
    return rules


def lint_rule(w, r):
    for k in sorted(r.keys() - RULE_KEYS):
        problem(f"{w}: unknown key {k!r}")
    for k in ("id", "title", "applies_to", "kind", "period", "source", "authority"):
        if k not in r:
            problem(f"{w}: missing {k}")
    if not ID_RE.match(str(r.get("id", ""))):
        problem(f"{w}: id must match [a-z0-9-]+")
    for k in ("title", "short", "title_en", "source", "cite", "note"):
        if k in r and (not isinstance(r[k], str) or not r[k].strip()):
            problem(f"{w}: {k} must be a non-empty string")
    at = r.get("applies_to")
    if not (isinstance(at, list) and at and set(at) <= UNIT_TYPES and len(set(at)) == len(at)):
        problem(f"{w}: applies_to {at!r} must be a non-empty list of distinct unit types {sorted(UNIT_TYPES)}")
    if r.get("authority") not in ("central", "local"):
        problem(f"{w}: authority must be central or local")
    if r.get("period") not in PERIODS:
        problem(f"{w}: period {r.get('period')!r}")
    for k in ("effective_from", "effective_until"):
        if k in r and type(r[k]) is not dt.date:
            problem(f"{w}: {k} must be a TOML local date")
    kind = r.get("kind")
    if kind == "cadence":
        t = r.get("target")
        if type(t) is not int or t < 1:
            problem(f"{w}: cadence needs an integer target >= 1")
        if "due" in r:
            problem(f"{w}: cadence rule with due")
        tags = set()
        for q in r.get("quotas", []):
            if not isinstance(q, dict) or q.keys() - {"tag", "min", "label"} or "tag" not in q or "min" not in q:
                problem(f"{w}: bad quota {q!r}")
                continue
            if not ID_RE.match(str(q["tag"])) or q["tag"] in tags:
                problem(f"{w}: bad or repeated quota tag {q['tag']!r}")
            tags.add(q["tag"])
            if type(q["min"]) is not int or q["min"] < 1 or (type(t) is int and q["min"] > t):
                problem(f"{w}: quota {q['tag']} min {q['min']!r} must be 1..target")
    elif kind == "deadline":
        for k in ("target", "quotas", "plan"):
            if k in r:
                problem(f"{w}: deadline rule with {k}")
        due = r.get("due")
        if not isinstance(due, dict) or due.get("from") not in ("start", "end") \
                or len(due.keys() & {"workdays", "days"}) != 1 or due.keys() - {"from", "workdays", "days"}:
            problem(f"{w}: due must be {{ from = start|end, workdays = N | days = N }}")
        else:
            n = due.get("workdays", due.get("days"))
            if type(n) is not int or n < 0 or (due["from"] == "start" and "workdays" in due and n < 1):
                problem(f"{w}: due offset {n!r}")
    else:
        problem(f"{w}: kind {kind!r}")
    plan = r.get("plan")
    if plan is not None:
        if plan.keys() - {"weekday", "time", "duration", "window"}:
            problem(f"{w}: plan keys {sorted(plan.keys())}")
        if "weekday" in plan and plan["weekday"] not in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"):
            problem(f"{w}: plan.weekday {plan['weekday']!r}")
        if "time" in plan and not re.match(r"^([01]\d|2[0-3]):[0-5]\d$", str(plan["time"])):
            problem(f"{w}: plan.time {plan['time']!r}")
        if "duration" in plan and not ISO_DURATION.match(str(plan["duration"])):
            problem(f"{w}: plan.duration {plan['duration']!r}")
        if "window" in plan:
            lint_window(w, r, plan["window"])
    rem = r.get("remind")
    if rem is not None:
        if rem.keys() - {"before", "escalate_after_workdays"}:
            problem(f"{w}: remind keys {sorted(rem.keys())}")
        for b in rem.get("before", []):
            if not ISO_DURATION.match(str(b)):
                problem(f"{w}: remind.before {b!r}")
        e = rem.get("escalate_after_workdays")
        if e is not None and (type(e) is not int or e < 0):
            problem(f"{w}: escalate_after_workdays {e!r}")


def month_day(text):
    """(month, day) of an "MM-DD" that every year has (02-29 is refused), else None."""
    m = re.fullmatch(r"(\d{2})-(\d{2})", text) if isinstance(text, str) else None
    if not m or (m[1], m[2]) == ("02", "29"):
        return None
    try:
        dt.date(2001, int(m[1]), int(m[2]))
    except ValueError:
        return None
    return int(m[1]), int(m[2])


def lint_window(w, r, window):
    if r.get("kind") != "cadence" or r.get("period") != "year":
        problem(f"{w}: plan.window only on a cadence rule with period = year")
    ends = [month_day(x) for x in window] if isinstance(window, list) and len(window) == 2 else [None]
    if None in ends:
        problem(f"{w}: plan.window {window!r} must be two month-days [\"MM-DD\", \"MM-DD\"]")
    elif ends[1] < ends[0]:
        problem(f"{w}: plan.window {window!r} ends before it starts")


def window_dates(rule, year):
    """The plan window of a rule in `year` as (first, last) dates, or None without one."""
    window = rule.get("plan", {}).get("window")
    if not window:
        return None
    (m1, d1), (m2, d2) = month_day(window[0]), month_day(window[1])
    return dt.date(year, m1, d1), dt.date(year, m2, d2)


def lint_windows_on_calendar(rules, is_workday, years):
    for rule in rules.values():
        for y in sorted(years):
            span = window_dates(rule, y) if month_day_ok(rule) else None
            if span and not any(is_workday(span[0] + dt.timedelta(days=i))
                                for i in range((span[1] - span[0]).days + 1)):
                problem(f"{rule['_file']} {rule['id']}: plan.window has no workday in {y}")


def month_day_ok(rule):
    window = rule.get("plan", {}).get("window")
    return bool(window) and isinstance(window, list) and len(window) == 2 and None not in map(month_day, window)


# --- calendar and periods ---------------------------------------------------------------
def load_calendar(cal_dir: Path):
    off, makeup, years = set(), set(), set()
    for p in cal_dir.glob("holidays-*.toml"):
        doc = tomllib.loads(p.read_text(encoding="utf-8"))
        years.add(doc["year"])
        for h in doc["holiday"]:
            off.update(h["off"])
            makeup.update(h["makeup"])

    def is_workday(d):
        return d in makeup or (d.weekday() < 5 and d not in off)
    is_workday.years = years
    return is_workday


def period_of(kind, d):
    if kind == "year":
        return f"{d.year}"
    if kind == "half":
        return f"{d.year}-H{1 if d.month <= 6 else 2}"
    if kind == "quarter":
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    if kind == "month":
        return f"{d.year}-{d.month:02d}"
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def period_bounds(pid):
    if re.fullmatch(r"\d{4}", pid):
        y = int(pid)
        return "year", dt.date(y, 1, 1), dt.date(y, 12, 31)
    m = re.fullmatch(r"(\d{4})-H([12])", pid)
    if m:
        y, h = int(m[1]), int(m[2])
        return "half", dt.date(y, 6 * h - 5, 1), (dt.date(y, 6, 30) if h == 1 else dt.date(y, 12, 31))
    m = re.fullmatch(r"(\d{4})-Q([1-4])", pid)
    if m:
        y, q = int(m[1]), int(m[2])
        a = dt.date(y, 3 * q - 2, 1)
        b = dt.date(y + (q == 4), (3 * q) % 12 + 1, 1) - dt.timedelta(days=1)
        return "quarter", a, b
    m = re.fullmatch(r"(\d{4})-(\d{2})", pid)
    if m and 1 <= int(m[2]) <= 12:
        y, mo = int(m[1]), int(m[2])
        return "month", dt.date(y, mo, 1), dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1)
    m = re.fullmatch(r"(\d{4})-W(\d{2})", pid)
    if m:
        a = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return "week", a, a + dt.timedelta(days=6)
    return None


# --- demo data --------------------------------------------------------------------------
def read_csv(path, header):
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        problem(f"{path.name}: starts with a UTF-8 BOM")
    rows = list(csv.reader(raw.decode("utf-8").splitlines()))
    if not rows or rows[0] != header:
        problem(f"{path.name}: header {rows[0] if rows else None} != {header}")
        return []
    out = []
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            problem(f"{path.name}:{n}: {len(row)} fields")
            continue
        out.append((n, dict(zip(header, row))))
    return out


def parse_date(s):
    try:
        return dt.date.fromisoformat(s) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s) else None
    except ValueError:
        return None


def check_demo(rules, is_workday):
    units = {}
    for n, u in read_csv(HERE / "units.csv", UNIT_HEADER):
        w = f"units.csv:{n}"
        if u["id"] in units:
            problem(f"{w}: duplicate id {u['id']}")
        if not ID_RE.match(u["id"]):
            problem(f"{w}: id {u['id']!r}")
        if u["type"] not in UNIT_TYPES:
            problem(f"{w}: type {u['type']!r}")
        if not EMAIL_RE.match(u["secretary_email"]):
            problem(f"{w}: secretary_email {u['secretary_email']!r}")
        for e in filter(None, u["admin_emails"].split(";")):
            if not EMAIL_RE.match(e):
                problem(f"{w}: admin email {e!r}")
        if u["timezone"] not in ("", "Asia/Shanghai"):
            problem(f"{w}: timezone {u['timezone']!r}")
        for k in ("active_from", "active_until"):
            if u[k] and parse_date(u[k]) is None:
                problem(f"{w}: {k} {u[k]!r}")
        u["_from"] = parse_date(u["active_from"]) or dt.date.min
        u["_until"] = parse_date(u["active_until"]) or dt.date.max
        units[u["id"]] = u
    roots = [u for u in units.values() if not u["parent"]]
    if len(roots) != 1:
        problem(f"units.csv: {len(roots)} roots")
    for u in units.values():
        seen, p = {u["id"]}, u["parent"]
        while p:
            if p not in units:
                problem(f"units.csv: {u['id']}: parent {p} does not exist")
                break
            if p in seen:
                problem(f"units.csv: cycle at {u['id']}")
                break
            seen.add(p)
            p = units[p]["parent"]

    size = (HERE / "records.csv").stat().st_size
    if size > MAX_RECORDS_BYTES:
        problem(f"records.csv is {size} bytes (> {MAX_RECORDS_BYTES})")
    records, seen_deadline, seen_exact = [], set(), set()
    for n, r in read_csv(HERE / "records.csv", RECORD_HEADER):
        w = f"records.csv:{n}"
        u, rule = units.get(r["unit"]), rules.get(r["rule"])
        if u is None or rule is None:
            problem(f"{w}: unknown unit {r['unit']!r} or rule {r['rule']!r}")
            continue
        if u["type"] not in rule["applies_to"]:
            problem(f"{w}: rule {rule['id']} does not apply to {u['type']} {u['id']}")
        d = parse_date(r["date"])
        if d is None:
            problem(f"{w}: date {r['date']!r}")
            continue
        if not (WINDOW[0] <= d <= WINDOW[1]):
            problem(f"{w}: date {d} outside {WINDOW[0]}..{WINDOW[1]}")
        if not is_workday(d):
            problem(f"{w}: {d} is not a workday")
        if not (u["_from"] <= d <= u["_until"]):
            problem(f"{w}: {d} outside the active range of {u['id']}")
        quota_tags = {q["tag"] for q in rule.get("quotas", [])}
        tags = [t for t in r["tags"].split(";") if t] if r["tags"] else []
        if len(set(tags)) != len(tags) or not set(tags) <= quota_tags:
            problem(f"{w}: tags {tags} not quota tags {sorted(quota_tags)} of {rule['id']}")
        pid = r["period"]
        if rule["kind"] == "deadline":
            b = period_bounds(pid) if pid else None
            if b is None or b[0] != rule["period"]:
                problem(f"{w}: deadline rule {rule['id']} needs a {rule['period']} period, got {pid!r}")
            elif (r["unit"], rule["id"], pid) in seen_deadline:
                problem(f"{w}: second record for {r['unit']} {rule['id']} {pid}")
            seen_deadline.add((r["unit"], rule["id"], pid))
        elif pid:
            b = period_bounds(pid)
            if b is None or b[0] != rule["period"] or not b[2] < d:
                problem(f"{w}: make-up period {pid!r} must be an earlier {rule['period']} than {d}")
        key = (r["unit"], r["rule"], r["date"], pid)
        if key in seen_exact:
            problem(f"{w}: duplicate record {key}")
        seen_exact.add(key)
        records.append(dict(r, _date=d))
    return units, records


# --- compliance sketch (design.md "Compliance") -------------------------------------------
def due_date(rule, start, end, is_workday):
    due = rule["due"]
    if "days" in due:
        return (start if due["from"] == "start" else end) + dt.timedelta(days=due["days"])
    n = due["workdays"]
    if due["from"] == "start":
        d, k = start, 0
        while True:
            if is_workday(d):
                k += 1
                if k == n:
                    return d
            d += dt.timedelta(days=1)
    if n == 0:
        d = end
        while not is_workday(d):
            d -= dt.timedelta(days=1)
        return d
    d, k = end, 0
    while k < n:
        d += dt.timedelta(days=1)
        k += is_workday(d)
    return d


def span_of(rule, start, end, a, b):
    """Where a rule is planned and measured: its plan window within the active part [a, b] of
    the period [start, end]; [a, b] itself without a window or when none of it is active."""
    window = window_dates(rule, start.year)
    if window:
        lo, hi = max(a, window[0], start), min(b, window[1], end)
        if lo <= hi:
            return lo, hi
    return a, b


def elapsed(rule, start, end, a, b, as_of, W):
    """design.md's elapsed fraction f as (part, whole): month-weighted for a whole quarter, half
    or year; otherwise workdays of the span (the active part, narrowed to the plan window);
    0 before the span, 1 after it; calendar days where a workday denominator would be 0."""
    lo, hi = span_of(rule, start, end, a, b)
    if as_of < lo:
        return 0, 1
    u = min(as_of, hi)
    if (lo, hi) == (start, end) and rule["period"] in ("year", "half", "quarter"):
        first = dt.date(u.year, u.month, 1)
        last = dt.date(u.year + (u.month == 12), u.month % 12 + 1, 1) - dt.timedelta(days=1)
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        full = (u.year - start.year) * 12 + u.month - start.month
        part, whole = W(first, u), W(first, last)
        if whole == 0:
            part, whole = (u - first).days + 1, (last - first).days + 1
        return full * whole + part, months * whole
    if W(lo, hi) == 0:
        return (u - lo).days + 1, (hi - lo).days + 1
    return W(lo, u), W(lo, hi)


def compliance(rules, units, records, as_of, is_workday, past_periods=False, numbers=None):
    """Statuses as `cadence check --as-of` would give them; with past_periods, instead every
    period of the as-of year that ended before as_of, for cadence rules of sub-year periods
    (what `cadence check --period ID` shows).  `numbers`, if given, receives
    {(unit, rule, period): (target, done, expected)} of the cadence results."""
    def W(a, b):
        return sum(1 for i in range((b - a).days + 1) if is_workday(a + dt.timedelta(days=i)))

    by = defaultdict(list)
    for r in records:
        by[(r["unit"], r["rule"])].append(r)

    def cadence(u, rule, pid):
        _, start, end = period_bounds(pid)
        a, b = max(start, u["_from"]), min(end, u["_until"])
        if a > b:
            return None
        if a > as_of:
            return "upcoming", None
        full, part = W(start, end), W(a, b)
        target = -(-rule["target"] * part // full)
        mins = {q["tag"]: -(-q["min"] * part // full) for q in rule.get("quotas", [])}
        recs = by[(u["id"], rule["id"])]
        plain = [r for r in recs if not r["period"] and a <= r["_date"] <= min(b, as_of)]
        made = [r for r in recs if r["period"] == pid and r["_date"] <= as_of]

        def tagged(rs, t):
            return sum(t in r["tags"].split(";") for r in rs)

        def sat(rs):
            return len(rs) >= target and all(tagged(rs, t) >= m for t, m in mins.items())
        el, tot = elapsed(rule, start, end, a, b, as_of, W)
        done = plain + made
        behind = len(done) < target * el // tot or any(tagged(done, t) < m * el // tot for t, m in mins.items())
        status = ("met" if sat(plain) else "made_up" if sat(done) else
                  "missed" if as_of > b else "behind" if behind else "on_track")
        if numbers is not None:
            numbers[(u["id"], rule["id"], pid)] = (target, len(done), target * el // tot)
        return status, f"{len(done)}/{target}" + "".join(f" {t} {tagged(done, t)}/{m}" for t, m in mins.items())

    def deadline(u, rule):
        if rule["due"]["from"] == "end":
            d = as_of
            while True:   # the latest period that ended before as_of
                pid = period_of(rule["period"], d)
                if period_bounds(pid)[2] < as_of:
                    break
                d = period_bounds(pid)[1] - dt.timedelta(days=1)
        else:
            pid = period_of(rule["period"], as_of)
        _, start, end = period_bounds(pid)
        due = due_date(rule, start, end, is_workday)
        if not (u["_from"] <= due <= u["_until"]):
            return None
        recs = [r for r in by[(u["id"], rule["id"])] if r["period"] == pid and r["_date"] <= as_of]
        if recs:
            status = "done" if min(r["_date"] for r in recs) <= due else "late"
        else:
            status = "overdue" if as_of > due else "pending"
        return pid, status, f"due {due}"

    results = []
    for u in units.values():
        for rule in rules.values():
            if u["type"] not in rule["applies_to"]:
                continue
            if past_periods:
                if rule["kind"] != "cadence" or rule["period"] == "year":
                    continue
                d = dt.date(as_of.year, 1, 1)
                pids = []
                while d <= as_of:
                    pid = period_of(rule["period"], d)
                    if period_bounds(pid)[2] < as_of and pid not in pids:
                        pids.append(pid)
                    d += dt.timedelta(days=1)
                for pid in pids:
                    res = cadence(u, rule, pid)
                    if res:
                        results.append((u["id"], rule["id"], pid) + res)
            elif rule["kind"] == "cadence":
                pid = period_of(rule["period"], as_of)
                res = cadence(u, rule, pid)
                if res:
                    results.append((u["id"], rule["id"], pid) + res)
            else:
                res = deadline(u, rule)
                if res:
                    results.append((u["id"], rule["id"]) + res)
    return results


# --- plans (design.md "Planning") ---------------------------------------------------------
def periods_starting_in(kind, year):
    if kind == "year":
        return [f"{year}"]
    if kind == "half":
        return [f"{year}-H1", f"{year}-H2"]
    if kind == "quarter":
        return [f"{year}-Q{q}" for q in range(1, 5)]
    if kind == "month":
        return [f"{year}-{m:02d}" for m in range(1, 13)]
    weeks, d = [], dt.date(year, 1, 1)
    while d.year == year:
        if d.weekday() == 0:
            weeks.append(period_of("week", d))
        d += dt.timedelta(days=1)
    return weeks


def plan(rules, u, year, is_workday):
    """The slots `cadence plan --unit U --year Y` suggests: [(rule, period, slot, date, tags)]."""
    def W(a, b):
        return sum(1 for i in range((b - a).days + 1) if is_workday(a + dt.timedelta(days=i)))
    weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    slots = []
    for rule in rules.values():
        if rule["kind"] != "cadence" or u["type"] not in rule["applies_to"]:
            continue
        for pid in periods_starting_in(rule["period"], year):
            _, start, end = period_bounds(pid)
            if not (rule.get("effective_from", dt.date.min) <= start <= rule.get("effective_until", dt.date.max)):
                continue
            a, b = max(start, u["_from"]), min(end, u["_until"])
            if a > b:
                continue
            full, part = W(start, end), W(a, b)
            n = -(-rule["target"] * part // full) if (a, b) != (start, end) else rule["target"]
            lo, hi = span_of(rule, start, end, a, b)
            every = [lo + dt.timedelta(days=i) for i in range((hi - lo).days + 1)]
            days = [d for d in every if is_workday(d)] or every
            m, first, dates = len(days), 0, []
            wanted = weekdays.index(rule["plan"]["weekday"]) if "weekday" in rule.get("plan", {}) else None
            for k in range(n):
                if m >= n:
                    group = days[first:first + m // n + (1 if k < m % n else 0)]
                    first += len(group)
                    dates.append(next((d for d in group if d.weekday() == wanted), group[0]))
                else:
                    dates.append(days[min(k, m - 1)])
            tags = [[] for _ in range(n)]
            for q in rule.get("quotas", []):
                qm = -(-q["min"] * part // full) if (a, b) != (start, end) else q["min"]
                for j in range(1, qm + 1):
                    tags[-(-j * n // qm) - 1].append(q["tag"])
            slots += [(rule["id"], pid, k + 1, dates[k], tags[k]) for k in range(n)]
    return slots


# --- cross-checks against the outputs of the C++ implementation ----------------------------
def compare_check(path, rules, units, records, is_workday):
    """Compares `cadence check --format json` output with this sketch; returns the problems."""
    import json
    doc = json.loads(Path(path).read_text(encoding="utf-8"))
    as_of = dt.date.fromisoformat(doc["as_of"])
    numbers = {}
    ours = {(uid, rid, pid): st for uid, rid, pid, st, _ in
            compliance(rules, units, records, as_of, is_workday, numbers=numbers)}
    diffs = []
    for r in doc["results"]:
        key = (r["unit"], r["rule"], r["period"])
        if key not in ours:
            diffs.append(f"{path}: {key} not expected here")
        elif ours[key] != r["status"]:
            diffs.append(f"{path}: {key} status {r['status']}, expected {ours[key]}")
        elif key in numbers and numbers[key] != (r["target"], r["done"], r["expected"]) and r["status"] != "upcoming":
            diffs.append(f"{path}: {key} target/done/expected {(r['target'], r['done'], r['expected'])}, "
                         f"expected {numbers[key]}")
    if len(doc["results"]) != len(ours):
        diffs.append(f"{path}: {len(doc['results'])} results, expected {len(ours)}")
    return diffs, len(doc["results"])


def compare_plan(path, rules, units, is_workday):
    """Compares `cadence plan --format json` output with this sketch; returns the problems."""
    import json
    doc = json.loads(Path(path).read_text(encoding="utf-8"))
    ours = [(rid, pid, k, str(d), t) for rid, pid, k, d, t in plan(rules, units[doc["unit"]], doc["year"], is_workday)]
    theirs = [(s["rule"], s["period"], s["slot"], s["date"], s["tags"]) for s in doc["slots"]]
    diffs = [f"{path}: slot {t}, expected {o}" for t, o in zip(theirs, ours) if t != o]
    if len(theirs) != len(ours):
        diffs.append(f"{path}: {len(theirs)} slots, expected {len(ours)}")
    return diffs, len(theirs)


def print_summary(title, res, units, bad=("behind", "missed", "made_up", "late", "overdue")):
    print(f"\n{title}")
    per_rule = defaultdict(Counter)
    for uid, rid, pid, st, _ in res:
        per_rule[(rid, pid)][st] += 1
    for (rid, pid), c in sorted(per_rule.items()):
        print(f"  {rid:32} {pid:8} " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    print("  not compliant, committee level and organs:")
    for uid, rid, pid, st, info in res:
        if st in bad and units[uid]["type"] != "branch":
            print(f"    {uid:14} {rid:32} {pid:8} {st:9} {info or ''}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--as-of", default="2026-11-20")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--check-json", nargs="*", default=[], metavar="FILE",
                    help="`cadence check --format json` outputs over the demo data to compare with")
    ap.add_argument("--plan-json", nargs="*", default=[], metavar="FILE",
                    help="`cadence plan --format json` outputs over the demo data to compare with")
    a = ap.parse_args()
    rules = lint_rules(REPO / "rules")
    is_workday = load_calendar(REPO / "calendars" / "cn")
    lint_windows_on_calendar(rules, is_workday, is_workday.years)
    units, records = check_demo(rules, is_workday)
    for p in problems:
        print("PROBLEM", p)
    print(f"{len(rules)} rules, {len(units)} units, {len(records)} records; {len(problems)} problem(s)")
    if (a.check_json or a.plan_json) and not problems:
        diffs = []
        for path in a.check_json:
            found, n = compare_check(path, rules, units, records, is_workday)
            diffs += found
            print(f"{path}: {n} results compared")
        for path in a.plan_json:
            found, n = compare_plan(path, rules, units, is_workday)
            diffs += found
            print(f"{path}: {n} slots compared")
        for d in diffs:
            print("DISAGREES", d)
        return 1 if diffs else 0
    if not a.quiet and not problems:
        as_of = dt.date.fromisoformat(a.as_of)
        res = compliance(rules, units, records, as_of, is_workday)
        print_summary(f"Current periods as of {as_of} (cadence check --as-of {as_of}):", res, units)
        past = compliance(rules, units, records, as_of, is_workday, past_periods=True)
        print_summary(f"Ended sub-year periods of {as_of.year} (cadence check --period ID):", past, units)
        print("\nBranches that are not compliant somewhere (current or ended periods):")
        worst = defaultdict(list)
        for uid, rid, pid, st, _ in res + past:
            if units[uid]["type"] == "branch" and st not in ("met", "on_track", "done", "pending", "upcoming"):
                worst[uid].append(f"{rid}@{pid}={st}")
        for uid in sorted(worst, key=lambda k: (-len(worst[k]), k))[:25]:
            print(f"  {uid:14} {len(worst[uid]):2}  {'; '.join(worst[uid])}")
        print(f"  ({len(worst)} of {sum(u['type'] == 'branch' for u in units.values())} branches)")
        per_parent = Counter(units[uid]["parent"] for uid in worst)
        print("  per parent unit: " + ", ".join(f"{p} {n}" for p, n in sorted(per_parent.items(), key=lambda x: (-x[1], x[0]))))
        print("\nSpecial units:")
        for uid in ("town-03-v14", "town-09-v05", "town-12-v08", "county-fgj-jg", "county-czj-zz"):
            bad = [f"{rid}@{pid}={st}" for u2, rid, pid, st, _ in res + past if u2 == uid
                   and st not in ("met", "on_track", "done", "pending")]
            print(f"  {uid:14} {'; '.join(bad) or 'all compliant'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
