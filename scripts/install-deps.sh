#!/usr/bin/env bash
# Installs the Debian 12 packages Cadence builds, runs and tests with — only those missing,
# so a machine that has them all needs no network. Run as root (or with sudo).
# With --test, also what the test suite reads feeds with: Python's icalendar and
# recurring-ical-events (Debian), python-docx and openpyxl for the .docx and .xlsx the dashboard
# writes, and Node.js with npm for Mozilla's ical.js; and faketime,
# which runs the suite again with the wall clock a year ahead; the SMTP servers the mail tests
# start (aiosmtpd, and postfix for its smtp-sink) with openssl for their certificates; and what
# scripts/package-test.sh builds, installs and checks the Debian package with (dpkg-shlibdeps,
# file, adduser, groff, systemd-analyze); and chromium, which the dashboard's browser test drives
# (with a small Chinese font, so its screenshots show the pages as users see them).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libpoco-dev libical-dev libhowardhinnant-date-dev libtomlplusplus-dev libsqlite3-dev tzdata
  libgtest-dev libgmock-dev libbenchmark-dev
  sqlite3 libpq-dev
  # OpenSSL 3: PBKDF2 password hashes and constant-time comparisons (libpoco-dev pulls it in too).
  libssl-dev
  # QR codes of feed links on the dashboard, for phones.
  libqrencode-dev
)
if [[ ${1:-} == --test ]]; then
  # postgresql: the server of the throwaway cluster the PostgreSQL tests run against.
  packages+=(python3 python3-icalendar python3-recurring-ical-events python3-docx python3-openpyxl faketime postgresql)
  packages+=(python3-aiosmtpd postfix openssl)
  packages+=(dpkg-dev file adduser groff-base systemd)
  packages+=(chromium fonts-wqy-microhei)
  # By command, not by package: a machine with NodeSource's nodejs has npm inside it, and
  # Debian's npm package conflicts with that.
  command -v node >/dev/null || packages+=(nodejs)
  command -v npm >/dev/null || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  # postfix only for smtp-sink: no mail system is configured or started.
  echo "postfix postfix/main_mailer_type select No configuration" | "${sudo_cmd[@]}" debconf-set-selections
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
