#!/usr/bin/env bash
# Installs what is missing, builds Cadence, loads the demo county (demo/) into demo.db and
# shows what an administrator sees: compliance for the whole county and one township's plan,
# then serves the township's calendar feed, the dashboard and the JSON API (a county
# administrator with a password and an API token made for the run) on 127.0.0.1:8080 until Ctrl-C.
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
echo
listen=${LISTEN:-127.0.0.1:8080}
# The county's organisation department as an administrator of the whole county, with a password
# made for this run (sign in at /login) and an API token (shown once) for the JSON API.
admin=zuzhibu@county.example.cn
password_file=$(mktemp)
trap 'rm -f "$password_file"' EXIT
head -c 12 /dev/urandom | base64 | tr -d '/+=' > "$password_file"
# And a village secretary, with the same password, who records on their branch's page.
secretary=secretary@town-01-v02.example.cn
account() {  # EMAIL UNIT ROLE
  if $cadence user list | grep -q "$1"; then
    $cadence user passwd "$1" --password-file "$password_file" >/dev/null
  else
    $cadence user add "$1" --unit "$2" --role "$3" --password-file "$password_file"
  fi
}
account "$admin" county administrator
account "$secretary" town-01-v02 secretary
api_token=$($cadence user token "$admin" --label demo | tail -n 1)
path=$($cadence token issue --unit town-07 --label demo | sed -n 2p)
echo "杨柳镇党委 (town-07)'s calendar feed — open it, or subscribe to it in a calendar app:"
echo "  http://$listen$path"
echo "  http://$listen$path?holidays=1              # with holidays and make-up workdays"
echo "  http://$listen$path?scope=subtree          # with every village's deadlines"
echo "  curl -s http://$listen/healthz"
echo "The dashboard at http://$listen/login (password $(cat "$password_file") for both):"
echo "  $admin       the county administrator: the county's overview (filters, drill-down,"
echo "                                  CSV/.xlsx, the inspection summary), returning records, resetting passwords"
echo "  $secretary  a village secretary: their branch's page, where they record"
echo "  (the demo data runs to November 2026: set the overview's date to 2026-06-30 to see who is behind mid-year)"
echo "  curl -s -H 'Authorization: Bearer $api_token' http://$listen/api/v1/units/county"
echo "  curl -s -H 'Authorization: Bearer $api_token' 'http://$listen/api/v1/units/town-07/compliance?as_of=2026-06-30'"
echo "  curl -s http://$listen/api/v1/openapi.json"
echo "Serving until Ctrl-C (the access log follows):"
rm -f "$password_file"
exec $cadence serve --listen "$listen"
