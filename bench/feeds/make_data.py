#!/usr/bin/env python3
"""Data for bench/feeds/run.sh (stdlib only).

make_data.py units OUT.csv N       N committee units u00001..uN under one root committee
                                   `root` (N+1 units in all; type committee: ~60 feed events each)
make_data.py big-rules OUT_DIR     a rules folder with one yearly cadence rule of target 490 for
                                   committees (~1,000 feed events: 490 in each of two years)
"""
import csv
import os
import sys


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


def main(argv):
    if len(argv) == 4 and argv[1] == "units":
        units(argv[2], int(argv[3]))
    elif len(argv) == 3 and argv[1] == "big-rules":
        big_rules(argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
