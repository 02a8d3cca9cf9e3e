#!/usr/bin/env bash
# Installs what is missing, builds Cadence, loads the demo county (demo/) into demo.db and
# shows what an administrator sees: compliance for the whole county, and one township's plan.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCADENCE_BENCH=OFF >/dev/null
cmake --build build/release -j"${JOBS:-2}"
cadence=build/release/src/cli/cadence
export CADENCE_DB=${CADENCE_DB:-demo.db}

$cadence rules lint
$cadence units import demo/units.csv
$cadence records import demo/records.csv
echo
$cadence check --as-of "${AS_OF:-2026-06-30}" --unit town-07
echo
$cadence plan --unit town-07 --year 2026
echo
echo "The demo database is $CADENCE_DB. Try:"
echo "  $cadence check --as-of 2026-06-30 | less -R        # every unit, and the roll-up per township"
echo "  $cadence check --as-of 2026-06-30 --format json   # the same for programs"
echo "  $cadence check --period 2026-Q1 --as-of 2026-06-30"
echo "  $cadence plan --unit town-01-v01 --year 2026"
