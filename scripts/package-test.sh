#!/usr/bin/env bash
# Builds the Debian package, installs it with dpkg -i, checks what it installed, runs the
# installed binary as the cadence user with the installed config against a temporary database,
# verifies the systemd units, and purges the package again. Run as root on Debian 12.
#
#   scripts/package-test.sh [BUILD_DIR]
#
# BUILD_DIR (default build/package) is configured with CMAKE_INSTALL_PREFIX=/usr, the package's
# layout; scripts/test.sh passes its RelWithDebInfo folder, so nothing is compiled twice (the
# package is stripped of debug information).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build/package}

fail() { echo "package-test: FAIL: $*" >&2; exit 1; }
step() { echo "-- $*"; }

if dpkg-query -W -f='${Status}' cadence 2>/dev/null | grep -q "install ok installed"; then
  fail "cadence is installed already: this test installs and purges its own build (dpkg --purge cadence first)"
fi

step "build and cpack -G DEB in $dir"
configure=(-DCMAKE_INSTALL_PREFIX=/usr)
[[ -f $dir/CMakeCache.txt ]] || configure+=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCADENCE_BENCH=OFF)
cmake -S . -B "$dir" "${configure[@]}" >/dev/null
cmake --build "$dir" -j"${JOBS:-2}"
rm -f "$dir"/cadence_*.deb
(cd "$dir" && cpack -G DEB >/dev/null)
deb=$(ls "$dir"/cadence_*.deb)
built_version=$("$dir/src/cli/cadence" --version)

work=$(mktemp -d)
installed=0
cleanup() {
  ((installed)) && dpkg --purge cadence >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

step "dpkg -i $(basename "$deb")"
dpkg -i "$deb" >/dev/null
installed=1

step "installed files, conffile, user and ownership"
[[ $(cadence --version) == "$built_version" ]] || fail "cadence --version: '$(cadence --version)', built '$built_version'"
[[ $(command -v cadence) == /usr/bin/cadence ]] || fail "cadence is $(command -v cadence), not /usr/bin/cadence"
# The package's version carries the same git describe (v1.2.0-3-gabc: 1.2.0+3.gabc).
deb_version=$(dpkg-query -W -f='${Version}' cadence)
git_part=$(sed 's/^cadence v\{0,1\}//; s/[-+]/./g' <<<"$built_version")
[[ ${deb_version//+/.} == *"$git_part" ]] || fail "package version $deb_version does not carry '$built_version'"
for f in /usr/share/cadence/rules /usr/share/cadence/calendars/cn /usr/share/man/man1/cadence.1.gz \
         /lib/systemd/system/cadence.service /lib/systemd/system/cadence-remind.service \
         /lib/systemd/system/cadence-remind.timer; do
  [[ -e $f ]] || fail "$f is missing"
done
dpkg-query -W -f='${Conffiles}\n' cadence | grep -q '^ /etc/cadence/cadence.toml ' ||
  fail "/etc/cadence/cadence.toml is not a conffile"
getent passwd cadence >/dev/null || fail "no cadence user"
uid=$(id -u cadence)
((uid < 1000)) || fail "cadence is uid $uid, not a system user"
[[ $(getent passwd cadence | cut -d: -f7) == */nologin ]] || fail "the cadence user has a login shell"
[[ $(stat -c %U:%G /var/lib/cadence) == cadence:cadence ]] || fail "/var/lib/cadence is $(stat -c %U:%G /var/lib/cadence)"
[[ $(stat -c %U:%G:%a /etc/cadence/cadence.toml) == root:cadence:640 ]] ||
  fail "/etc/cadence/cadence.toml is $(stat -c %U:%G:%a /etc/cadence/cadence.toml), not root:cadence:640"
zcat /usr/share/man/man1/cadence.1.gz | groff -man -ww -z 2>"$work/groff.err"
[[ ! -s $work/groff.err ]] || fail "the man page has warnings: $(cat "$work/groff.err")"
[[ -L /etc/systemd/system/multi-user.target.wants/cadence.service ]] || fail "cadence.service is not enabled"
[[ ! -e /etc/systemd/system/timers.target.wants/cadence-remind.timer ]] || fail "cadence-remind.timer is enabled"

step "an upgrade keeps a local edit of the conffile"
echo "# a local edit" >>/etc/cadence/cadence.toml
dpkg -i "$deb" >/dev/null 2>&1
[[ $(tail -1 /etc/cadence/cadence.toml) == "# a local edit" ]] || fail "reinstalling replaced the edited /etc/cadence/cadence.toml"

step "the installed binary as the cadence user, installed config, a temporary database"
install -d -o cadence -g cadence "$work/db"
cp demo/units.csv demo/records.csv "$work/"
chmod a+rx "$work"
as_cadence() { (cd / && runuser -u cadence -- cadence "$@"); }
as_cadence --config /etc/cadence/cadence.toml --db "$work/db/cadence.db" units import "$work/units.csv" >/dev/null
as_cadence --config /etc/cadence/cadence.toml --db "$work/db/cadence.db" records import "$work/records.csv" >/dev/null
[[ $(stat -c %U "$work/db/cadence.db") == cadence ]] || fail "the database is not the cadence user's"
# No --config: /usr/bin/cadence reads /etc/cadence/cadence.toml, rules from /usr/share/cadence.
as_cadence --db "$work/db/cadence.db" check --as-of 2026-06-30 --unit town-01 >"$work/check.out"
grep -q 'met 达标' "$work/check.out" || fail "check shows no rule met: $(head -5 "$work/check.out")"
as_cadence --config /etc/cadence/cadence.toml --db "$work/db/cadence.db" feed --unit town-01 --as-of 2026-06-30 >"$work/feed.ics"
head -1 "$work/feed.ics" | grep -q '^BEGIN:VCALENDAR' || fail "feed is no calendar"
as_cadence rules lint >/dev/null || fail "the installed rules do not lint"
[[ ! -e /var/lib/cadence/cadence.db ]] || fail "a command created the default database"

step "systemd-analyze verify"
# verify needs no running systemd. It exits 0 on an unknown or misspelt setting and only says
# so: any word from it fails the test.
systemd-analyze verify /lib/systemd/system/cadence.service /lib/systemd/system/cadence-remind.service \
  /lib/systemd/system/cadence-remind.timer >"$work/verify.out" 2>&1 || fail "systemd-analyze verify: $(cat "$work/verify.out")"
[[ ! -s $work/verify.out ]] || fail "systemd-analyze verify: $(cat "$work/verify.out")"

step "dpkg --purge"
dpkg --purge cadence >/dev/null
installed=0
for f in /usr/bin/cadence /usr/share/cadence /etc/cadence /var/lib/cadence /lib/systemd/system/cadence.service \
         /etc/systemd/system/multi-user.target.wants/cadence.service; do
  [[ ! -e $f && ! -L $f ]] || fail "$f is left after purge"
done
# The user stays, as Debian advises for system users (postrm says why).
getent passwd cadence >/dev/null || fail "purge removed the cadence user"
echo "package-test: $(basename "$deb") installed, ran as cadence, verified and purged: ok"
