#!/usr/bin/env bash
# ICAP end to end with a real Squid (Debian squid or squid-openssl), started by the test:
# Squid is a forward proxy on loopback whose REQMOD and RESPMOD service is korgoo --icap
# (two event loops); curl uploads through it to a local upload sink and downloads from a
# local web server.
#   1. personal identifiers to a non-adequate destination: the block page, the sink gets
#      nothing;
#   2. a benign upload to the same destination passes unchanged;
#   3. the identifiers to a recipient covered by a legal basis pass;
#   4. EVE has the alert (in_iface icap, icap object, verdict drop, user hashed) and no
#      identifier in clear;
#   5. with ssl-bump (squid-openssl; a CA made here, curl trusting it, a local TLS sink):
#      the same block over HTTPS, and a benign HTTPS upload passing;
#   6. RESPMOD: a download of personal data from the non-adequate server gets the block
#      page, a benign download arrives unchanged;
#   7. protocol cases against korgoo directly, by a scripted client (icap_conformance.py:
#      preview, ieof, 204, keep-alive, malformed requests) and by c-icap-client
#      (c_icap_client_cases.sh: preview sizes, ieof, 204 and -no204, REQMOD and RESPMOD).
# Exit 77 (ctest: skipped) with one line when Squid is missing or cannot start here.
set -euo pipefail
KORGOO=${1:?usage: squid_test.sh PATH-TO-korgoo}
HERE=$(cd "$(dirname "$0")" && pwd)
SQUID=$(PATH="$PATH:/usr/sbin" command -v squid || true)
if [ -z "$SQUID" ]; then echo "skip: squid is not installed (apt-get install squid-openssl)"; exit 77; fi
command -v curl >/dev/null || { echo "skip: curl is not installed"; exit 77; }
WORK=$(mktemp -d /tmp/korgoo-icap.XXXXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# wait_for SECONDS COMMAND...: true once COMMAND succeeds, false when the time is up.
wait_for() {
  local tries=$(($1 * 10)); shift
  for _ in $(seq 1 "$tries"); do "$@" 2>/dev/null && return 0; sleep 0.1; done
  return 1
}
listening() { (exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1") 2>/dev/null; }

mkdir -p "$WORK/out" "$WORK/sink" "$WORK/squid/cache" "$WORK/www"
python3 - "$WORK" "$HERE/../../pcaps" <<'PY'
import sys
work = sys.argv[1]
sys.path.insert(0, sys.argv[2])
from generate import kg_pin  # synthetic, valid-format numbers: no real person
pins = [kg_pin(1 + i % 2, 10 + i, 3, 1980 + i, 1000 + 37 * i) for i in range(5)]
open(f"{work}/pins.txt", "w").write("\n".join(pins) + "\n")
open(f"{work}/pii.csv", "w").write("".join(f"{i},client,{p}\n" for i, p in enumerate(pins)))
open(f"{work}/benign.csv", "w").write("".join(f"{i},order,widget-{i},quantity {i*3}\n" for i in range(5)))
open(f"{work}/www/export.csv", "w").write("".join(f"{i},client,{p}\n" for i, p in enumerate(pins)))
open(f"{work}/www/catalogue.csv", "w").write("".join(f"{i},widget-{i},{i*7}\n" for i in range(50)))
PY

# korgoo on a free port of its choosing; the log line says which.
"$KORGOO" -c "$HERE/korgoo-icap.yaml" -l "$WORK/out" >"$WORK/korgoo.stdout" 2>&1 &
KPID=$!
PIDS+=($KPID)
icap_port() { grep -o 'icap://127.0.0.1:[0-9]*/' "$WORK/out/korgoo.log" 2>/dev/null | head -1 | sed 's|.*:\([0-9]*\)/|\1|'; }
has_port() { [ -n "$(icap_port)" ]; }
wait_for 20 has_port || { cat "$WORK/korgoo.stdout"; echo "FAIL: korgoo --icap did not start"; exit 1; }
KPORT=$(icap_port)

SINK=$(free_port)
python3 "$HERE/../inline/upload_server.py" "$WORK/sink" "$SINK" 127.0.0.2 127.0.0.3 &
PIDS+=($!)
# Downloads (RESPMOD) come from a web server on the non-adequate address.
WPORT=$(free_port)
python3 -m http.server "$WPORT" --bind 127.0.0.2 --directory "$WORK/www" >"$WORK/www.log" 2>&1 &
PIDS+=($!)
SPORT=$(free_port)
# HTTPS: only with a Squid built with OpenSSL (Debian squid-openssl) and its certificate helper.
CERTGEN=/usr/lib/squid/security_file_certgen
HTTPS=0
if grep -q -- '--with-openssl' <<<"$("$SQUID" -v)" && [ -x "$CERTGEN" ] && command -v openssl >/dev/null; then
  HTTPS=1
  T="$WORK/tls"
  mkdir -p "$T"
  {
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/ca.key" -out "$T/ca.pem" -days 2 \
      -subj "/CN=korgoo ICAP test CA" -addext "basicConstraints=critical,CA:true" \
      -addext "keyUsage=critical,keyCertSign,cRLSign"
    openssl req -newkey rsa:2048 -nodes -keyout "$T/srv.key" -out "$T/srv.csr" -subj "/CN=127.0.0.2"
    printf 'subjectAltName=IP:127.0.0.2,IP:127.0.0.3\nextendedKeyUsage=serverAuth\n' >"$T/srv.ext"
    openssl x509 -req -in "$T/srv.csr" -CA "$T/ca.pem" -CAkey "$T/ca.key" -CAcreateserial \
      -out "$T/srv.pem" -days 2 -extfile "$T/srv.ext"
    "$CERTGEN" -c -s "$WORK/squid/ssl_db" -M 4MB
  } >"$WORK/tls.log" 2>&1 || { echo "FAIL: could not make the test CA"; cat "$WORK/tls.log"; exit 1; }
  BPORT=$(free_port)
  TLS_SINK=$(free_port)
  python3 "$HERE/tls_sink.py" "$WORK/sink" "$TLS_SINK" "$T/srv.pem" "$T/srv.key" 127.0.0.2 &
  PIDS+=($!)
fi
cat >"$WORK/squid.conf" <<CONF
http_port 127.0.0.1:$SPORT
pid_filename $WORK/squid/squid.pid
cache_log $WORK/squid/cache.log
access_log $WORK/squid/access.log
cache_store_log none
coredump_dir $WORK/squid/cache
cache deny all
cache_mem 8 MB
shutdown_lifetime 1 seconds
dns_nameservers 127.0.0.1
acl test_client src 127.0.0.1/32
http_access allow test_client
http_access deny all
icap_enable on
icap_send_client_ip on
icap_send_client_username on
icap_client_username_header X-Client-Username
icap_service korgoo_req reqmod_precache icap://127.0.0.1:$KPORT/korgoo bypass=off
adaptation_access korgoo_req allow all
icap_service korgoo_resp respmod_precache icap://127.0.0.1:$KPORT/korgoo bypass=off
adaptation_access korgoo_resp allow all
icap_service_failure_limit -1
icap_io_timeout 10 seconds
CONF
if [ "$HTTPS" = 1 ]; then
  cat >>"$WORK/squid.conf" <<CONF
http_port 127.0.0.1:$BPORT ssl-bump tls-cert=$T/ca.pem tls-key=$T/ca.key generate-host-certificates=on dynamic_cert_mem_cache_size=4MB
sslcrtd_program $CERTGEN -s $WORK/squid/ssl_db -M 4MB
sslcrtd_children 2
acl step1 at_step SslBump1
ssl_bump peek step1
ssl_bump bump all
tls_outgoing_options cafile=$T/ca.pem
CONF
fi
# Run as root (CI), Squid becomes its effective user: it must own its files.
if [ "$(id -u)" -eq 0 ] && id proxy >/dev/null 2>&1; then
  chmod 711 "$WORK"
  chown -R proxy "$WORK/squid"
  [ "$HTTPS" = 1 ] && chown -R proxy "$T"
fi
"$SQUID" -N -f "$WORK/squid.conf" >"$WORK/squid.stdout" 2>&1 &
SQPID=$!
PIDS+=($SQPID)
if ! wait_for 20 listening "$SPORT"; then
  [ -n "${KEEP_LOG:-}" ] && cat "$WORK/squid/cache.log" "$WORK/squid.stdout" >"$KEEP_LOG" 2>&1 || true
  echo "skip: squid cannot start here: $(grep -m1 -iE "fatal|error|cannot" "$WORK/squid/cache.log" "$WORK/squid.stdout" 2>/dev/null || echo "not listening after 20 s")"
  exit 77
fi
wait_for 10 listening "$SINK" 127.0.0.2 || { echo "FAIL: upload sink did not start"; exit 1; }

fail=0
ok() { echo "ok: $1"; }
bad() { echo "FAIL: $1"; fail=1; }
# upload BODYFILE ADDR -> "STATUS" with the response body in $WORK/reply
upload() {
  curl -sS --max-time 20 -x "http://127.0.0.1:$SPORT" -H 'Expect:' -H 'Content-Type: text/csv' \
    --data-binary "@$1" -o "$WORK/reply" -w '%{http_code}' "http://$2:$SINK/upload" || echo "curl-failed"
}
sink_has_pins() { cat "$WORK"/sink/*.bin 2>/dev/null | grep -c -F -f "$WORK/pins.txt" || true; }

code=$(upload "$WORK/pii.csv" 127.0.0.2)
if [ "$code" = 403 ] && grep -q "Upload blocked" "$WORK/reply"; then ok "personal data to a non-adequate country got the block page"; else bad "personal data upload answered $code"; fi
grep -q -F -f "$WORK/pins.txt" "$WORK/reply" && bad "the block page repeats an identifier"
sleep 0.5
pins_at_sink=$(sink_has_pins); conns_at_sink=$(find "$WORK/sink" -type f -size +0 | wc -l)  # the readiness probe left an empty one
[ "$pins_at_sink" = 0 ] && [ "$conns_at_sink" = 0 ] && ok "the sink received nothing" || bad "the blocked upload reached the sink ($conns_at_sink connections, $pins_at_sink identifiers)"

code=$(upload "$WORK/benign.csv" 127.0.0.2)
[ "$code" = 200 ] && ok "benign upload passed" || bad "benign upload answered $code"
wait_for 5 bash -c "cat '$WORK'/sink/127.0.0.2-*.bin 2>/dev/null | grep -q 'widget-4,quantity 12'" && ok "the sink got the benign body unchanged" || bad "benign body did not arrive whole"

code=$(upload "$WORK/pii.csv" 127.0.0.3)
[ "$code" = 200 ] && ok "personal data to the allowlisted recipient passed" || bad "allowlisted upload answered $code"

if [ "$HTTPS" = 1 ]; then
  wait_for 10 listening "$TLS_SINK" 127.0.0.2 || bad "TLS sink did not start"
  # upload_tls BODYFILE -> STATUS, through the bumping port, trusting only the test CA.
  upload_tls() {
    curl -sS --max-time 20 -x "http://127.0.0.1:$BPORT" --cacert "$T/ca.pem" -H 'Expect:' \
      -H 'Content-Type: text/csv' --data-binary "@$1" -o "$WORK/reply" -w '%{http_code}' \
      "https://127.0.0.2:$TLS_SINK/upload" 2>"$WORK/curl-tls.err" || echo "curl-failed"
  }
  code=$(upload_tls "$WORK/pii.csv")
  if [ "$code" = 403 ] && grep -q "Upload blocked" "$WORK/reply"; then ok "HTTPS (ssl-bump): personal data got the block page"; else bad "HTTPS personal data upload answered $code ($(head -c 200 "$WORK/curl-tls.err"))"; fi
  sleep 0.5
  [ "$(find "$WORK/sink" -name '*-tls-*' -size +0 | wc -l)" = 0 ] && ok "HTTPS: the TLS sink received nothing" || bad "HTTPS: the blocked upload reached the TLS sink"
  code=$(upload_tls "$WORK/benign.csv")
  [ "$code" = 200 ] && ok "HTTPS (ssl-bump): benign upload passed" || bad "HTTPS benign upload answered $code"
  wait_for 5 bash -c "cat '$WORK'/sink/*-tls-*.bin 2>/dev/null | grep -q 'widget-4,quantity 12'" && ok "HTTPS: the TLS sink got the benign body" || bad "HTTPS: benign body did not arrive whole"
else
  echo "skip: HTTPS part: squid without OpenSSL (install squid-openssl)"
fi

# RESPMOD through Squid: downloads from the non-adequate server.
wait_for 10 listening "$WPORT" 127.0.0.2 || bad "download server did not start"
download() {
  curl -sS --max-time 20 -x "http://127.0.0.1:$SPORT" -o "$WORK/reply" -w '%{http_code}' \
    "http://127.0.0.2:$WPORT/$1" || echo "curl-failed"
}
code=$(download export.csv)
if [ "$code" = 403 ] && grep -q "Download blocked" "$WORK/reply"; then ok "RESPMOD: a download of personal data from a non-adequate server got the block page"; else bad "personal data download answered $code"; fi
grep -q -F -f "$WORK/pins.txt" "$WORK/reply" && bad "the download's block page repeats an identifier"
code=$(download catalogue.csv)
[ "$code" = 200 ] && cmp -s "$WORK/reply" "$WORK/www/catalogue.csv" && ok "RESPMOD: a benign download arrived unchanged" || bad "benign download answered $code"

# Straight to korgoo: the protocol cases, by the scripted client and by c-icap-client.
python3 "$HERE/icap_conformance.py" 127.0.0.1 "$KPORT" "$WORK/pii.csv" || fail=1
bash "$HERE/c_icap_client_cases.sh" 127.0.0.1 "$KPORT" "$WORK" || fail=1

kill -TERM "$KPID"
wait_for 10 bash -c "! kill -0 $KPID" || bad "korgoo did not stop on SIGTERM"
python3 - "$WORK/out/eve.json" "$HTTPS" <<'PY' || fail=1
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
alerts = [r for r in recs if r["event_type"] == "alert"]
drops = [r for r in alerts if r.get("verdict", {}).get("action") == "drop"]
ok = True
def check(cond, what):
    global ok
    print(("ok: " if cond else "FAIL: ") + what)
    ok = ok and cond
check(len(drops) >= 1, "EVE has the drop alert")
if drops:
    a = drops[0]
    check(a.get("in_iface") == "icap", "the alert says in_iface icap")
    check(a.get("icap", {}).get("method") == "REQMOD" and a["icap"].get("client") == "127.0.0.1",
          "the alert has the icap object with method and client")
    check("http" in a and a["dest_ip"] == "127.0.0.2", "the alert has http metadata and the destination")
check(any(r.get("icap", {}).get("method") == "RESPMOD" for r in drops),
      "a drop alert is about a download (RESPMOD through Squid)")
http = [r for r in recs if r["event_type"] == "http"]
check(any(r["http"].get("url", "").endswith("/big-upload") for r in http),
      "a message larger than the probe window is decoded as HTTP (its http record)")
if sys.argv[2] == "1":
    check(any(a.get("http", {}).get("url", "").startswith("https://") for a in drops),
          "a drop alert is about the HTTPS upload (seen decrypted through ssl-bump)")
stats = [r for r in recs if r["event_type"] == "stats"]
icap = stats[-1]["stats"].get("korgoo", {}).get("icap", {}) if stats else {}
check(bool(icap), "the final stats record has icap counters")
check(icap.get("preview_ieof", 0) >= 2 and icap.get("continues", 0) >= 2 and icap.get("respmod", 0) >= 4,
      "the counters saw ieof previews, 100 Continue and RESPMODs")
check(len(icap.get("loops", [])) == 2, "the stats list both event loops")
sys.exit(0 if ok else 1)
PY
if grep -q -F -f "$WORK/pins.txt" "$WORK/out/eve.json" "$WORK/out/korgoo.log"; then bad "an identifier is in clear in EVE or the log"; else ok "no identifier in clear in EVE or the log"; fi
[ "$fail" = 0 ] && echo "PASS" || { tail -n 20 "$WORK/squid/cache.log" 2>/dev/null | grep -v -F -f "$WORK/pins.txt" || true; }
exit "$fail"
