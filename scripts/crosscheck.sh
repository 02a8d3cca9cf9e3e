#!/usr/bin/env bash
# Cross-checks the C++ implementation against demo/check.py, an independent sketch of
# design.md's formulas: loads the demo county into a scratch database, takes `cadence check`
# on dates before, inside and after the plan windows and `cadence plan` of units of every
# type, and lets check.py compare every status, target, done, expected and slot.
#   scripts/crosscheck.sh [path/to/cadence]   (default build/test/src/cli/cadence; Python >= 3.11 as $PYTHON or python3)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cadence=$(realpath "${1:-$repo/build/test/src/cli/cadence}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() { "$cadence" --db "$work/demo.db" --rules "$repo/rules" --calendars "$repo/calendars" "$@"; }

run units import "$repo/demo/units.csv" >/dev/null
run records import "$repo/demo/records.csv" >/dev/null
checks=() plans=()
for day in 2026-03-31 2026-05-29 2026-06-30 2026-07-31 2026-08-03 2026-11-20 2026-12-31; do
  run check --as-of "$day" --format json >"$work/check-$day.json" 2>/dev/null
  checks+=("$work/check-$day.json")
done
for unit in county town-07 town-07-v01 town-03-v14 town-09-v05 county-fgj county-fgj-jg county-czj-zz; do
  run plan --unit "$unit" --year 2026 --format json >"$work/plan-$unit.json" 2>/dev/null
  plans+=("$work/plan-$unit.json")
done
"${PYTHON:-python3}" "$repo/demo/check.py" --check-json "${checks[@]}" --plan-json "${plans[@]}"
