# Emails per day under the default rules for five million units (docs/scale.md, "Emails per day").
# Run from the repository root: /usr/bin/python3 bench/scale/emails_per_day.py
# Applies design.md "Reminders" and "Planning" to the 2026 national calendar; assumes no slot is done
# before its reminders (the upper bound) and counts no behind/escalation/missed/overdue notices.
import tomllib, glob, datetime as dt, collections, math
Y = 2026
off, makeup = set(), set()
for f in glob.glob('calendars/cn/holidays-*.toml'):
    d = tomllib.load(open(f, 'rb'))
    for h in d.get('holiday', []):
        off |= set(h.get('off', [])); makeup |= set(h.get('makeup', []))
def work(d): return d in makeup or (d.weekday() < 5 and d not in off)
def days(a, b):
    while a <= b:
        yield a; a += dt.timedelta(days=1)
def periods(p):
    if p == 'month': return [(dt.date(Y, m, 1), (dt.date(Y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))) for m in range(1, 13)]
    if p == 'quarter': return [(dt.date(Y, 3*q+1, 1), (dt.date(Y + (q == 3), (3*q+3) % 12 + 1, 1) - dt.timedelta(days=1))) for q in range(4)]
    if p == 'half': return [(dt.date(Y, 1, 1), dt.date(Y, 6, 30)), (dt.date(Y, 7, 1), dt.date(Y, 12, 31))]
    return [(dt.date(Y, 1, 1), dt.date(Y, 12, 31))]
WD = dict(mon=0, tue=1, wed=2, thu=3, fri=4, sat=5, sun=6)
def slots(r, a, b):
    w = r.get('plan', {}).get('window')
    if w:
        a = dt.date(Y, *map(int, w[0].split('-'))); b = dt.date(Y, *map(int, w[1].split('-')))
    ws = [d for d in days(a, b) if work(d)]; n = r['target']; m = len(ws); out = []
    if m < n: return ws + [ws[-1]] * (n - m)
    base, extra = divmod(m, n); i = 0
    for k in range(n):
        size = base + (1 if k < extra else 0); g = ws[i:i+size]; i += size
        wd = WD[r['plan']['weekday']]
        out.append(next((d for d in g if d.weekday() == wd), g[0]))
    return out
def lead_day(d, lead):
    x = d - dt.timedelta(days=int(lead[1:-1]))
    while not work(x): x -= dt.timedelta(days=1)
    return x
def due(r, a, b):
    dd = r['due']; n = dd['workdays']
    if dd['from'] == 'start':
        ws = [d for d in days(a, b) if work(d)]; return ws[n - 1]
    x = b; c = 0
    while True:
        x += dt.timedelta(days=1)
        if work(x):
            c += 1
            if c == n: return x
rules = [r for f in sorted(glob.glob('rules/*.toml')) for r in tomllib.load(open(f, 'rb'))['rule']]
# unit mix: the bench province (1,101 committees, 98,899 branches per 100,000) x 50
MIX = {'branch': 4_944_950, 'committee': 50_050}
per_type = collections.Counter(); per_day = collections.Counter(); sessions = collections.Counter(); dues = collections.Counter()
for t, count in MIX.items():
    for r in rules:
        if t not in r['applies_to']: continue
        for a, b in periods(r['period']):
            if r['kind'] == 'cadence':
                for s in slots(r, a, b):
                    sessions[t] += 1
                    for L in r['remind']['before']:
                        per_day[lead_day(s, L)] += count; per_type[t] += 1
            else:
                d = due(r, a, b); dues[t] += 1
                for L in r['remind']['before']:
                    per_day[lead_day(d, L)] += count; per_type[t] += 1
    # digests: secretaries monthly on the first workday; administrators weekly (committees)
    for m in range(1, 13):
        first = next(d for d in days(dt.date(Y, m, 1), dt.date(Y, m, 28)) if work(d)); per_day[first] += count
    if t == 'committee':
        for d in days(dt.date(Y, 1, 1), dt.date(Y, 12, 31)):
            if d.weekday() == 0 or (work(d) and all(not work(d - dt.timedelta(days=k)) for k in range(1, d.weekday() + 1))):
                if work(d): per_day[d] += count
print('sessions/yr', dict(sessions), 'deadlines/yr', dict(dues), 'reminder emails/yr per unit', dict(per_type))
tot = sum(v for d, v in per_day.items() if d.year == Y)
wd = sum(1 for d in days(dt.date(Y,1,1), dt.date(Y,12,31)) if work(d))
print('emails in', Y, tot, 'workdays', wd, 'mean per workday', tot // wd)
top = sorted(((v, d) for d, v in per_day.items() if d.year == Y), reverse=True)[:8]
for v, d in top: print(d, d.strftime('%a'), v)
