#!/usr/bin/env python3
"""Generate the demo county: demo/units.csv and demo/records.csv.

    python3 demo/generate.py            # Python >= 3.11 (tomllib)

Deterministic: a fixed seed, no clock.  Reads the rule pack (rules/*.toml) only to check
that every record fits its rule, and the 2026 work calendar (calendars/cn/) so that every
record falls on a real Chinese workday (make-up Saturdays included, holidays excluded).
The scenario (who is behind, who is late) is described in demo/README.md; the names of
the special units are the constants below.  demo/check.py validates the output and prints
what `cadence check --as-of 2026-11-20` should roughly show.
"""
import csv
import datetime as dt
import random
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
YEAR = 2026
START = dt.date(YEAR, 1, 1)
AS_OF = dt.date(YEAR, 11, 20)      # the demo's "today": records stop here
SEED = 20261120

UNIT_HEADER = ["id", "parent", "name", "type", "secretary_email", "admin_emails", "timezone",
               "active_from", "active_until"]
RECORD_HEADER = ["unit", "rule", "date", "tags", "period", "note"]

TOWNS = ["青山镇", "白沙镇", "柳溪镇", "石门镇", "龙泉镇", "清河镇", "杨柳镇", "枫林镇",
         "大坪镇", "金竹乡", "松岭乡", "梅塘镇", "云台乡", "双河镇", "新桥镇"]
VILLAGES_PER_TOWN = [14] * 5 + [13] * 10          # 5*14 + 10*13 = 200

# --- the scenario ---------------------------------------------------------------------
WEAK_TOWN = "town-07"          # the seed's "xx镇…仅有5次，其中扩大学习仅有2次"
NEW_BRANCH = "town-03-v14"     # founded 2026-07-01
DISSOLVED_BRANCH = "town-09-v05"   # merged into a neighbour, last day 2026-03-31
PARALYSED_BRANCH = "town-12-v08"   # 软弱涣散: nothing recorded after mid-April
# 旁听 by the county 宣传部: the month of the observed session; towns not listed never had one.
# Mirrors seed 002 part 6: by the half-year inspection only 5 of 15 townships had been observed.
OBSERVED_MONTH = {"county": 5, "county-jgwg": 9, "county-fgj": 6,
                  "town-01": 4, "town-02": 5, "town-03": 6, "town-05": 3, "town-09": 6,
                  "town-04": 7, "town-15": 7, "town-08": 8, "town-06": 9, "town-11": 9,
                  "town-10": 10, "town-14": 10, "town-13": 11}
# months of the 中心组 sessions (a month listed twice has two sessions)
STUDY_MONTHS_DEFAULT = [1, 3, 3, 4, 5, 6, 7, 8, 9, 10, 11]
STUDY_MONTHS = {
    "town-01": [1, 2, 3, 3, 4, 5, 5, 6, 7, 8, 9, 9, 10, 11],      # the seed's model town (17 and 5)
    WEAK_TOWN: [1, 3, 4, 5, 6, 9, 11],                             # 5 by 06-30, then only 2
    "town-12": [1, 3, 4, 6, 7, 9, 10, 11],                         # 8: behind
}
EXPANDED_COUNT = {"town-01": 5, "town-12": 3}                     # default 4, spread out
EXPANDED_INDEXES = {WEAK_TOWN: [1, 3]}     # 2nd and 4th session: both expanded ones before 06-30
SPECIAL_REVIEW_MONTHS = {"town-01": [2, 6, 9], "town-11": [3], WEAK_TOWN: [4], "town-14": []}
ANALYSIS_MISSING = {("town-04", 1): dt.date(2026, 4, 14),         # Q1 made up in April
                    (WEAK_TOWN, 3): dt.date(2026, 10, 13),         # Q3 made up in October
                    ("town-12", 2): None}                           # Q2 never held
ANNUAL_PLAN_DATE = {WEAK_TOWN: dt.date(2026, 3, 10), "town-09": dt.date(2026, 2, 27),
                    "town-14": None}
STUDY_PLAN_DATE = {WEAK_TOWN: dt.date(2026, 3, 10), "town-12": dt.date(2026, 2, 4)}
H2_2025_REPORT_DATE = {"town-14": dt.date(2026, 1, 20)}            # the 2025 year-end report
H1_REPORT_DATE = {WEAK_TOWN: dt.date(2026, 7, 15), "town-12": dt.date(2026, 7, 10),
                  "town-14": None}
VOLUNTEER_MISSING = {"town-05": {2, 7, 8}, "town-10": {4, 8, 9, 10}, WEAK_TOWN: {2, 5, 8}}
NO_SECRETARY_LECTURE = {WEAK_TOWN, "town-14"}
# branches
MEMBERS_MEETING_MAKEUP = ["town-02-v03", "town-06-v07", "town-11-v02", "town-15-v10"]  # Q1 in April
THEME_DAY_FEB_MAKEUP = ["town-04-v02", "town-08-v05", "town-13-v01", "town-13-v09"]    # Feb in March
THEME_DAY_GAPS = {"town-12-v03": {7, 8, 9}, "town-06-v11": {2, 3}, "town-02-v10": {8},
                  "town-10-v04": {1, 2, 6}}
BRANCH_H1_LATE = {"town-07-v02": dt.date(2026, 7, 20), "town-12-v05": dt.date(2026, 7, 14)}
BRANCH_H1_NONE = {"town-07-v09", PARALYSED_BRANCH}
PATCHY_SHARE = {WEAK_TOWN: 0.5}          # default 0.1 of the other villages
# theory study months where the story needs them (others: 8-9 sessions, patchy 5-6)
THEORY_MONTHS = {"county-czj-zz": [1, 3, 5, 7, 9, 10],        # 6 of 8: behind
                 NEW_BRANCH: [7, 8, 9, 10, 11],                # prorated target 5 (founded 07-01)
                 DISSOLVED_BRANCH: [1, 3]}                     # prorated target 2 (until 03-31)
# units whose story must not be blurred by random gaps
NEVER_PATCHY = ({NEW_BRANCH, DISSOLVED_BRANCH, PARALYSED_BRANCH, "county-fgj-jg", "county-czj-zz"}
                | set(MEMBERS_MEETING_MAKEUP) | set(THEME_DAY_FEB_MAKEUP) | set(THEME_DAY_GAPS)
                | set(BRANCH_H1_LATE))


# --- calendar ---------------------------------------------------------------------------
def load_workdays(year: int) -> list[dt.date]:
    off, makeup = set(), set()
    for y in (year, year + 1):
        p = REPO / "calendars" / "cn" / f"holidays-{y}.toml"
        if p.exists():
            doc = tomllib.loads(p.read_text(encoding="utf-8"))
            for h in doc["holiday"]:
                off.update(h["off"])
                makeup.update(h["makeup"])
    day, out = dt.date(year, 1, 1), []
    while day.year == year:
        if day in makeup or (day.weekday() < 5 and day not in off):
            out.append(day)
        day += dt.timedelta(days=1)
    return out


WORKDAYS = load_workdays(YEAR)
WEEKDAY = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4}


def month_range(m: int) -> tuple[dt.date, dt.date]:
    nxt = dt.date(YEAR + (m == 12), m % 12 + 1, 1)
    return dt.date(YEAR, m, 1), nxt - dt.timedelta(days=1)


def quarter_range(q: int) -> tuple[dt.date, dt.date]:
    return month_range(3 * q - 2)[0], month_range(3 * q)[1]


def workdays(a: dt.date, b: dt.date) -> list[dt.date]:
    return [d for d in WORKDAYS if a <= d <= b]


class Picker:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def day(self, a, b, weekday=None, p=0.6, first=False):
        """A workday in [a, b]: with probability p one on `weekday` (the first such when
        `first`), else any."""
        days = workdays(a, b)
        if not days:
            return None
        if weekday is not None and self.rng.random() < p:
            same = [d for d in days if d.weekday() == WEEKDAY[weekday]]
            if same:
                return same[0] if first else self.rng.choice(same)
        return self.rng.choice(days)

    def chance(self, p):
        return self.rng.random() < p

    def sample(self, seq, k):
        return self.rng.sample(list(seq), k)

    def choice(self, seq):
        return self.rng.choice(list(seq))


# --- units ------------------------------------------------------------------------------
def village_names() -> list[str]:
    prefixes = list("柳桃石杨李高新东西南北上下大小黄白红龙凤马金花竹松梅荷杉桂樟")
    suffixes = list("树园桥湾坪塘冲岭山坡河溪庄岗坝田林寨铺")
    combos = [p + s for p in prefixes for s in suffixes if p != s]
    combos += [s + "家" for s in "李张王刘陈周吴赵孙胡"]
    bad = {"小树", "下树", "上树", "大树", "北山", "上田", "下田"}  # odd or too generic
    combos = [c for c in combos if c not in bad and c != "柳树"]
    random.Random(SEED).shuffle(combos)
    return ["柳树"] + combos          # town-01-v01 is 青山镇柳树村


def build_units() -> list[dict]:
    def unit(uid, parent, name, typ, sec, admins, tz="Asia/Shanghai", af="", au=""):
        return dict(id=uid, parent=parent, name=name, type=typ, secretary_email=sec,
                    admin_emails=";".join(admins), timezone=tz, active_from=af, active_until=au)

    units = [unit("county", "", "中共某县委员会", "committee", "secretary@county.example.cn",
                  ["zuzhibu@county.example.cn", "xuanchuanbu@county.example.cn"])]
    for i, town in enumerate(TOWNS, start=1):
        tid = f"town-{i:02d}"
        units.append(unit(tid, "county", f"{town}党委", "committee", f"secretary@{tid}.example.cn",
                          [f"zuzhi@{tid}.example.cn", f"xuanchuan@{tid}.example.cn"]))
    # organs: the county's 直属机关工委 (a 党工委), a bureau's 党组, and two 机关 branches
    units += [
        unit("county-jgwg", "county", "中共某县县直机关工作委员会", "working-committee",
             "secretary@jgwg.county.example.cn", ["admin@jgwg.county.example.cn"]),
        unit("county-fgj", "county", "中共某县发展和改革局党组", "party-group",
             "secretary@fgj.county.example.cn", ["dangban@fgj.county.example.cn"]),
        unit("county-fgj-jg", "county-jgwg", "某县发展和改革局机关党支部", "branch",
             "jgdzb@fgj.county.example.cn", ["admin@jgwg.county.example.cn"]),
        unit("county-czj-zz", "county-jgwg", "某县财政局机关党总支", "general-branch",
             "jgdzz@czj.county.example.cn", ["admin@jgwg.county.example.cn"]),
    ]
    names = iter(village_names())
    for i, (town, n) in enumerate(zip(TOWNS, VILLAGES_PER_TOWN), start=1):
        tid = f"town-{i:02d}"
        for v in range(1, n + 1):
            vid = f"{tid}-v{v:02d}"
            name = next(names)
            while name in town:
                name = next(names)
            units.append(unit(vid, tid, f"{town}{name}村党支部", "branch",
                              f"secretary@{vid}.example.cn", [f"dangwu@{vid}.example.cn"],
                              tz="Asia/Shanghai" if i <= 8 else "",   # towns 09-15: default zone
                              af="2026-07-01" if vid == NEW_BRANCH else "",
                              au="2026-03-31" if vid == DISSOLVED_BRANCH else ""))
    return units


# --- records ----------------------------------------------------------------------------
class Records:
    def __init__(self, units):
        self.rows = []
        self.active = {u["id"]: (dt.date.fromisoformat(u["active_from"]) if u["active_from"] else START,
                                 dt.date.fromisoformat(u["active_until"]) if u["active_until"] else dt.date(YEAR, 12, 31))
                       for u in units}

    def add(self, unit, rule, date, tags=(), period="", note=""):
        if date is None or date > AS_OF:
            return
        lo, hi = self.active[unit]
        if not (lo <= date <= hi):
            return
        assert date in WORKDAYS_SET, (unit, rule, date)
        self.rows.append([unit, rule, date.isoformat(), ";".join(tags), period, note])


WORKDAYS_SET = set(WORKDAYS)

STUDY_TOPICS = ["专题学习党的创新理论", "专题学习意识形态工作责任制", "专题学习全国两会精神",
                "专题学习党纪党规", "专题学习乡村振兴政策", "专题学习安全生产和防汛",
                "专题学习民族宗教政策", "专题学习宪法和法治建设", "专题学习生态文明建设",
                "专题学习网络意识形态工作"]
THEME_DAY_NOTES = {1: "新年第一课", 3: "学雷锋志愿服务", 4: "4·15全民国家安全教育日",
                   5: "学习五四精神", 6: "防汛安全宣传", 7: "七一重温入党誓词",
                   8: "走访慰问老党员", 9: "烈士纪念日缅怀先烈", 10: "学习国庆精神",
                   11: "宪法宣传进村组"}


def committee_records(r: Records, uid: str, pk: Picker):
    # 理论学习中心组
    months = STUDY_MONTHS.get(uid, STUDY_MONTHS_DEFAULT)
    dates = []
    for m in sorted(set(months)):
        a, b = month_range(m)
        chosen = set()
        for _ in range(months.count(m)):
            for _try in range(20):
                d = pk.day(a, min(b, AS_OF), "thu", p=0.7)
                if d not in chosen:
                    break
            chosen.add(d)
        dates += sorted(d for d in chosen if d is not None)
    dates = [d for d in dates if d <= AS_OF]
    n_exp = EXPANDED_COUNT.get(uid, 4)
    # spread the expanded sessions over the year: every k-th session
    idx = [round((j + 0.5) * len(dates) / n_exp) for j in range(n_exp)] if n_exp else []
    idx = sorted({min(i, len(dates) - 1) for i in idx})
    idx = EXPANDED_INDEXES.get(uid, idx)
    obs_m = OBSERVED_MONTH.get(uid)
    for i, d in enumerate(dates):
        tags = ["expanded"] if i in idx else []
        note = pk.choice(STUDY_TOPICS)
        if obs_m is not None and d.month == obs_m and not any("observed" in row[3] for row in r.rows if row[0] == uid and row[1] == "study-group-session"):
            tags.append("observed")
            note += ("；市委巡听旁听组旁听" if uid == "county" else "；县委宣传部旁听")
        if "expanded" in tags and "observed" not in tags:
            note += ("；扩大到村（社区）党组织书记" if uid.startswith("town") else
                     "；扩大到县直单位主要负责人" if uid == "county" else "；扩大到中层干部")
        r.add(uid, "study-group-session", d, tags, note=note)

    # 专题研究意识形态工作 (2 a year)
    for m in SPECIAL_REVIEW_MONTHS.get(uid, [pk.choice([2, 3, 4]), pk.choice([7, 8, 9])]):
        r.add(uid, "ideology-special-review", pk.day(*month_range(m), "tue"), note="党委会专题研究意识形态工作")

    # 分析研判会 (quarterly)
    for q in (1, 2, 3, 4):
        a, b = quarter_range(q)
        if (uid, q) in ANALYSIS_MISSING:
            late = ANALYSIS_MISSING[(uid, q)]
            if late is not None:
                r.add(uid, "ideology-analysis-meeting", late, period=f"{YEAR}-Q{q}",
                      note=f"补开{q}季度分析研判会")
            continue
        if q == 4 and pk.chance(0.5):
            continue          # Q4 not held yet on 2026-11-20: still on track
        last_month = month_range(3 * q)
        r.add(uid, "ideology-analysis-meeting", pk.day(*last_month, "wed"))

    # 年度意识形态工作要点, 中心组年度学习计划 (due 2026-01-29)
    due_window = (dt.date(YEAR, 1, 5), dt.date(YEAR, 1, 29))
    d = ANNUAL_PLAN_DATE.get(uid, pk.day(*due_window))
    r.add(uid, "annual-ideology-plan", d, period=str(YEAR),
          note="逾期印发" if d and d > due_window[1] else "")
    d = STUDY_PLAN_DATE.get(uid, pk.day(*due_window))
    r.add(uid, "study-group-annual-plan", d, period=str(YEAR),
          note="逾期制定" if d and d > due_window[1] else "")

    # 年终报告 for 2025 (= the 2025-H2 report, due 2026-01-08), filed in January 2026
    d = H2_2025_REPORT_DATE.get(uid, pk.day(dt.date(YEAR, 1, 4), dt.date(YEAR, 1, 8)))
    r.add(uid, "half-year-report", d, period=f"{YEAR - 1}-H2",
          note="2025年度意识形态工作报告" + ("（逾期）" if d > dt.date(YEAR, 1, 8) else ""))

    # 半年报告 (H1 due 2026-07-07)
    d = H1_REPORT_DATE.get(uid, pk.day(dt.date(YEAR, 6, 29), dt.date(YEAR, 7, 7)))
    r.add(uid, "half-year-report", d, period=f"{YEAR}-H1",
          note="逾期报送" if d and d > dt.date(YEAR, 7, 7) else "")

    # 书记讲党课 (around 七一, or in spring)
    if uid not in NO_SECRETARY_LECTURE:
        if pk.chance(0.7):
            d = pk.day(dt.date(YEAR, 6, 24), dt.date(YEAR, 7, 3))
            note = "七一专题党课"
        else:
            d = pk.day(dt.date(YEAR, 3, 2), dt.date(YEAR, 4, 30), "tue")
            note = "专题党课"
        r.add(uid, "secretary-party-lecture", d, note=note)

    # 志愿服务 (committees only: townships and the county)
    if uid == "county" or uid.startswith("town-"):
        missing = VOLUNTEER_MISSING.get(uid, set())
        for m in range(1, 12):
            if m not in missing:
                r.add(uid, "volunteer-service", pk.day(*month_range(m), "fri"))

    if uid == "county-fgj":
        r.add(uid, "organ-cadre-assembly", dt.date(YEAR, 1, 23), note="年度工作会议暨机关党员干部大会")


def branch_records(r: Records, uid: str, pk: Picker, patchy: bool, typ: str):
    until = dt.date(YEAR, 4, 15) if uid == PARALYSED_BRANCH else AS_OF
    gaps = set(THEME_DAY_GAPS.get(uid, set()))
    small_gaps = set()
    if patchy:
        gaps |= set(pk.sample(range(1, 11), pk.choice([1, 2, 3])))
        small_gaps = set(pk.sample(range(1, 11), pk.choice([1, 2])))

    def add(rule, d, **kw):
        if d is not None and d <= until:
            r.add(uid, rule, d, **kw)

    for m in range(1, 12):
        a, b = month_range(m)
        # 支委会: early in the month, Mondays preferred
        if m not in small_gaps or typ == "general-branch":
            add("branch-committee-meeting", pk.day(a, a + dt.timedelta(days=20), "mon", p=0.5))
        if typ != "branch":
            continue
        # 党小组会
        if m not in small_gaps:
            add("party-small-group-meeting", pk.day(a + dt.timedelta(days=7), b, "wed", p=0.5))
        # 主题党日: the first Friday, as the planner suggests
        if m == 2 and uid in THEME_DAY_FEB_MAKEUP:
            # made up early in March (Mon-Wed), before March's own first-Friday 主题党日
            add("theme-party-day", pk.day(dt.date(YEAR, 3, 2), dt.date(YEAR, 3, 4)), period=f"{YEAR}-02",
                note="补开：2月主题党日因春节顺延")
        elif m not in gaps:
            lo = dt.date(YEAR, 3, 5) if (m == 3 and uid in THEME_DAY_FEB_MAKEUP) else a
            d = pk.day(lo, a + dt.timedelta(days=13), "fri", p=0.75, first=True)
            add("theme-party-day", d, note=THEME_DAY_NOTES.get(m, "") if pk.chance(0.3) else "")

    if typ == "branch":
        for q in (1, 2, 3, 4):
            a, b = quarter_range(q)
            # 党员大会
            if q == 1 and uid in MEMBERS_MEETING_MAKEUP:
                add("branch-members-meeting", pk.day(dt.date(YEAR, 4, 7), dt.date(YEAR, 4, 24), "thu"),
                    period=f"{YEAR}-Q1", note="补开一季度党员大会")
            elif not (patchy and pk.chance(0.15)) and not (q == 4 and pk.chance(0.5)):
                add("branch-members-meeting", pk.day(a, b, "thu"))
            # 党课
            if not (patchy and pk.chance(0.2)) and not (q == 4 and pk.chance(0.4)):
                add("branch-party-lecture", pk.day(a, b, "tue"))
        # 谈心谈话, 组织生活会 + 民主评议 (mostly still to come in Q4/January)
        if pk.chance(0.6):
            add("heart-to-heart-talk", pk.day(dt.date(YEAR, 3, 1), AS_OF))
        if pk.chance(0.05):
            d = pk.day(dt.date(YEAR, 11, 2), AS_OF, "thu")
            add("organisation-life-meeting", d, note="年度组织生活会")
            add("member-appraisal", d, note="结合组织生活会开展")

    # 理论学习 (8 a year)
    if uid in THEORY_MONTHS:
        months = THEORY_MONTHS[uid]
    else:
        n = pk.choice([5, 6]) if patchy else pk.choice([8, 8, 9])
        months = sorted(pk.sample([1, 3, 4, 5, 6, 7, 8, 9, 10, 11], n))
    for m in months:
        add("branch-theory-study", pk.day(*month_range(m), "thu"))

    # 2025 year-end report (2025-H2, due 2026-01-08), filed in January 2026 by the branches
    # that existed then
    if uid != NEW_BRANCH:
        late = pk.chance(0.04)
        d = pk.day(dt.date(YEAR, 1, 9), dt.date(YEAR, 1, 23)) if late else pk.day(dt.date(YEAR, 1, 4), dt.date(YEAR, 1, 8))
        add("branch-half-year-report", d, period=f"{YEAR - 1}-H2", note="逾期报送" if late else "")

    if uid == DISSOLVED_BRANCH:
        # before the merger: the annual rules, prorated to one each for January-March
        add("heart-to-heart-talk", dt.date(YEAR, 3, 10), note="撤并前谈心谈话")
        add("organisation-life-meeting", dt.date(YEAR, 3, 19), note="撤并前召开组织生活会")
        add("member-appraisal", dt.date(YEAR, 3, 19), note="结合组织生活会开展")
        return

    # 半年报告 (H1 due 2026-07-07)
    if uid in BRANCH_H1_NONE:
        return
    if uid == NEW_BRANCH:
        d, note = dt.date(YEAR, 7, 6), "新成立支部首次报告"
    elif uid == "county-fgj-jg":
        d, note = dt.date(YEAR, 7, 2), ""        # like seed 000, dated 7月2日
    elif uid in BRANCH_H1_LATE:
        d, note = BRANCH_H1_LATE[uid], "逾期报送"
    elif pk.chance(0.06):
        d, note = pk.day(dt.date(YEAR, 7, 8), dt.date(YEAR, 7, 24)), "逾期报送"
    else:
        d, note = pk.day(dt.date(YEAR, 6, 26), dt.date(YEAR, 7, 7)), ""
    add("branch-half-year-report", d, period=f"{YEAR}-H1", note=note)


def main() -> int:
    units = build_units()
    pk = Picker(SEED)
    recs = Records(units)
    for u in units:
        uid, typ = u["id"], u["type"]
        if typ in ("committee", "party-group", "working-committee"):
            committee_records(recs, uid, pk)
        else:
            town = uid[:7]
            patchy = pk.chance(PATCHY_SHARE.get(town, 0.1)) and uid not in NEVER_PATCHY
            branch_records(recs, uid, pk, patchy, typ)
    order = {u["id"]: i for i, u in enumerate(units)}
    recs.rows.sort(key=lambda row: (order[row[0]], row[2], row[1], row[4]))

    with open(HERE / "units.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(UNIT_HEADER)
        for u in units:
            w.writerow([u[k] for k in UNIT_HEADER])
    with open(HERE / "records.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(RECORD_HEADER)
        w.writerows(recs.rows)
    print(f"wrote demo/units.csv ({len(units)} units) and demo/records.csv ({len(recs.rows)} records)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
