#!/usr/bin/env bash
# Calendar-feed HTTP benchmark: `cadence serve` against nginx serving the same bytes.
#
#   bench/feeds/run.sh CADENCE_BINARY [WORK_DIR]
#
# Everything happens in WORK_DIR (default: a new mktemp -d): data, databases, an nginx config,
# the servers' logs and every wrk report (wrk-*.txt). Both servers listen on free high ports of
# 127.0.0.1 and are stopped on exit. Needs wrk, nginx (nginx-light will do), curl, python3.
# The summary table goes to stdout and to WORK_DIR/results.md.
#
# wrk runs are `wrk -t2 -c64 -d10s --latency`. Environment: TOKENS_FROM (a WORK_DIR of an
# earlier run whose many.db and tokens.txt to reuse); SKIP_CROWD=1 (no 2,000/10,000-connection
# and slow-client rows); UNITS (default 10000) distinct feeds
# for the many-tokens run; CONNECTIONS (64); DURATION (10s); GZIP_LEVEL (default 6: what cadence
# compresses its cached copy with; a third nginx server uses nginx's default level 1).
set -euo pipefail

[[ $# -ge 1 && -x $1 ]] || { echo "usage: $0 CADENCE_BINARY [WORK_DIR]" >&2; exit 2; }
BIN=$(readlink -f "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
T=${2:-$(mktemp -d /tmp/cadence-feeds-bench.XXXXXX)}
mkdir -p "$T"
T=$(cd "$T" && pwd)
UNITS=${UNITS:-10000}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-10s}
GZIP_LEVEL=${GZIP_LEVEL:-6}
export WRK_THREADS=2
echo "work dir: $T" >&2

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
say() { echo "== $*" >&2; }

CADENCE_PID=""
NGINX_PID=""
cleanup() {
  [[ -n $CADENCE_PID ]] && kill -TERM "$CADENCE_PID" 2>/dev/null && wait "$CADENCE_PID" 2>/dev/null
  [[ -n $NGINX_PID ]] && kill -QUIT "$NGINX_PID" 2>/dev/null
  return 0
}
trap cleanup EXIT

# ---- data -------------------------------------------------------------------------------------
cad() {  # cad DB RULES_DIR ARGS...
  local db=$1 rules=$2
  shift 2
  "$BIN" --db "$db" --rules "$rules" --calendars "$REPO/calendars" "$@"
}
issue() { cad "$1" "$2" token issue --unit "$3" | sed -n 2p; }  # prints /feeds/<token>.ics

say "data: $UNITS committee units (default rules), and one committee under a 490-a-year rule"
python3 "$HERE/make_data.py" units "$T/units.csv" "$UNITS"
python3 "$HERE/make_data.py" units "$T/units-one.csv" 0
python3 "$HERE/make_data.py" big-rules "$T/rules-big"
cad "$T/many.db" "$REPO/rules" units import "$T/units.csv" >/dev/null
cad "$T/big.db" "$T/rules-big" units import "$T/units-one.csv" >/dev/null
SMALL_PATH=$(issue "$T/many.db" "$REPO/rules" u00001)
BIG_PATH=$(issue "$T/big.db" "$T/rules-big" root)

# ---- servers ----------------------------------------------------------------------------------
CADENCE_PORT=$(free_port)
start_cadence() {  # start_cadence DB RULES_DIR LOG [GLOBAL_OPTION...]
  # Not through cad(): $! must be cadence itself (for kill and /proc/PID/status).
  "$BIN" --db "$1" --rules "$2" --calendars "$REPO/calendars" "${@:4}" serve --listen "127.0.0.1:$CADENCE_PORT" 2>"$3" &
  CADENCE_PID=$!
  sleep 0.2
  for _ in $(seq 100); do
    kill -0 "$CADENCE_PID" 2>/dev/null || break
    curl -fs "http://127.0.0.1:$CADENCE_PORT/healthz" >/dev/null && return 0
    sleep 0.1
  done
  echo "cadence serve did not come up; see $3" >&2
  exit 1
}
stop_cadence() {
  kill -TERM "$CADENCE_PID"
  wait "$CADENCE_PID" || true
  CADENCE_PID=""
}

NGINX_PORT=$(free_port)       # static file, no gzip
NGINX_GZ_PORT=$(free_port)    # gzip on, compressing on the fly at GZIP_LEVEL
NGINX_GZ1_PORT=$(free_port)   # gzip on at nginx's default level 1
mkdir -p "$T/www/feeds" "$T/nginx-tmp"
cat >"$T/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $T/nginx.pid;
error_log $T/nginx-error.log warn;
worker_rlimit_nofile 30000;
events { worker_connections 16384; }
http {
  access_log off;
  sendfile on;
  tcp_nopush off;   # Debian's default 'on' adds ~40 ms to p99 of small responses (style.md)
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 100000000;
  types { text/calendar ics; }
  default_type application/octet-stream;
  client_body_temp_path $T/nginx-tmp/body;
  proxy_temp_path $T/nginx-tmp/proxy;
  fastcgi_temp_path $T/nginx-tmp/fastcgi;
  uwsgi_temp_path $T/nginx-tmp/uwsgi;
  scgi_temp_path $T/nginx-tmp/scgi;
  server { listen 127.0.0.1:$NGINX_PORT; root $T/www; }
  server {
    listen 127.0.0.1:$NGINX_GZ_PORT; root $T/www;
    gzip on; gzip_comp_level $GZIP_LEVEL; gzip_types text/calendar; gzip_min_length 0; gzip_vary on;
  }
  server {
    listen 127.0.0.1:$NGINX_GZ1_PORT; root $T/www;
    gzip on; gzip_comp_level 1; gzip_types text/calendar; gzip_min_length 0; gzip_vary on;
  }
}
EOF
nginx -p "$T" -c "$T/nginx.conf" 2>"$T/nginx-stderr.log" &
NGINX_PID=$!
sleep 0.5
kill -0 "$NGINX_PID" || { cat "$T/nginx-stderr.log" "$T/nginx-error.log" >&2; exit 1; }

# ---- wrk --------------------------------------------------------------------------------------
RESULTS="$T/results.md"
{
  echo "| run | server | requests/s | p50 | p99 | transfer/s | requests | non-2xx/3xx, socket errors |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
} >"$RESULTS"

# bench NAME SERVER URL LUA [ENV=VALUE...]: one wrk run, its report kept, one row of the table.
bench() {
  local name=$1 server=$2 url=$3 lua=$4
  shift 4
  local out="$T/wrk-$name.txt"
  say "wrk $name: $url"
  env "$@" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency ${lua:+-s "$HERE/$lua"} "$url" >"$out"
  row "$name" "$server" "$out"
}
row() {
  local out=$3
  local rps p50 p99 xfer reqs bad errs
  rps=$(awk '/^Requests\/sec/ {print $2}' "$out")
  p50=$(awk '$1 == "50%" {print $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  xfer=$(awk '/^Transfer\/sec/ {print $2}' "$out")
  reqs=$(awk '/requests in/ {print $1}' "$out")
  bad=$(awk '/Non-2xx or 3xx/ {print $NF}' "$out")
  errs=$(awk '/Socket errors/ {sub(/^ *Socket errors: */, ""); print}' "$out")
  echo "| $1 | $2 | $rps | $p50 | $p99 | $xfer | $reqs | ${bad:-0}${errs:+, $errs} |" >>"$RESULTS"
}

header() { curl -s -o /dev/null -D - "${@:2}" | tr -d '\r' | awk -v h="$1" 'tolower($1) == tolower(h) ":" {sub(/^[^:]*: */, ""); print}'; }
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
expect() {  # expect WANT GOT WHAT
  [[ $1 == "$2" ]] || { echo "check failed: $3: expected '$1', got '$2'" >&2; exit 1; }
}

# One feed, both servers, 200 / 304 / gzip.
feed_runs() {  # feed_runs LABEL PATH DB RULES_DIR
  local label=$1 path=$2
  start_cadence "$3" "$4" "$T/cadence-$label.log"
  local c="http://127.0.0.1:$CADENCE_PORT$path" n="http://127.0.0.1:$NGINX_PORT$path"
  local ngz="http://127.0.0.1:$NGINX_GZ_PORT$path" ngz1="http://127.0.0.1:$NGINX_GZ1_PORT$path"
  curl -fs "$c" -o "$T/www$path"  # nginx serves the very bytes cadence sends
  local events bytes gzbytes ngzbytes
  events=$(grep -c BEGIN:VEVENT "$T/www$path")
  bytes=$(stat -c %s "$T/www$path")
  gzbytes=$(curl -fs -H 'Accept-Encoding: gzip' "$c" | wc -c)
  ngzbytes=$(curl -fs -H 'Accept-Encoding: gzip' "$ngz" | wc -c)
  cmp <(curl -fs "$n") "$T/www$path"
  echo "$label feed: $events events, $bytes bytes; gzip: cadence $gzbytes bytes, nginx level $GZIP_LEVEL $ngzbytes bytes" \
    | tee -a "$T/feeds.txt" >&2

  local c_etag n_etag n_lm
  c_etag=$(header ETag "$c")
  n_etag=$(header ETag "$n")
  n_lm=$(header Last-Modified "$n")
  expect 304 "$(status -H "If-None-Match: $c_etag" "$c")" "cadence 304"
  expect 304 "$(status -H "If-None-Match: $n_etag" "$n")" "nginx 304"
  expect gzip "$(header Content-Encoding -H 'Accept-Encoding: gzip' "$c")" "cadence gzip"
  expect gzip "$(header Content-Encoding -H 'Accept-Encoding: gzip' "$ngz")" "nginx gzip"

  bench "$label-200-cadence" cadence "$c" ""
  bench "$label-200-nginx" nginx "$n" ""
  bench "$label-304-cadence" cadence "$c" if_none_match.lua IF_NONE_MATCH="$c_etag"
  bench "$label-304-nginx" nginx "$n" if_none_match.lua IF_NONE_MATCH="$n_etag"
  bench "$label-304ims-nginx" nginx "$n" if_none_match.lua IF_MODIFIED_SINCE="$n_lm"
  bench "$label-gzip-cadence" cadence "$c" gzip.lua
  bench "$label-gzip-nginx" "nginx gzip_comp_level $GZIP_LEVEL" "$ngz" gzip.lua
  bench "$label-gzip1-nginx" "nginx gzip_comp_level 1" "$ngz1" gzip.lua
  echo "$label: cadence VmHWM $(awk '/VmHWM/ {print $2, $3}' /proc/$CADENCE_PID/status)" | tee -a "$T/feeds.txt" >&2
  stop_cadence
}

feed_runs small "$SMALL_PATH" "$T/many.db" "$REPO/rules"

# ---- many connections, slow clients (the small feed) -------------------------------------------
# wrk at 2,000 and 10,000 connections; then 1,000 slow clients (slow_clients.py: a request head
# that never ends, a byte a second) attached while wrk's 4 normal connections fetch the feed.
crowd_runs() {
  start_cadence "$T/many.db" "$REPO/rules" "$T/cadence-crowd.log"
  local c="http://127.0.0.1:$CADENCE_PORT$SMALL_PATH" n="http://127.0.0.1:$NGINX_PORT$SMALL_PATH"
  local conns server url port slow
  for conns in 2000 10000; do
    CONNECTIONS=$conns bench "c$conns-cadence" cadence "$c" ""
    CONNECTIONS=$conns bench "c$conns-nginx" nginx "$n" ""
  done
  for server in cadence nginx; do
    if [[ $server == cadence ]]; then url=$c port=$CADENCE_PORT; else url=$n port=$NGINX_PORT; fi
    python3 "$HERE/slow_clients.py" 127.0.0.1 "$port" 1000 40 &
    slow=$!
    sleep 3
    CONNECTIONS=4 bench "slow1000-$server" "$server" "$url" ""
    kill "$slow"
    wait "$slow" 2>/dev/null || true
  done
  echo "crowd: cadence VmHWM $(awk '/VmHWM/ {print $2, $3}' /proc/$CADENCE_PID/status)" | tee -a "$T/feeds.txt" >&2
  stop_cadence
}
[[ -n ${SKIP_CROWD:-} ]] || crowd_runs
feed_runs big "$BIG_PATH" "$T/big.db" "$T/rules-big"

# ---- many distinct feeds ----------------------------------------------------------------------
start=$(date +%s%N)
if [[ -n ${TOKENS_FROM:-} ]]; then
  # The database and tokens of an earlier run (its item versions already written): issuing
  # 10,000 tokens one process each takes minutes on a busy machine.
  say "reusing the $UNITS tokens and database of $TOKENS_FROM"
  cp "$TOKENS_FROM/many.db" "$T/many.db"
  cp "$TOKENS_FROM/tokens.txt" "$T/tokens.txt"
else
  say "issuing $UNITS tokens, one 'cadence token issue' each"
  : >"$T/tokens.txt"
  for i in $(seq 1 "$UNITS"); do issue "$T/many.db" "$REPO/rules" "$(printf 'u%05d' "$i")" >>"$T/tokens.txt"; done
fi
# u00001's first token (issued above) stays live: one unit, two tokens, is fine.
echo "issued $UNITS tokens in $(( ($(date +%s%N) - start) / 1000000 )) ms" | tee -a "$T/feeds.txt" >&2

# The warm runs want every feed in the cache: ~72 KB each (body and gzip copy), 80 KB allowed.
printf '[serve]\ncache_mb = %d\n' $(( UNITS * 80 / 1024 + 64 )) >"$T/serve-many.toml"
start_cadence "$T/many.db" "$REPO/rules" "$T/cadence-many.log" --config "$T/serve-many.toml"
base="http://127.0.0.1:$CADENCE_PORT"
echo "many: cadence VmHWM at start $(awk '/VmHWM/ {print $2, $3}' /proc/$CADENCE_PID/status)" | tee -a "$T/feeds.txt" >&2
say "wrk many-cold: one pass over $UNITS feeds on a fresh server"
rm -f "$T/done.txt"
env TOKENS_FILE="$T/tokens.txt" ONCE=1 DONE_FILE="$T/done.txt" \
  wrk -t2 -c"$CONNECTIONS" -d600s --latency -s "$HERE/tokens.lua" "$base" >"$T/wrk-many-cold.txt"
row many-cold cadence "$T/wrk-many-cold.txt"
echo "many: cadence VmHWM after the cold pass $(awk '/VmHWM/ {print $2, $3}' /proc/$CADENCE_PID/status)" | tee -a "$T/feeds.txt" >&2
bench many-warm cadence "$base" tokens.lua TOKENS_FILE="$T/tokens.txt"
echo "many: cadence VmHWM after the warm run $(awk '/VmHWM/ {print $2, $3}' /proc/$CADENCE_PID/status)," \
  "VmRSS $(awk '/VmRSS/ {print $2, $3}' /proc/$CADENCE_PID/status)" | tee -a "$T/feeds.txt" >&2
say "mirroring the $UNITS feeds for nginx"
python3 "$HERE/make_data.py" mirror "$base" "$T/tokens.txt" "$T/www"
bench many-nginx nginx "http://127.0.0.1:$NGINX_PORT" tokens.lua TOKENS_FILE="$T/tokens.txt"
stop_cadence

# The cache's peak memory with every feed cached, fetched as calendar clients fetch (gzip): a
# fresh server, one pass over the feeds, then a warm run; VmHWM after each.
start_cadence "$T/many.db" "$REPO/rules" "$T/cadence-many-gzip.log" --config "$T/serve-many.toml"
rm -f "$T/done.txt"
env TOKENS_FILE="$T/tokens.txt" ONCE=1 DONE_FILE="$T/done.txt" ACCEPT_ENCODING=gzip \
  wrk -t2 -c"$CONNECTIONS" -d600s --latency -s "$HERE/tokens.lua" "$base" >"$T/wrk-many-gzip-cold.txt"
row many-gzip-cold cadence "$T/wrk-many-gzip-cold.txt"
echo "many-gzip: cadence VmHWM after the cold pass $(awk '/VmHWM/ {print $2, $3}' /proc/$CADENCE_PID/status)" | tee -a "$T/feeds.txt" >&2
bench many-gzip-warm cadence "$base" tokens.lua TOKENS_FILE="$T/tokens.txt" ACCEPT_ENCODING=gzip
echo "many-gzip: cadence VmHWM after the warm run $(awk '/VmHWM/ {print $2, $3}' /proc/$CADENCE_PID/status)" | tee -a "$T/feeds.txt" >&2
stop_cadence
for log in "$T"/cadence-*.log; do
  echo "$(basename "$log"): $(grep -c ' status=500 ' "$log" || true) responses 500;" \
    "$(grep -c 'database is locked' "$log" || true) 'database is locked'" | tee -a "$T/feeds.txt" >&2
done

cat "$T/feeds.txt"
echo
cat "$RESULTS"
