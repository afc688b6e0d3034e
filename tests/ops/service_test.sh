#!/usr/bin/env bash
# The sensor as a service on the loopback interface: it gives up root after opening the
# capture (uid, capabilities, no_new_privs read from /proc), answers the control socket,
# reloads a changed rule on SIGHUP, keeps the old set on a broken one (an EVE reload event
# says which), reopens eve.json on SIGUSR2 and exits 130 with "interrupted" on SIGINT. The
# control commands go through korgoo-ctl, whose exit status says what happened.
# Needs root and a capturable lo; exits 77 otherwise.
set -uo pipefail
# Output is checked with grep -q <<<"$(cmd)", never cmd | grep -q: under pipefail, grep -q
# leaving at its first match can fail the writer with EPIPE (seen as a flaky failure).
korgoo=$1
korgoo_ctl=$2
src=$(cd "$(dirname "$0")/../.." && pwd)
source "$src/tests/ops/common.sh"
if [ "$(id -u)" -ne 0 ]; then echo "skip: needs root (capture and privilege drop)"; exit 77; fi
if ! getent passwd nobody >/dev/null || ! getent group nogroup >/dev/null; then
  echo "skip: no nobody/nogroup to become"; exit 77
fi
tmp=$(mktemp -d); chmod 755 "$tmp"
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
mkdir -p "$tmp/etc/rules.d" "$tmp/log"
cp "$src/config/korgoo.yaml" "$tmp/etc/"
chown nobody:nogroup "$tmp/log"   # the dropped user must be able to reopen its files
fail() { echo "FAIL: $*"; cat "$tmp/out" "$tmp/log/korgoo.log" 2>/dev/null | tail -20; exit 1; }
ctl() { "$korgoo_ctl" --socket "$tmp/ctl" "$@"; }

"$korgoo" -c "$tmp/etc/korgoo.yaml" -i lo --user nobody --group nogroup --control "$tmp/ctl" \
  -l "$tmp/log" >"$tmp/out" 2>&1 &
pid=$!
if ! wait_for "privileges:" "$tmp/log/korgoo.log"; then
  grep -q "lo" "$tmp/out" && { echo "skip: cannot capture on lo here"; exit 77; }
  fail "sensor did not start"
fi
for _ in $(seq 1 100); do [ -S "$tmp/ctl" ] && break; sleep 0.1; done
status=/proc/$pid/status
grep -q "^Uid:[[:space:]]*65534[[:space:]]" "$status" || fail "uid is not nobody: $(grep ^Uid $status)"
grep -q "^CapEff:[[:space:]]*0000000000000000" "$status" || fail "capabilities kept: $(grep ^CapEff $status)"
grep -q "^CapPrm:[[:space:]]*0000000000000000" "$status" || fail "permitted caps kept"
grep -q "^NoNewPrivs:[[:space:]]*1" "$status" || fail "no_new_privs not set"
[ "$(stat -c %a "$tmp/ctl")" = 660 ] || fail "control socket mode $(stat -c %a "$tmp/ctl")"
echo "uid $(awk '/^Uid/{print $3}' $status), CapEff $(awk '/^CapEff/{print $2}' $status), socket 0660"

grep -q '"version"' <<<"$(ctl version)" || fail "version"
out=$(ctl stats); grep -q "\"capture\"" <<<"$out" || fail "stats: ${out:0:200}"
grep -q '^  "capture": {' <<<"$(ctl --pretty stats)" || fail "--pretty does not indent"
ctl bogus 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && grep -q "unknown command 'bogus'" "$tmp/err" || fail "unknown command: exit $rc"
"$korgoo_ctl" --socket "$tmp/nothing-here" stats 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] && grep -q "no such socket" "$tmp/err" || fail "missing socket: exit $rc"
if getent passwd daemon >/dev/null; then  # not in the socket's group: refused
  setpriv --reuid=daemon --regid=daemon --clear-groups "$korgoo_ctl" --socket "$tmp/ctl" version \
    2>"$tmp/err"; rc=$?
  [ $rc -eq 3 ] && grep -q "permission denied" "$tmp/err" || fail "other user: exit $rc"
fi
# The sensor itself refuses what it does not know (a client other than korgoo-ctl).
reply=$(python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])
s.sendall(b"bogus\n"); print(s.recv(4096).decode())' "$tmp/ctl")
grep -q '"failed"' <<<"$reply" ||
  fail "sensor accepted an unknown command"
# A client that hangs up before the answer costs the sensor nothing (no SIGPIPE death).
for _ in 1 2 3; do
  python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])
s.sendall(b"stats\n"); s.close()' "$tmp/ctl"
done
grep -q '"version"' <<<"$(ctl version)" && kill -0 $pid || fail "sensor died when a client hung up"

rules_before=$(ctl reload | python3 -c 'import json,sys; print(json.load(sys.stdin)["rules"])')
write_local_rule "$tmp/etc/rules.d/local.yaml" 9100001 outbound
kill -HUP $pid
wait_for "\"count\":2" "$tmp/log/eve.json" || fail "no reload event after SIGHUP"
rules_after=$(last_reload_rules "$tmp/log/eve.json")
[ "$rules_after" -eq $((rules_before + 1)) ] || fail "rules $rules_before -> $rules_after"

printf 'rules: [ {broken\n' >"$tmp/etc/rules.d/local.yaml"
ctl reload >"$tmp/reply" 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q "reload failed" "$tmp/err" || fail "broken reload via korgoo-ctl: exit $rc"
grep -q 'local.yaml:2' "$tmp/reply" || fail "korgoo-ctl reload does not name file:line"
kill -HUP $pid
wait_for '"result":"failed"' "$tmp/log/eve.json" || fail "broken rule not reported in EVE"
grep -q 'local.yaml:2' "$tmp/log/korgoo.log" || fail "failure does not name file:line"
kill -0 $pid || fail "sensor died on a broken rule"
wait_for "reload failed" "$tmp/log/korgoo.log"
for _ in $(seq 1 50); do grep -q '"failures":2' <<<"$(ctl stats)" && break; sleep 0.1; done
grep -q '"failures":2' <<<"$(ctl stats)" || fail "failed reloads not counted"

mv "$tmp/log/eve.json" "$tmp/log/eve.json.1"
kill -USR2 $pid
for _ in $(seq 1 100); do [ -e "$tmp/log/eve.json" ] && break; sleep 0.1; done
[ -e "$tmp/log/eve.json" ] || fail "eve.json not reopened"
rm "$tmp/etc/rules.d/local.yaml"
ctl reload >/dev/null || fail "reload without the broken file"   # a record into the new file
wait_for "\"event_type\":\"reload\"" "$tmp/log/eve.json" || fail "new eve.json not written"
mv "$tmp/log/eve.json" "$tmp/log/eve.json.2"
grep -q '"ok"' <<<"$(ctl reopen)" || fail "korgoo-ctl reopen"
[ -e "$tmp/log/eve.json" ] || fail "eve.json not reopened by korgoo-ctl reopen"

kill -INT $pid
wait $pid; rc=$?
[ $rc -eq 130 ] || fail "SIGINT exit $rc, expected 130"
grep -q interrupted "$tmp/out" || fail "summary does not say interrupted"

# korgoo-ctl shutdown: as SIGTERM, a clean exit 0.
"$korgoo" -c "$tmp/etc/korgoo.yaml" -i lo --user nobody --group nogroup --control "$tmp/ctl" \
  -l "$tmp/log2" >"$tmp/out" 2>&1 &
pid=$!
wait_for "privileges:" "$tmp/log2/korgoo.log" || fail "second start"
grep -q '"ok"' <<<"$(ctl shutdown)" || fail "korgoo-ctl shutdown"
wait $pid; rc=$?
[ $rc -eq 0 ] || fail "exit $rc after korgoo-ctl shutdown"
echo "ok: reload, broken reload, reopen, control socket and korgoo-ctl, SIGINT 130, shutdown"
