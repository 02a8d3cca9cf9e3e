#!/usr/bin/env bash
# Instructions `cadence serve` spends per request, counted by callgrind: a measure that does not
# move with the machine's load, unlike requests/s (perf's hardware counters are not available on
# every machine here).
#
#   bench/feeds/instructions.sh CADENCE_BINARY [WORK_DIR]
#
# One committee unit (the default rules: the small feed of run.sh), its token, the server under
# valgrind --tool=callgrind; after two warming fetches, each of 304 (If-None-Match) and 200 (no
# gzip) gets `wrk -t1 -c4 -d8s` with callgrind's counters zeroed before and dumped after. Prints
# user-space instructions (Ir) per request, all threads together; system calls and the kernel's
# work are not counted. Needs valgrind, wrk, curl, python3.
set -euo pipefail

[[ $# -ge 1 && -x $1 ]] || { echo "usage: $0 CADENCE_BINARY [WORK_DIR]" >&2; exit 2; }
BIN=$(readlink -f "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
T=${2:-$(mktemp -d /tmp/cadence-instructions.XXXXXX)}
mkdir -p "$T"
cad() { "$BIN" --db "$T/one.db" --rules "$REPO/rules" --calendars "$REPO/calendars" "$@"; }
python3 "$HERE/make_data.py" units "$T/units.csv" 1
cad units import "$T/units.csv" >/dev/null
FEED=$(cad token issue --unit u00001 | sed -n 2p)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
valgrind --tool=callgrind --callgrind-out-file="$T/callgrind.out" \
  "$BIN" --db "$T/one.db" --rules "$REPO/rules" --calendars "$REPO/calendars" serve --listen "127.0.0.1:$PORT" \
  2>"$T/cadence.log" &
PID=$!
trap 'kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
URL="http://127.0.0.1:$PORT$FEED"
for _ in $(seq 300); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
curl -fs "$URL" -o /dev/null
curl -fs "$URL" -o /dev/null
ETAG=$(curl -s -o /dev/null -D - "$URL" | tr -d '\r' | awk 'tolower($1) == "etag:" {print $2}')
for kind in 304 200; do
  callgrind_control -z "$PID" >/dev/null 2>&1
  if [[ $kind == 304 ]]; then
    IF_NONE_MATCH="$ETAG" wrk -t1 -c4 -d8s -s "$HERE/if_none_match.lua" "$URL" >"$T/wrk-$kind.txt"
  else
    wrk -t1 -c4 -d8s "$URL" >"$T/wrk-$kind.txt"
  fi
  callgrind_control -d "$PID" >/dev/null 2>&1
  sleep 1
  dump=$(ls -t "$T"/callgrind.out.* | head -1)
  mv "$dump" "$T/callgrind-$kind.out"
  requests=$(awk '/requests in/ {print $1}' "$T/wrk-$kind.txt")
  ir=$(callgrind_annotate "$T/callgrind-$kind.out" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
  echo "$kind: $requests requests, $(( ir / requests )) instructions a request"
done
