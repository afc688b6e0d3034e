#!/usr/bin/env bash
# The .deb as an admin gets it: built by `cpack -G DEB`, unpacked into a clean root, checked
# for its layout (binaries, man page, unit, logrotate, conffile, data), then the sensor is
# started from the unpacked paths with the shipped unit's ExecStart (paths moved under the
# root, eth0 -> lo) as an unprivileged user holding only the unit's ambient capabilities.
# A changed rule on SIGHUP is adopted and fires; a broken one is refused with file:line while
# the previous set keeps firing; the PID file holds the pid and goes at exit;
# `systemd-analyze verify` accepts the unit. Needs root, dpkg-deb and cpack; exits 77 otherwise.
set -uo pipefail
build=$1
source "$(dirname "$0")/common.sh"
if [ "$(id -u)" -ne 0 ]; then echo "skip: needs root (capture on lo, setpriv)"; exit 77; fi
for tool in dpkg-deb cpack setpriv curl python3; do
  command -v $tool >/dev/null || { echo "skip: no $tool"; exit 77; }
done
getent passwd nobody >/dev/null && getent group nogroup >/dev/null ||
  { echo "skip: no nobody/nogroup to run as"; exit 77; }
unset KORGOO_DATA_DIR
tmp=$(mktemp -d); chmod 755 "$tmp"
pids=()
trap 'for p in "${pids[@]}"; do kill $p 2>/dev/null; done; rm -rf "$tmp"' EXIT
root=$tmp/root
log=$root/var/log/korgoo
fail() { echo "FAIL: $*"; tail -15 "$log/korgoo.log" "$tmp/out" 2>/dev/null; exit 1; }

# 1. The package.
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/pkg" >"$tmp/cpack.out" 2>&1 ||
  { cat "$tmp/cpack.out"; fail "cpack -G DEB"; }
deb=$(ls "$tmp"/pkg/korgoo_*.deb) || fail "no .deb produced"
dpkg-deb -x "$deb" "$root" && dpkg-deb -e "$deb" "$tmp/control" || fail "dpkg-deb cannot unpack $deb"
for f in usr/bin/korgoo usr/bin/korgoo-ctl usr/share/man/man8/korgoo.8.gz \
         lib/systemd/system/korgoo.service etc/logrotate.d/korgoo etc/korgoo/korgoo.yaml \
         usr/share/korgoo/signatures usr/share/korgoo/rules etc/korgoo/rules.d; do
  [ -e "$root/$f" ] || fail "$f not in the package"
done
gzip -t "$root/usr/share/man/man8/korgoo.8.gz" || fail "man page not gzip"
grep -qx /etc/korgoo/korgoo.yaml "$tmp/control/conffiles" || fail "config is not a conffile"
grep -q "adduser --system" "$tmp/control/postinst" || fail "postinst makes no system user"
grep -q libpcap0.8 <<<"$(dpkg-deb -f "$deb" Depends)" || fail "Depends lacks the shared libraries"
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"

# 2. The shipped unit's command line, moved under the root.
unit=$root/lib/systemd/system/korgoo.service
execstart=$(sed -n 's/^ExecStart=//p' "$unit")
teststart=$(sed -n 's/^ExecStartPre=//p' "$unit")
relocate() {
  sed -e "s|/usr/bin/|$root/usr/bin/|g" -e "s|/etc/korgoo/|$root/etc/korgoo/|g" \
      -e "s|/var/log/korgoo|$log|g" -e "s|/run/korgoo/|$root/run/korgoo/|g" -e "s| -i eth0 | -i lo |"
}
read -r -a start_cmd <<<"$(relocate <<<"$execstart")"
read -r -a check_cmd <<<"$(relocate <<<"$teststart")"
echo "ExecStart as run: ${start_cmd[*]#$root}"
# What the unit's User=, LogsDirectory=, RuntimeDirectory= and AmbientCapabilities= provide.
install -d -o nobody -g nogroup -m 0750 "$log" "$root/run/korgoo"
caps=$(sed -n 's/^AmbientCapabilities=//p' "$unit" | tr 'A-Z' 'a-z' | sed 's/cap_/+/g; s/ /,/g')
as_service=(setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps="$caps"
  --ambient-caps="$caps" --bounding-set="-all,$caps" --no-new-privs)
"${as_service[@]}" "${check_cmd[@]}" >"$tmp/check.out" 2>&1 || { cat "$tmp/check.out"; fail "ExecStartPre"; }
"${start_cmd[0]}" -c "$root/etc/korgoo/korgoo.yaml" --dump-config >"$tmp/dump"
grep -q "^data_dir: \"$root/usr/share/korgoo\"" "$tmp/dump" || fail "data folder: $(grep data_dir "$tmp/dump")"
grep -q "^rules: \[\"$root/usr/share/korgoo/rules/" "$tmp/dump" || fail "rules not from the package"

# 3. Start as the unit would.
"${as_service[@]}" "${start_cmd[@]}" >"$tmp/out" 2>&1 &
pid=$!; pids+=($pid)
if ! wait_for "privileges:" "$log/korgoo.log"; then
  grep -q "lo" "$tmp/out" && { echo "skip: cannot capture on lo here"; exit 77; }
  fail "the sensor did not start"
fi
pidfile=$(grep -o -- '--pid-file [^ ]*' <<<"${start_cmd[*]}" | cut -d' ' -f2)
[ "$(cat "$pidfile")" = "$pid" ] || fail "pid file holds '$(cat "$pidfile")', pid is $pid"
grep -q "^CapEff:[[:space:]]*0000000000000000" /proc/$pid/status || fail "capabilities kept"
grep -q "^Uid:[[:space:]]*65534" /proc/$pid/status || fail "not the service user"
ctl=("$root/usr/bin/korgoo-ctl" --socket "$root/run/korgoo/korgoo.ctl")
grep -q '"version"' <<<"$("${ctl[@]}" version)" || fail "korgoo-ctl version"

# Traffic that carries a (synthetic) e-mail address over HTTP on lo; returns at once.
web_port=$(free_port)
python3 -m http.server "$web_port" --bind 127.0.0.1 --directory "$tmp" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$web_port/" && break; sleep 0.1; done
post() { curl -s -o /dev/null --data 'name=Test&email=aibek.testov@mail.example.kg' \
  "http://127.0.0.1:$web_port/$1"; }
alerts_of() { grep -c "\"signature_id\":$1" "$log/eve.json"; }

# 4. A changed rule (loopback traffic is not "leaving", so the rule matches any direction).
rules_before=$("${ctl[@]}" reload | python3 -c 'import json,sys; print(json.load(sys.stdin)["rules"])')
post before; sleep 1
[ "$(alerts_of 9100042)" -eq 0 ] || fail "the new rule fired before it was added"
write_local_rule "$root/etc/korgoo/rules.d/local.yaml" 9100042 any
kill -HUP $pid
wait_for '"event_type":"reload".*"result":"ok".*"count":2' "$log/eve.json" || fail "no reload event after SIGHUP"
rules_after=$(last_reload_rules "$log/eve.json")
[ "$rules_after" -eq $((rules_before + 1)) ] || fail "rules $rules_before -> $rules_after"
post after-reload
wait_for '"signature_id":9100042' "$log/eve.json" || fail "the new rule does not fire"
echo "reload: rules $rules_before -> $rules_after, sid 9100042 fires"

# 5. A broken rule: refused, named, and the set of step 4 keeps running.
printf 'rules:\n  - id: 9100043\n    action: [broken\n' >"$root/etc/korgoo/rules.d/local.yaml"
kill -HUP $pid
wait_for '"result":"failed"' "$log/eve.json" || fail "broken rule not reported in EVE"
wait_for "reload failed" "$log/korgoo.log" || fail "broken rule not in the log"
grep -q "local.yaml:[0-9]" <<<"$(grep "reload failed" "$log/korgoo.log")" || fail "log does not name file:line"
kill -0 $pid || fail "the sensor died on a broken rule"
n=$(alerts_of 9100042)
post after-broken
for _ in $(seq 1 100); do [ "$(alerts_of 9100042)" -gt "$n" ] && break; sleep 0.1; done
[ "$(alerts_of 9100042)" -gt "$n" ] || fail "the previous set stopped firing after a broken reload"
echo "broken reload: $(grep "reload failed" "$log/korgoo.log" | tail -1 | sed 's/.*stay: //; s|'"$root"'||')"

# 6. Stop as systemd does (KillSignal=SIGTERM): clean exit, PID file gone.
kill -TERM $pid; wait $pid; rc=$?
[ $rc -eq 0 ] || fail "exit $rc after SIGTERM"
[ ! -e "$pidfile" ] || fail "pid file left behind"

# 7. systemd-analyze verify on the shipped unit (binary paths pointed into the root).
if command -v systemd-analyze >/dev/null; then
  sed -e "s|/usr/bin/korgoo|$root/usr/bin/korgoo|g" "$unit" >"$tmp/korgoo.service"
  systemd-analyze verify "$tmp/korgoo.service" >"$tmp/verify" 2>&1 || { cat "$tmp/verify"; fail "systemd-analyze verify"; }
  [ ! -s "$tmp/verify" ] || { cat "$tmp/verify"; fail "systemd-analyze verify warns"; }
  score=$(systemd-analyze security --offline=true "$tmp/korgoo.service" 2>/dev/null |
    sed -n 's/.*exposure level for .*: \([0-9.]*\).*/\1/p')
  echo "systemd-analyze verify: clean; security exposure $score"
  python3 -c "import sys; sys.exit(0 if float('${score:-10}') < 3 else 1)" || fail "security score $score"
fi
echo "ok: installed layout, unit command line, reload good and broken, pid file, unit verified"
