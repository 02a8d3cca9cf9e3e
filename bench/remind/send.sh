#!/usr/bin/env bash
# Sending throughput of `cadence remind` to postfix's smtp-sink on 127.0.0.1 (one connection):
#
#   bench/remind/send.sh CADENCE_BINARY [UNITS]
#
# A county with UNITS towns (default 2000), each with a secretary and an administrator. Pass 1
# decides and adds every message while no server listens (all retried later); pass 2, past the
# backoff, sends them all to smtp-sink over one connection; pass 3 finds nothing to send (the
# cost of a pass without sending). CPU per message = (pass 2 − pass 3) / messages.
set -euo pipefail
BIN=$(readlink -f "$1")
UNITS=${2:-2000}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d /tmp/cadence-send-bench.XXXXXX)
trap 'kill $SINK 2>/dev/null || true; rm -rf "$T"' EXIT
cd "$T"
{
  echo "id,parent,name,type,secretary_email,admin_emails,timezone"
  echo "county,,县委,committee,county-sec@example.org,county-admin@example.org,"
  for i in $(seq 1 "$UNITS"); do echo "t$i,county,镇$i,committee,s$i@example.org,a$i@example.org,"; done
} > units.csv
printf '[mail]\nfrom = "cadence@example.org"\nmax_per_minute = 0\nmax_per_connection = 100000\nmax_tries = 100\n' > cadence.toml
C=("$BIN" --db "$T/cadence.db" --rules "$REPO/rules" --calendars "$REPO/calendars" --config cadence.toml)
"${C[@]}" units import units.csv > /dev/null
mkdir sink
mkfifo port
/usr/bin/python3 "$REPO/tests/mail/smtp_server.py" sink "$T/sink" > port & SINK=$!
read -r _ PORT < port
pass() { /usr/bin/time -f "$1: %e s wall, %U s user, %S s sys, %M KB" "${C[@]}" remind --now "$2" --smtp "$3" 2>&1 | tail -2; }
pass "pass 1 (decide, add; no server)" 2026-06-01T09:00+08:00 smtp://127.0.0.1:1
pass "pass 2 (send everything)" 2026-06-01T09:10+08:00 "smtp://127.0.0.1:$PORT"
pass "pass 3 (nothing to send)" 2026-06-01T09:11+08:00 "smtp://127.0.0.1:$PORT"
