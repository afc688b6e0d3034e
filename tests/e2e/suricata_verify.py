#!/usr/bin/env python3
"""Replays Suricata's regression captures (../shared/pcaps/suricata-verify) through korgoo and
compares every expectation in expected.jsonl with korgoo's EVE records.

An expectation holds when the number of korgoo records matching its `match` equals `count`
(or is at least 1 when `count` is null). Prints the agreement rate, lists each disagreement,
optionally writes a Markdown report, and fails when agreement drops below --min-agreement.
Exit 77 (ctest: skipped) when the shared captures are absent.
"""
import argparse
import collections
import ipaddress
import json
import os
import re
import subprocess
import sys
import tempfile

INDEX = re.compile(r"^(.*)\[(\d+)\]$")


def lookup(record, path):
    """Follows a dotted path with optional [N] indexes; returns (found, value)."""
    node = record
    for part in path.split("."):
        m = INDEX.match(part)
        name, idx = (m.group(1), int(m.group(2))) if m else (part, None)
        if not isinstance(node, dict) or name not in node:
            return False, None
        node = node[name]
        if idx is not None:
            if not isinstance(node, list) or idx >= len(node):
                return False, None
            node = node[idx]
    return True, node


def normal_ip(value):
    try:
        return ipaddress.ip_address(value).exploded
    except (ValueError, TypeError):
        return value


def as_suricata(record, settings):
    """Adapts korgoo's record to the layout a check was written for (DNS v2, compressed v6)."""
    if "eve.dns.version=2" in settings and record.get("event_type") == "dns":
        dns = dict(record["dns"])
        if dns.get("type") == "request":
            dns["type"] = "query"
        record = dict(record, dns=dns)
    return record


def matches(record, match):
    for key, want in match.items():
        if key in ("has-key", "not-has-key"):
            paths = want if isinstance(want, list) else [want]
            for p in paths:
                found, _ = lookup(record, p)
                if found != (key == "has-key"):
                    return False
            continue
        found, got = lookup(record, key)
        if not found:
            return False
        if key.endswith("_ip"):
            got, want = normal_ip(got), normal_ip(want)
        if type(got) is not type(want) or got != want:
            return False
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--korgoo", required=True)
    ap.add_argument("--config", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--min-agreement", type=float, default=0.0)
    ap.add_argument("--report", help="write a Markdown table of disagreements here")
    args = ap.parse_args()

    sv = os.path.join(args.shared, "pcaps", "suricata-verify")
    expected_path = os.path.join(sv, "expected.jsonl")
    if not os.path.exists(expected_path):
        print("SKIPPED: suricata-verify captures not present at", sv)
        return 77

    with tempfile.TemporaryDirectory(prefix="korgoo-sv-") as out:
        subprocess.run([args.korgoo, "-c", args.config, "-r", sv, "--each-file", "-l", out],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        records = {}
        for name in os.listdir(out):
            if name.endswith(".json") and name != "eve.json":
                with open(os.path.join(out, name), encoding="utf-8") as f:
                    records[name[:-5]] = [json.loads(line) for line in f if line.strip()]

    total = agreed = 0
    disagreements = []
    by_type = collections.Counter()
    by_type_ok = collections.Counter()
    with open(expected_path, encoding="utf-8") as f:
        for line in f:
            check = json.loads(line)
            stem = check["pcap"]  # --each-file keeps the extension: x.pcap -> x.pcap.json
            settings = check.get("settings") or []
            recs = [as_suricata(r, settings) for r in records.get(stem, [])]
            n = sum(1 for r in recs if matches(r, check["match"]))
            want = check["count"]
            ok = n >= 1 if want is None else n == want
            total += 1
            by_type[check["event_type"]] += 1
            if ok:
                agreed += 1
                by_type_ok[check["event_type"]] += 1
            else:
                disagreements.append((check["test"], check["event_type"], want, n, check["match"]))

    rate = agreed / total if total else 0.0
    print(f"suricata-verify: {agreed} of {total} checks agree ({rate:.1%})")
    for t in sorted(by_type):
        print(f"  {t}: {by_type_ok[t]}/{by_type[t]}")
    for test, etype, want, n, match in disagreements:
        print(f"  differs: {test} [{etype}] expected {'>=1' if want is None else want}, got {n}: "
              f"{json.dumps(match, ensure_ascii=False)[:160]}")
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write(f"{agreed} of {total} checks agree ({rate:.1%}).\n\n")
            f.write("| event type | agree | checks |\n|---|---|---|\n")
            for t in sorted(by_type):
                f.write(f"| {t} | {by_type_ok[t]} | {by_type[t]} |\n")
            f.write("\n| test | event | expected | got | match |\n|---|---|---|---|---|\n")
            for test, etype, want, n, match in disagreements:
                m = json.dumps(match, ensure_ascii=False).replace("|", "\\|")[:200]
                f.write(f"| {test} | {etype} | {'≥1' if want is None else want} | {n} | `{m}` |\n")
    if rate < args.min_agreement:
        print(f"FAIL: agreement {rate:.1%} is below the floor {args.min_agreement:.1%}")
        return 1
    print(f"{agreed} passed, {total - agreed} failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
