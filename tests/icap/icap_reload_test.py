#!/usr/bin/env python3
"""The ICAP service as a service: control socket, reload, privilege drop, block page paths.

Usage: icap_reload_test.py KORGOO KORGOO_CTL. Starts korgoo --icap with two event loops, a
control socket and (as root) --user nobody, from a configuration in a scratch folder whose
block page template is named relative to that folder. On ONE keep-alive ICAP connection:
personal data to a non-adequate host first gets 204 (no drop rule yet); a drop rule is added
and SIGHUP sent: the same connection now gets the template's block page; a broken rule and
`korgoo-ctl reload` fail and keep the running set: still blocked, a benign body still 204.
Every wait is bounded; no timing is asserted. Exit 0 pass, 1 fail.
"""
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile

from icap_conformance import chunk, reqmod, response
from icap_harness import Checks, korgoo_yaml, pins as make_pins, terminate, text, wait_until

DEST = b"127.0.0.2"  # CN in the configuration below: not adequate
ALERT_RULE = """rules:
  - id: 9200001
    signature: "TEST e-mail address leaving"
    action: alert
    severity: 3
    condition: {direction: outbound, types_any: [email]}
"""
DROP_RULE = """rules:
  - id: 9200002
    signature: "TEST drop: personal data to a non-adequate country"
    action: drop
    severity: 1
    condition: {direction: outbound, adequate: false, basis: none}
"""




def main():
    korgoo, ctl = sys.argv[1], sys.argv[2]
    tmp = tempfile.mkdtemp(prefix="korgoo-icap-svc.")
    os.chmod(tmp, 0o755)
    check = Checks()

    etc, log = os.path.join(tmp, "etc"), os.path.join(tmp, "log")
    os.makedirs(os.path.join(etc, "rules.d"))
    os.makedirs(os.path.join(etc, "pages"))
    os.makedirs(log)
    open(os.path.join(etc, "rules.d", "base.yaml"), "w").write(ALERT_RULE)
    open(os.path.join(etc, "pages", "block.html"), "w").write(
        "<html><body>KORGOO-TEST-PAGE {{signature}} incident {{incident}}</body></html>\n")
    open(os.path.join(etc, "korgoo.yaml"), "w").write(korgoo_yaml(
        "rules.d", "stats_interval: 1", "  adequate_countries: [DE]\n",
        "  block_page: {html_file: pages/block.html}\n"))

    pins = make_pins(5)
    pii = "".join(f"{i},client,{p}\n" for i, p in enumerate(pins)).encode()
    benign = b"".join(b"%d,order,widget-%d\n" % (i, i) for i in range(20))

    args = [korgoo, "-c", os.path.join(etc, "korgoo.yaml"), "-l", log,
            "--control", os.path.join(tmp, "ctl")]
    as_nobody = os.geteuid() == 0 and shutil.which("setpriv") is not None
    try:
        pwd.getpwnam("nobody")
        subprocess.run(["getent", "group", "nogroup"], check=True, capture_output=True)
    except (KeyError, subprocess.CalledProcessError):
        as_nobody = False
    if as_nobody:
        args += ["--user", "nobody", "--group", "nogroup"]
        shutil.chown(log, "nobody", "nogroup")
    out = open(os.path.join(tmp, "stdout"), "w")
    proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, cwd="/")
    logfile = os.path.join(log, "korgoo.log")
    eve = os.path.join(log, "eve.json")

    def log_text():
        return text(logfile)

    def eve_records():
        try:
            return [json.loads(l) for l in open(eve) if l.strip()]
        except (OSError, ValueError):
            return []

    def ctl_run(*cmd):
        return subprocess.run([ctl, "--socket", os.path.join(tmp, "ctl"), *cmd],
                              capture_output=True, text=True, timeout=20)

    try:
        if not check(wait_until(lambda: "icap://127.0.0.1:" in log_text()), "korgoo --icap started"):
            print(open(os.path.join(tmp, "stdout")).read())
            return 1
        port = int(log_text().split("icap://127.0.0.1:")[1].split("/")[0])
        check("2 loops" in log_text(), "two event loops (icap.threads: 2)")
        if as_nobody:
            status = open(f"/proc/{proc.pid}/status").read()
            uid = [l for l in status.splitlines() if l.startswith("Uid:")][0].split()[1:]
            check(uid == ["65534"] * 4, "privileges dropped to nobody after binding")
        else:
            print("skip: privilege drop (not root)")
        wait_until(lambda: os.path.exists(os.path.join(tmp, "ctl")), 10)
        r = ctl_run("stats")
        stats = json.loads(r.stdout) if r.returncode == 0 else {}
        check(len(stats.get("icap", {}).get("loops", [])) == 2 and "detect" in stats,
              "korgoo-ctl stats answers with both loops' counters")

        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        f = s.makefile("rb")

        def ask(body):
            s.sendall(reqmod(DEST, chunk(body), b"Allow: 204\r\n"))
            return response(f)

        status, _, _ = ask(pii)
        check(status == 204, "without a drop rule, personal data gets 204")

        open(os.path.join(etc, "rules.d", "drop.yaml"), "w").write(DROP_RULE)
        proc.send_signal(signal.SIGHUP)
        reloaded = lambda: any(r["event_type"] == "reload" and r["reload"].get("result") == "ok"
                               for r in eve_records())
        check(wait_until(reloaded), "SIGHUP: a reload record in EVE")
        status, _, page = ask(pii)
        check(status == 200 and b"KORGOO-TEST-PAGE" in page and b"TEST drop" in page,
              "after SIGHUP the same connection gets the block page from the relative template")
        check(not any(p.encode() in page for p in pins), "the block page names no identifier")

        open(os.path.join(etc, "rules.d", "broken.yaml"), "w").write("rules: [ {broken\n")
        r = ctl_run("reload")
        check(r.returncode == 1 and "broken.yaml" in r.stdout + r.stderr,
              "a broken rule: korgoo-ctl reload fails and names the file")
        status, _, page = ask(pii)
        check(status == 200 and b"KORGOO-TEST-PAGE" in page,
              "the running set stays: still blocked on the same connection")
        status, _, _ = ask(benign)
        check(status == 204, "a benign body still gets 204 on the same connection")
        s.close()

        rc = terminate(proc)
        check(rc == 0, f"SIGTERM stops the service (exit {rc})")
        recs = eve_records()
        final = [r for r in recs if r["event_type"] == "stats"]
        icap = final[-1]["stats"]["korgoo"].get("icap", {}) if final else {}
        check(icap.get("reqmod") == 4 and icap.get("blocked") == 2,
              f"the final stats record adds up both loops (reqmod {icap.get('reqmod')})")
        alerts = [r for r in recs if r["event_type"] == "alert"]
        check(any(a.get("alert", {}).get("action") == "blocked" for a in alerts),
              "EVE has the blocked alert")
        everything = text(eve) + log_text()
        check(not any(p in everything for p in pins), "no identifier in clear in EVE or the log")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if check.failures:
            print(log_text()[-3000:])
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if check.failures else 0


if __name__ == "__main__":
    sys.exit(main())
