#!/usr/bin/env bash
# Installs what is missing, then builds and runs every test three times: a normal build, the
# same build with the wall clock a year ahead (a test that depends on today's date fails here a
# year before it would on main), and a build under AddressSanitizer + UndefinedBehaviorSanitizer.
# After the first, the Debian package is built from the same build, installed, run and purged.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
# Test-side Node tools, pinned by their package-lock.json, never part of the build: ical.js reads
# our feeds; puppeteer-core drives chromium through the dashboard.
for tool in tests/ical/js:ical.js tests/web/browser:puppeteer-core; do
  dir=${tool%%:*}
  [[ -d $dir/node_modules/${tool#*:} ]] || (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
done

jobs=${JOBS:-2}
run_suite() {
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
  cmake --build "$dir" -j"$jobs"
  ctest --test-dir "$dir" -j"$jobs" --output-on-failure
}

echo "== build and test (RelWithDebInfo)"
run_suite build/test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCADENCE_BENCH=ON
echo "== the Debian package: build, dpkg -i, run as the cadence user, systemd-analyze verify, purge"
scripts/package-test.sh build/test
# The monotonic clock stays real: timeouts and the server's waits keep their length.
ahead="$(($(date -u +%Y) + 1))-$(date -u +%m-%d) 10:00:00"
[[ $ahead == *-02-29\ * ]] && ahead=${ahead/-02-29/-02-28}
echo "== the same tests with the wall clock at $ahead (faketime)"
FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f "@$ahead" ctest --test-dir build/test -j"$jobs" --output-on-failure
echo "== build and test under ASan + UBSan"
# Leaks inside Poco's PostgreSQL connector are suppressed, and only those (tests/support/lsan.supp).
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions=$PWD/tests/support/lsan.supp \
  run_suite build/sanitize -DCMAKE_BUILD_TYPE=Debug -DCADENCE_SANITIZE=ON -DCADENCE_BENCH=OFF
