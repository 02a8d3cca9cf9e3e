#!/usr/bin/env python3
"""Data for bench/feeds/run.sh (stdlib only).

make_data.py units OUT.csv N       N committee units u00001..uN under one root committee
                                   `root` (N+1 units in all; type committee: ~60 feed events each)
make_data.py big-rules OUT_DIR     a rules folder with one yearly cadence rule of target 490 for
                                   committees (~1,000 feed events: 490 in each of two years)
make_data.py mirror BASE PATHS WWW for every path in the file PATHS (/feeds/<token>.ics), saves
                                   what BASE (http://host:port) serves there under WWW, so
                                   nginx can serve the same bytes
"""
import csv
import http.client
import os
import sys
import urllib.parse


def units(out, n):
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "parent", "name", "type", "secretary_email", "admin_emails", "timezone"])
        w.writerow(["root", "", "Bench root committee", "committee", "root@bench.example", "", "Asia/Shanghai"])
        for i in range(1, n + 1):
            uid = f"u{i:05d}"
            w.writerow([uid, "root", f"Bench committee {i}", "committee", f"{uid}@bench.example", "",
                        "Asia/Shanghai"])


BIG_RULE = """\
# One rule with many sessions a year, for a feed of ~1,000 events (bench/feeds/run.sh).
[[rule]]
id = "bench-frequent-session"
title = "Frequent session (benchmark)"
applies_to = ["committee"]
kind = "cadence"
period = "year"
target = 490

[rule.plan]
time = "09:00"
duration = "PT1H"
"""


def big_rules(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "bench-big.toml"), "w", encoding="utf-8") as f:
        f.write(BIG_RULE)


def mirror(base, paths_file, www):
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    with open(paths_file, encoding="utf-8") as f:
        paths = [line.strip() for line in f if line.strip()]
    for path in paths:
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
        if response.status != 200:
            sys.exit(f"mirror: {path}: HTTP {response.status}")
        target = os.path.join(www, path.lstrip("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as out:
            out.write(body)


def main(argv):
    if len(argv) == 4 and argv[1] == "units":
        units(argv[2], int(argv[3]))
    elif len(argv) == 3 and argv[1] == "big-rules":
        big_rules(argv[2])
    elif len(argv) == 5 and argv[1] == "mirror":
        mirror(argv[2], argv[3], argv[4])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
