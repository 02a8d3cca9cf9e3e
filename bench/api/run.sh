#!/usr/bin/env bash
# The JSON API's compliance on the 100,000-unit province (SQLite):
#
#   bench/api/run.sh CADENCE_BINARY GENERATOR_BINARY [WORK_DIR]
#
# In WORK_DIR (default: a new mktemp -d) it writes the province (DATA_FROM=DIR reuses the
# units.csv and records.csv of an earlier run), imports it, adds an administrator of the
# province root with `cadence user add` and an API token with `cadence user token`, starts
# `cadence serve` on 127.0.0.1 port 0 (the port read from its log), and measures with wrk
# (-t2 -c8 -d$DURATION --latency, 8 concurrent clients):
#   GET /api/v1/units/c7/compliance?as_of=2026-11-20   (a county: 1 + 10 townships + ~989 branches)
# and, one request at a time, the province root's compliance (RUNS times, curl's total time).
# Results go to WORK_DIR/results.md (and stdout). Environment: RUNS (5), DURATION (10s), DATA_FROM.
set -euo pipefail

[[ $# -ge 2 && -x $1 && -x $2 ]] || { echo "usage: $0 CADENCE_BINARY GENERATOR_BINARY [WORK_DIR]" >&2; exit 2; }
command -v wrk >/dev/null || { echo "$0: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
BIN=$(readlink -f "$1")
GEN=$(readlink -f "$2")
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
T=${3:-$(mktemp -d /tmp/cadence-api-bench.XXXXXX)}
mkdir -p "$T"
T=$(cd "$T" && pwd)
RUNS=${RUNS:-5}
DURATION=${DURATION:-10s}
AS_OF=2026-11-20
DB=$T/province.db
RESULTS=$T/results.md
echo "work dir: $T" >&2

SERVE_PID=
cleanup() { [[ -n $SERVE_PID ]] && kill -TERM "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null; return 0; }
trap cleanup EXIT
cad() { "$BIN" --rules "$REPO/bench/rules" --calendars "$REPO/calendars" --db "$DB" "$@"; }

DATA=${DATA_FROM:-$T}
if [[ ! -f $DATA/records.csv ]]; then "$GEN" "$DATA" 100000 >&2; fi
if [[ ! -f $DB ]]; then
  cad units import "$DATA/units.csv" >&2
  cad records import "$DATA/records.csv" >&2
fi
ROOT=$(awk -F, 'NR == 2 { print $1 }' "$DATA/units.csv")
COUNTY=c7
cad user add bench-admin@example.org --unit "$ROOT" --role administrator </dev/null >&2 || true
TOKEN=$(cad user token bench-admin@example.org --label bench | tail -n 1)
cad serve --listen 127.0.0.1:0 2>"$T/serve.log" &
SERVE_PID=$!
for _ in $(seq 200); do grep -q "listening on" "$T/serve.log" && break; sleep 0.1; done
PORT=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$T/serve.log")
BASE=http://127.0.0.1:$PORT
AUTH="Authorization: Bearer $TOKEN"
units=$(curl -sf -H "$AUTH" "$BASE/api/v1/units/$COUNTY/tree" | grep -o '"id":' | wc -l)
: > "$RESULTS"
echo "county $COUNTY: $units units; province root $ROOT; as_of $AS_OF; commit $(git -C "$REPO" rev-parse --short HEAD)" | tee -a "$RESULTS"
curl -sf -H "$AUTH" "$BASE/api/v1/units/$COUNTY/compliance?as_of=$AS_OF" -o /dev/null  # warm the page cache
echo "wrk -t2 -c8 -d$DURATION --latency: GET /api/v1/units/$COUNTY/compliance" | tee -a "$RESULTS"
wrk -t2 -c8 -d"$DURATION" --latency -H "$AUTH" "$BASE/api/v1/units/$COUNTY/compliance?as_of=$AS_OF" | tee -a "$RESULTS"
# The server reads every record once at start (report/kept_records.h); the root is measured
# once that is done, as a dashboard used during the day finds it.
for _ in $(seq 600); do grep -q "kept for judging" "$T/serve.log" && break; sleep 0.1; done
grep "kept for judging" "$T/serve.log" | tee -a "$RESULTS"
echo "province root, one request at a time (s):" | tee -a "$RESULTS"
for _ in $(seq "$RUNS"); do
  curl -sf -H "$AUTH" -o /dev/null -w '%{time_total}\n' "$BASE/api/v1/units/$ROOT/compliance?as_of=$AS_OF"
done | tee -a "$RESULTS"
# What a dashboard's first visitor after a secretary's write waits for: each run writes one
# record (another process, as a secretary's page or the CLI would; a new note, so that it is a
# change also when the script runs again), then asks for the province root again.
UNIT=$(awk -F, 'NR == 2 { print $1 }' "$DATA/records.csv")
RULE=$(awk -F, 'NR == 2 { print $2 }' "$DATA/records.csv")
echo "province root, right after another process writes a record of $UNIT (s):" | tee -a "$RESULTS"
for i in $(seq "$RUNS"); do
  cad records add --unit "$UNIT" --rule "$RULE" --date 2026-11-02 --note "bench $(date +%s%N)" >/dev/null
  curl -sf -H "$AUTH" -o /dev/null -w '%{time_total}\n' "$BASE/api/v1/units/$ROOT/compliance?as_of=$AS_OF"
done | tee -a "$RESULTS"
