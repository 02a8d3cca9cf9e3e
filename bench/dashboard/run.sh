#!/usr/bin/env bash
# The dashboard's overview page (issue 13): server time and page weight.
#
#   bench/dashboard/run.sh CADENCE_BINARY GENERATOR_BINARY [WORK_DIR]
#
# It copies CADENCE_BINARY into WORK_DIR (default: a new mktemp -d) and runs the copy, so the
# binary may be rebuilt meanwhile. Two servers, one after the other, each `cadence serve` on
# 127.0.0.1 port 0 (the port read from its log), each page asked with an API token
# (`Authorization: Bearer`, as pages take it):
#  1. the demo county (demo/units.csv, demo/records.csv, rules/, a fresh SQLite file), as its
#     administrator zuzhibu@county.example.cn: the first request right after start (cold: the
#     report is computed, then kept under the change counters), the page weight (the overview's
#     HTML plus /static/cadence.css, curl's size_download), and with wrk (-t2 -c8 -d$DURATION
#     --latency, 8 concurrent clients)
#       GET /overview/county?as_of=2026-06-30
#       GET /overview/county?as_of=2026-06-30&status=behind&show=all
#  2. the 100,000-unit province (bench/rules), as an administrator of its root: wrk on the
#     overview of county c7 (~1,000 units, as_of 2026-11-20), then the root's overview one
#     request at a time, RUNS times (curl's total time, capped at ROOT_TIMEOUT seconds).
#     The province is PROVINCE_DB=FILE if given (copied into WORK_DIR with its -wal/-shm when
#     /tmp has room, else used in place), else WORK_DIR/province.db, imported from the
#     units.csv and records.csv of DATA_FROM=DIR (an earlier run) or generated.
# Results go to WORK_DIR/results.md (and stdout).
# Environment: RUNS (5), DURATION (10s), ROOT_TIMEOUT (120), DATA_FROM, PROVINCE_DB.
set -euo pipefail

[[ $# -ge 2 && -x $1 && -x $2 ]] || { echo "usage: $0 CADENCE_BINARY GENERATOR_BINARY [WORK_DIR]" >&2; exit 2; }
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
T=${3:-$(mktemp -d /tmp/cadence-dashboard-bench.XXXXXX)}
mkdir -p "$T"
T=$(cd "$T" && pwd)
cp "$1" "$T/cadence"  # the copy is what runs: the given binary may be rebuilt meanwhile
BIN=$T/cadence
GEN=$(readlink -f "$2")
RUNS=${RUNS:-5}
DURATION=${DURATION:-10s}
ROOT_TIMEOUT=${ROOT_TIMEOUT:-120}
RESULTS=$T/results.md
echo "work dir: $T" >&2

SERVE_PID=
stop_server() { [[ -n $SERVE_PID ]] && kill -TERM "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null; SERVE_PID=; return 0; }
trap stop_server EXIT
# start_server RULES DB LOG: `cadence serve` on a free port; sets SERVE_PID and BASE.
start_server() {
  "$BIN" --rules "$1" --calendars "$REPO/calendars" --db "$2" serve --listen 127.0.0.1:0 2>"$3" &
  SERVE_PID=$!
  for _ in $(seq 600); do grep -q "listening on" "$3" && break; sleep 0.1; done
  local port
  port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$3")
  [[ -n $port ]] || { echo "cadence serve did not start, see $3" >&2; exit 1; }
  BASE=http://127.0.0.1:$port
}
# get PATH: prints "HTTP_CODE TIME_TOTAL SIZE_DOWNLOAD" of one request (never fails).
get() { curl -s -m "$ROOT_TIMEOUT" -H "$AUTH" -o /dev/null -w '%{http_code} %{time_total} %{size_download}\n' "$BASE$1" || true; }
# bench PATH: wrk with 8 concurrent clients.
bench() {
  echo "wrk -t2 -c8 -d$DURATION --latency: GET $1" | tee -a "$RESULTS"
  wrk -t2 -c8 -d"$DURATION" --latency -H "$AUTH" "$BASE$1" | tee -a "$RESULTS"
}
peak_rss() { awk '/VmHWM/ { print $2 / 1024 " MiB" }' "/proc/$SERVE_PID/status" 2>/dev/null || echo "?"; }

: > "$RESULTS"
echo "commit $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- src || echo ' (src/ modified)'); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)" | tee -a "$RESULTS"

# 1. The demo county.
DEMO_DB=$T/demo.db
rm -f "$DEMO_DB" "$DEMO_DB-wal" "$DEMO_DB-shm"
demo() { "$BIN" --rules "$REPO/rules" --calendars "$REPO/calendars" --db "$DEMO_DB" "$@"; }
demo units import "$REPO/demo/units.csv" >&2
demo records import "$REPO/demo/records.csv" >&2
demo user add zuzhibu@county.example.cn --unit county --role administrator </dev/null >&2
TOKEN=$(demo user token zuzhibu@county.example.cn --label bench | tail -n 1)
AUTH="Authorization: Bearer $TOKEN"
start_server "$REPO/rules" "$DEMO_DB" "$T/serve-demo.log"
PAGE="/overview/county?as_of=2026-06-30"
FILTERED="/overview/county?as_of=2026-06-30&status=behind&show=all"
units=$(curl -sf -H "$AUTH" "$BASE/api/v1/units/county/tree" | grep -o '"id":' | wc -l)
echo | tee -a "$RESULTS"
echo "## demo county: $units units (rules/), as_of 2026-06-30" | tee -a "$RESULTS"
echo "first request after start (code, s, bytes): $(get "$PAGE")" | tee -a "$RESULTS"
echo "again (code, s, bytes): $(get "$PAGE")" | tee -a "$RESULTS"
echo "filtered, first (code, s, bytes): $(get "$FILTERED")" | tee -a "$RESULTS"
html=$(curl -sf -H "$AUTH" -o "$T/overview-county.html" -w '%{size_download}' "$BASE$PAGE")
css=$(curl -sf -o "$T/cadence.css" -w '%{size_download}' "$BASE/static/cadence.css")
filtered=$(curl -sf -H "$AUTH" -o "$T/overview-county-filtered.html" -w '%{size_download}' "$BASE$FILTERED")
echo "page weight: overview $html B + cadence.css $css B = $((html + css)) B (gzip -9 of the HTML: $(gzip -9c "$T/overview-county.html" | wc -c) B); filtered page $filtered B" | tee -a "$RESULTS"
bench "$PAGE"
bench "$FILTERED"
echo "server peak RSS: $(peak_rss)" | tee -a "$RESULTS"
stop_server

# 2. The province.
if [[ -n ${PROVINCE_DB:-} ]]; then
  [[ -f $PROVINCE_DB ]] || { echo "no $PROVINCE_DB" >&2; exit 2; }
  DATA=${DATA_FROM:-$(dirname "$PROVINCE_DB")}
  DB=$T/province.db
  if [[ $(readlink -f "$PROVINCE_DB") == "$(readlink -f "$DB")" ]]; then
    :
  else
    need=$(du -sk "$PROVINCE_DB" | cut -f1)
    room=$(df -Pk "$T" | awk 'NR == 2 { print $4 }')
    if (( room > 2 * need )); then
      echo "copying $PROVINCE_DB ($((need / 1024)) MiB) into $T" >&2
      rm -f "$DB" "$DB-wal" "$DB-shm"
      cp "$PROVINCE_DB" "$DB"
      for x in wal shm; do [[ -f $PROVINCE_DB-$x ]] && cp "$PROVINCE_DB-$x" "$DB-$x"; done
    else
      echo "not enough room to copy $PROVINCE_DB ($((need / 1024)) MiB, $((room / 1024)) MiB free): using it in place" >&2
      DB=$PROVINCE_DB
    fi
  fi
else
  DATA=${DATA_FROM:-$T}
  DB=$T/province.db
  if [[ ! -f $DB ]]; then
    if [[ ! -f $DATA/records.csv ]]; then "$GEN" "$DATA" 100000 >&2; fi
    cad_import() { "$BIN" --rules "$REPO/bench/rules" --calendars "$REPO/calendars" --db "$DB" "$@"; }
    cad_import units import "$DATA/units.csv" >&2
    cad_import records import "$DATA/records.csv" >&2
  fi
fi
cad() { "$BIN" --rules "$REPO/bench/rules" --calendars "$REPO/calendars" --db "$DB" "$@"; }
if [[ -f $DATA/units.csv ]]; then
  ROOT=$(awk -F, 'NR == 2 { print $1 }' "$DATA/units.csv")
else
  ROOT=$(sqlite3 -readonly "$DB" "SELECT id FROM units WHERE parent IS NULL ORDER BY key LIMIT 1")
fi
COUNTY=c7
AS_OF=2026-11-20
cad user add bench-admin@example.org --unit "$ROOT" --role administrator </dev/null >&2 || true
TOKEN=$(cad user token bench-admin@example.org --label bench | tail -n 1)
AUTH="Authorization: Bearer $TOKEN"
start_server "$REPO/bench/rules" "$DB" "$T/serve-province.log"
units=$(curl -sf -H "$AUTH" "$BASE/api/v1/units/$COUNTY/tree" | grep -o '"id":' | wc -l)
echo | tee -a "$RESULTS"
echo "## province ($DB, bench/rules): county $COUNTY of $units units; root $ROOT; as_of $AS_OF" | tee -a "$RESULTS"
echo "county $COUNTY, first request after start (code, s, bytes): $(get "/overview/$COUNTY?as_of=$AS_OF")" | tee -a "$RESULTS"
echo "county $COUNTY, again (code, s, bytes): $(get "/overview/$COUNTY?as_of=$AS_OF")" | tee -a "$RESULTS"
bench "/overview/$COUNTY?as_of=$AS_OF"
# Every record is read once at start (report/kept_records.h): the root is measured after that.
for _ in $(seq 600); do grep -q "kept for judging" "$T/serve-province.log" && break; sleep 0.1; done
grep "kept for judging" "$T/serve-province.log" | tee -a "$RESULTS"
echo "province root $ROOT, one request at a time, curl -m $ROOT_TIMEOUT (code, s, bytes; code 000 = cut off):" | tee -a "$RESULTS"
for _ in $(seq "$RUNS"); do get "/overview/$ROOT?as_of=$AS_OF"; done | tee -a "$RESULTS"
# The first visitor after a secretary's write: another process writes one record (a new note,
# so that it is a change also when the script runs again), then the root's overview is asked.
UNIT=$(awk -F, 'NR == 2 { print $1 }' "$DATA/records.csv" 2>/dev/null || true)
RULE=$(awk -F, 'NR == 2 { print $2 }' "$DATA/records.csv" 2>/dev/null || true)
if [[ -n $UNIT ]]; then
  echo "province root right after another process writes a record of $UNIT (code, s, bytes):" | tee -a "$RESULTS"
  for _ in $(seq "$RUNS"); do
    cad records add --unit "$UNIT" --rule "$RULE" --date 2026-11-02 --note "bench $(date +%s%N)" >/dev/null
    get "/overview/$ROOT?as_of=$AS_OF"
  done | tee -a "$RESULTS"
fi
echo "server peak RSS: $(peak_rss)" | tee -a "$RESULTS"
