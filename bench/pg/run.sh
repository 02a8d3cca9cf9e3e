#!/usr/bin/env bash
# PostgreSQL against SQLite on the 100,000-unit province, in one run:
#
#   bench/pg/run.sh CADENCE_BINARY GENERATOR_BINARY [WORK_DIR]
#
# GENERATOR_BINARY is cadence-bench-generate (CADENCE_BENCH=ON). In WORK_DIR (default: a new
# mktemp -d) it writes the province (100,000 units, 6.1 M records; DATA_FROM=DIR reuses the
# units.csv and records.csv of an earlier run), starts a throwaway PostgreSQL cluster that
# listens only on a Unix socket in WORK_DIR/pg (no TCP port; initdb --auth=trust, run as the
# postgres user when we are root; fsync and synchronous_commit left on, as SQLite's WAL with
# synchronous=FULL is), and then, for SQLite and for PostgreSQL:
#   - times `units import` and `records import` (/usr/bin/time: seconds, peak RSS);
#   - times `check --as-of 2026-11-20 --format json` for the whole province, RUNS times, and
#     `check --unit t5` (one township), RUNS times, and compares the outputs byte for byte;
#   - reports the database's size (SQLite file; pg_database_size and each relation);
#   - issues TOKENS branch feed tokens and measures feeds with wrk (-t2 -c64 -d$DURATION):
#     one branch's feed again and again (cached), TOKENS feeds in turn (cached), and one pass
#     over the TOKENS feeds on a fresh server (every request renders: the database's share).
#     Against one SQLite-backed instance, one PostgreSQL-backed instance and two
#     PostgreSQL-backed instances; for two, wrk runs against each at once (-t1 -c32 each, the
#     same threads and connections in all) and their requests/s are summed.
# Servers listen on 127.0.0.1 port 0 and the port is read from their log. Results go to
# WORK_DIR/results.md (and stdout). Environment: RUNS (3), TOKENS (200), DURATION (10s),
# DATA_FROM, KEEP=1 (leave the cluster and databases in WORK_DIR).
set -euo pipefail

[[ $# -ge 2 && -x $1 && -x $2 ]] || { echo "usage: $0 CADENCE_BINARY GENERATOR_BINARY [WORK_DIR]" >&2; exit 2; }
BIN=$(readlink -f "$1")
GEN=$(readlink -f "$2")
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
T=${3:-$(mktemp -d /tmp/cadence-pg-bench.XXXXXX)}
mkdir -p "$T"
T=$(cd "$T" && pwd)
RUNS=${RUNS:-3}
TOKENS=${TOKENS:-200}
DURATION=${DURATION:-10s}
AS_OF=2026-11-20
PGDIR=$T/pg
SQLITE_DB=$T/province.db
PG_DB="postgresql://postgres@/bench?host=$PGDIR"
RESULTS=$T/results.md
echo "work dir: $T" >&2

say() { echo "== $*" >&2; }
row() { echo "$*" | tee -a "$RESULTS"; }
as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -x $PGBIN/initdb ]] || { echo "no PostgreSQL server found (apt-get install postgresql)" >&2; exit 1; }

SERVE_PIDS=()
cleanup() {
  for pid in "${SERVE_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  if [[ -f $PGDIR/data/postmaster.pid ]]; then as_postgres "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true; fi
  if [[ ${KEEP:-0} != 1 ]]; then rm -rf "$PGDIR" "$SQLITE_DB" "$SQLITE_DB"-wal "$SQLITE_DB"-shm; fi
  return 0
}
trap cleanup EXIT

cad() { "$BIN" --rules "$REPO/bench/rules" --calendars "$REPO/calendars" "$@"; }
timed() {  # timed LABEL ARGS...: cadence ARGS with stdout to WORK_DIR/out-LABEL; prints "S s, M MB"
  local label=$1
  shift
  /usr/bin/time -f '%e %M' -o "$T/time.txt" "$BIN" --rules "$REPO/bench/rules" --calendars "$REPO/calendars" "$@" \
    >"$T/out-$label" 2>"$T/err-$label" ||
    { echo "failed: $*" >&2; cat "$T/err-$label" >&2; exit 1; }
  read -r secs kib <"$T/time.txt"
  echo "$secs s, $((kib / 1024)) MB"
}

# ---- data and databases ---------------------------------------------------------------------
DATA=${DATA_FROM:-$T/data}
if [[ ! -f $DATA/records.csv ]]; then
  say "generating the province in $DATA"
  mkdir -p "$DATA"
  "$GEN" "$DATA" 100000 >/dev/null
fi

say "starting PostgreSQL in $PGDIR (Unix socket only)"
rm -rf "$PGDIR" "$SQLITE_DB" "$SQLITE_DB"-wal "$SQLITE_DB"-shm
mkdir -p "$PGDIR"
[[ $(id -u) -eq 0 ]] && chown postgres: "$PGDIR"
as_postgres "$PGBIN/initdb" -D "$PGDIR/data" --auth=trust -U postgres -E UTF8 --locale=C.UTF-8 >"$T/initdb.log" 2>&1 ||
  { cat "$T/initdb.log" >&2; exit 1; }
as_postgres "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 start \
  -o "-c listen_addresses='' -c unix_socket_directories='$PGDIR' -c shared_buffers=1GB -c max_connections=200 -c max_wal_size=4GB" \
  >/dev/null || { cat "$PGDIR/server.log" >&2; exit 1; }
psql() { "$PGBIN/psql" -X -q -h "$PGDIR" -U postgres "$@"; }
psql -d postgres -c 'CREATE DATABASE bench'

{
  echo "# PostgreSQL and SQLite, 100,000 units"
  echo
  echo "commit $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet || echo ' (with uncommitted changes)'), $(date -u '+%F %H:%M UTC'), $($PGBIN/postgres --version)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| step | SQLite | PostgreSQL | PostgreSQL / SQLite |"
  echo "| --- | --- | --- | --- |"
} | tee "$RESULTS"

ratio() { awk -v a="${1%% s*}" -v b="${2%% s*}" 'BEGIN { printf "%.2f", b / a }'; }
both() {  # both LABEL ARGS...: the same cadence command on each backend, one table row
  local label=$1
  shift
  local s p
  s=$(timed "sqlite-$label" --db "$SQLITE_DB" "$@")
  p=$(timed "pg-$label" --db "$PG_DB" "$@")
  row "| $label | $s | $p | $(ratio "$s" "$p") |"
}

say "imports"
both "units import" units import "$DATA/units.csv"
both "records import" records import "$DATA/records.csv"
psql -d bench -c 'VACUUM (ANALYZE) records' # sets the visibility map: index-only scans after a bulk load

say "check"
for i in $(seq "$RUNS"); do both "check, whole province, run $i" check --as-of $AS_OF --format json; done
cmp -s "$T/out-sqlite-check, whole province, run 1" "$T/out-pg-check, whole province, run 1" &&
  row "| (whole-province JSON identical on both: $(stat -c %s "$T/out-pg-check, whole province, run 1") bytes) | | | |" ||
  row "| **whole-province JSON differs between the backends** | | | |"
for i in $(seq "$RUNS"); do both "check --unit t5, run $i" check --as-of $AS_OF --format json --unit t5; done
cmp -s "$T/out-sqlite-check --unit t5, run 1" "$T/out-pg-check --unit t5, run 1" &&
  row "| (t5 JSON identical on both) | | | |" || row "| **t5 JSON differs between the backends** | | | |"

say "sizes"
SQLITE_BYTES=$(du -cb "$SQLITE_DB"* | tail -n 1 | cut -f1)
PG_BYTES=$(psql -d bench -At -c "SELECT pg_database_size('bench')")
row "| database size | $((SQLITE_BYTES / 1048576)) MB | $((PG_BYTES / 1048576)) MB | $(awk -v a="$SQLITE_BYTES" -v b="$PG_BYTES" 'BEGIN { printf "%.2f", b / a }') |"
{
  echo
  echo "PostgreSQL relations (MB):"
  echo
  psql -d bench -At -F ' | ' -c "SELECT '| ' || c.relname, round(pg_relation_size(c.oid) / 1048576.0, 1) || ' |' FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i') ORDER BY pg_relation_size(c.oid) DESC LIMIT 12"
  echo
  echo "records: $(psql -d bench -At -c 'SELECT count(*) FROM records') rows, $(psql -d bench -At -c "SELECT round(pg_total_relation_size('records')::numeric / count(*), 1) FROM records") bytes a record with its indexes"
} | tee -a "$RESULTS"

# ---- feeds ----------------------------------------------------------------------------------
say "issuing $TOKENS branch tokens on each database"
: >"$T/tokens-sqlite.txt"
: >"$T/tokens-pg.txt"
for i in $(seq 0 $((TOKENS - 1))); do
  cad --db "$SQLITE_DB" token issue --unit "b$i" 2>>"$T/token-issue.log" | sed -n 2p >>"$T/tokens-sqlite.txt"
  cad --db "$PG_DB" token issue --unit "b$i" 2>>"$T/token-issue.log" | sed -n 2p >>"$T/tokens-pg.txt"
done

start_serve() {  # start_serve DB LOG: starts an instance, sets PORT
  # Not through cad(): $! must be cadence itself, so that TERM reaches it.
  "$BIN" --rules "$REPO/bench/rules" --calendars "$REPO/calendars" --db "$1" serve --listen 127.0.0.1:0 2>"$2" &
  SERVE_PIDS+=($!)
  for _ in $(seq 300); do
    PORT=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$2" | head -n 1)
    [[ -n $PORT ]] && curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && return 0
    sleep 0.1
  done
  echo "cadence serve did not come up; see $2" >&2
  exit 1
}
stop_serves() {
  for pid in "${SERVE_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  SERVE_PIDS=()
}
rps() { sed -n 's/^Requests\/sec: *//p' "$1"; }
p99() { awk '$1 == "99%" { print $2 }' "$1"; }
errors() { grep -E 'Socket errors|Non-2xx' "$1" | tr '\n' ' ' || true; }

# feed_rows NAME PORT...: the three feed rows against the instances on PORT... (fresh ones)
feed_rows() {
  local name=$1 tokens=$2
  shift 2
  local n=$# t=$((2 / $#)) c=$((64 / $#)) k out one
  one=$(head -n 1 "$tokens")
  # cold first: one pass over every token on fresh servers (each request renders)
  k=0
  for port in "$@"; do
    k=$((k + 1))
    sed -n "$k~${n}p" "$tokens" >"$T/tokens-$name-$k.txt"
    env TOKENS_FILE="$T/tokens-$name-$k.txt" WRK_THREADS=$t ONCE=1 DONE_FILE="$T/done-$name-$k.txt" \
      wrk -t$t -c$c -d300s --latency -s "$REPO/bench/feeds/tokens.lua" "http://127.0.0.1:$port" >"$T/wrk-$name-cold-$k.txt" &
    WRK_PIDS+=($!)
  done
  wait_wrk
  report "$name" "cold pass over $TOKENS feeds" cold "$n"
  k=0
  for port in "$@"; do
    k=$((k + 1))
    env TOKENS_FILE="$T/tokens-$name-$k.txt" WRK_THREADS=$t \
      wrk -t$t -c$c -d"$DURATION" --latency -s "$REPO/bench/feeds/tokens.lua" "http://127.0.0.1:$port" >"$T/wrk-$name-many-$k.txt" &
    WRK_PIDS+=($!)
  done
  wait_wrk
  report "$name" "$TOKENS feeds in turn, cached" many "$n"
  k=0
  for port in "$@"; do
    k=$((k + 1))
    wrk -t$t -c$c -d"$DURATION" --latency "http://127.0.0.1:$port$one" >"$T/wrk-$name-one-$k.txt" &
    WRK_PIDS+=($!)
  done
  wait_wrk
  report "$name" "one branch feed, cached" one "$n"
}
WRK_PIDS=()
wait_wrk() {
  for pid in "${WRK_PIDS[@]}"; do wait "$pid"; done
  WRK_PIDS=()
}
report() {  # report NAME ROW KIND N
  local sum=0 p99s="" errs="" k
  for k in $(seq "$4"); do
    sum=$(awk -v a="$sum" -v b="$(rps "$T/wrk-$1-$3-$k.txt")" 'BEGIN { printf "%.2f", a + b }')
    p99s+="$(p99 "$T/wrk-$1-$3-$k.txt") "
    errs+="$(errors "$T/wrk-$1-$3-$k.txt")"
  done
  echo "$1|$2|$sum|${p99s% }|${errs:-none}" >>"$T/feeds.txt"
}

: >"$T/feeds.txt"
say "feeds: one SQLite-backed instance"
start_serve "$SQLITE_DB" "$T/serve-sqlite.log"
feed_rows sqlite "$T/tokens-sqlite.txt" "$PORT"
stop_serves
say "feeds: one PostgreSQL-backed instance"
start_serve "$PG_DB" "$T/serve-pg1.log"
feed_rows pg1 "$T/tokens-pg.txt" "$PORT"
stop_serves
say "feeds: two PostgreSQL-backed instances"
start_serve "$PG_DB" "$T/serve-pg2a.log"
PORT_A=$PORT
start_serve "$PG_DB" "$T/serve-pg2b.log"
feed_rows pg2 "$T/tokens-pg.txt" "$PORT_A" "$PORT"
stop_serves

{
  echo
  echo "| feeds (wrk, 2 threads, 64 connections in all) | SQLite, 1 instance req/s | PostgreSQL, 1 instance | PostgreSQL, 2 instances (sum) | PG 1 / SQLite | PG 2 / SQLite | p99 SQLite / PG 1 / PG 2 | errors |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  for kind in "cold pass over $TOKENS feeds" "$TOKENS feeds in turn, cached" "one branch feed, cached"; do
    IFS='|' read -r _ _ s sp se < <(grep -F "sqlite|$kind|" "$T/feeds.txt")
    IFS='|' read -r _ _ p1 p1p p1e < <(grep -F "pg1|$kind|" "$T/feeds.txt")
    IFS='|' read -r _ _ p2 p2p p2e < <(grep -F "pg2|$kind|" "$T/feeds.txt")
    echo "| $kind | $s | $p1 | $p2 | $(awk -v a="$s" -v b="$p1" 'BEGIN { printf "%.2f", b / a }') | $(awk -v a="$s" -v b="$p2" 'BEGIN { printf "%.2f", b / a }') | $sp / $p1p / $p2p | $se / $p1e / $p2e |"
  done
  echo
  echo "500s or 'database is locked' in the serve logs: $(grep -c -E ' 500 |database is locked' "$T"/serve-*.log | tr '\n' ' ')"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$RESULTS"
