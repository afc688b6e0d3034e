#!/usr/bin/env bash
# Protocol cases driven by c-icap-client (Debian c-icap), a second, independent ICAP client
# next to the scripted one (icap_conformance.py): OPTIONS, previews of several sizes (the
# whole body in the preview, so ieof; a zero-byte preview; none), 204 and its absence
# (-no204: the body echoed unchanged), the block page for REQMOD and RESPMOD. c-icap-client
# sends one request per connection; keep-alive is the scripted client's and Squid's part.
# Usage: c_icap_client_cases.sh ADDR PORT WORK (WORK holds pii.csv, pins.txt, benign.csv).
# Prints one line per case; exit 1 on any failure, 0 with a skip line without c-icap-client.
set -uo pipefail
ADDR=$1 PORT=$2 WORK=$3
if ! command -v c-icap-client >/dev/null; then
  echo "skip: c-icap-client is not installed (apt-get install c-icap)"
  exit 0
fi
fail=0
ok() { echo "ok: c-icap-client: $1"; }
bad() { echo "FAIL: c-icap-client: $1"; fail=1; }
# Larger than the announced Preview (4096): the preview cannot hold it all.
python3 -c 'import sys; open(sys.argv[1], "w").write("".join(f"{i},order,widget-{i},quantity {i*3}\n" for i in range(400)))' "$WORK/big.csv"
# icap OUT ARGS...: runs one request, response headers (-v) to $WORK/cc.head, body to OUT.
icap() {
  local out=$1; shift
  rm -f "$out"
  timeout 20 c-icap-client -i "$ADDR" -p "$PORT" -s korgoo -x "X-Client-IP: 127.0.0.1" -v \
    -o "$out" "$@" >"$WORK/cc.head" 2>&1
}
status() { grep -o -m1 'ICAP/1.0 [0-9]*' "$WORK/cc.head" | cut -d' ' -f2; }
req() { echo "-req http://127.0.0.2:8080/upload -method POST"; }

icap "$WORK/cc.out"
grep -q 'Methods: REQMOD, RESPMOD' "$WORK/cc.head" && [ "$(status)" = 200 ] &&
  grep -q 'Allow: 204' "$WORK/cc.head" && ok "OPTIONS" || bad "OPTIONS: $(head -c 300 "$WORK/cc.head")"

# shellcheck disable=SC2046  # req's words are separate arguments
icap "$WORK/cc.out" -f "$WORK/benign.csv" $(req)
[ "$(status)" = 204 ] && ok "small benign body, whole in the preview (ieof): 204" || bad "ieof preview answered $(status)"
# shellcheck disable=SC2046
icap "$WORK/cc.out" -f "$WORK/big.csv" $(req)
[ "$(status)" = 204 ] && ok "body larger than the preview (100 Continue, then the rest): 204" || bad "preview and rest answered $(status)"
# shellcheck disable=SC2046
icap "$WORK/cc.out" -f "$WORK/big.csv" $(req) -w 0
[ "$(status)" = 204 ] && ok "zero-byte preview: 204" || bad "zero-byte preview answered $(status)"
# shellcheck disable=SC2046
icap "$WORK/cc.out" -f "$WORK/big.csv" $(req) -w 1000
[ "$(status)" = 204 ] && ok "1000-byte preview: 204" || bad "1000-byte preview answered $(status)"
# shellcheck disable=SC2046
icap "$WORK/cc.out" -f "$WORK/big.csv" $(req) -nopreview
[ "$(status)" = 204 ] && ok "no preview: 204" || bad "no preview answered $(status)"
# shellcheck disable=SC2046
icap "$WORK/cc.out" -f "$WORK/big.csv" $(req) -nopreview -no204
[ "$(status)" = 200 ] && cmp -s "$WORK/cc.out" "$WORK/big.csv" &&
  ok "204 not allowed: 200 with the body echoed unchanged" || bad "-no204 answered $(status), body $(wc -c <"$WORK/cc.out" 2>/dev/null) bytes"

# shellcheck disable=SC2046
icap "$WORK/cc.out" -f "$WORK/pii.csv" $(req)
[ "$(status)" = 200 ] && grep -q 'HTTP/1.1 403' "$WORK/cc.head" && grep -q 'Upload blocked' "$WORK/cc.out" &&
  ok "REQMOD with personal data: the block page" || bad "REQMOD personal data answered $(status)"
# shellcheck disable=SC2046
icap "$WORK/cc.out" -f "$WORK/pii.csv" $(req) -w 0 -no204
[ "$(status)" = 200 ] && grep -q 'Upload blocked' "$WORK/cc.out" &&
  ok "REQMOD with personal data, zero-byte preview, no 204: the block page" || bad "REQMOD -w 0 -no204 answered $(status)"
icap "$WORK/cc.out" -f "$WORK/pii.csv" -resp http://127.0.0.2:8080/export.csv
[ "$(status)" = 200 ] && grep -q 'HTTP/1.1 403' "$WORK/cc.head" && grep -q 'Download blocked' "$WORK/cc.out" &&
  ok "RESPMOD: a download of personal data from a non-adequate server gets the block page" || bad "RESPMOD personal data answered $(status)"
icap "$WORK/cc.out" -f "$WORK/big.csv" -resp http://127.0.0.2:8080/catalogue.csv
[ "$(status)" = 204 ] && ok "RESPMOD benign download: 204" || bad "RESPMOD benign answered $(status)"
if cat "$WORK"/cc.* 2>/dev/null | grep -q -F -f "$WORK/pins.txt"; then bad "an answer repeats an identifier"; fi
rm -f "$WORK"/cc.*
exit "$fail"
