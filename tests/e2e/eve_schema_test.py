#!/usr/bin/env python3
"""Every EVE record korgoo writes for every bundled capture validates against Suricata's EVE
schema (../shared/schemas/suricata-eve.schema.json), once korgoo's documented extension
objects (docs/eve.md) are set aside. Skips (77) when the schema or python3-jsonschema is absent.

    eve_schema_test.py KORGOO PCAP_DIR SCHEMA
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

# korgoo's own top-level objects (docs/eve.md); everything else must be Suricata's.
EXTENSIONS = ("pii", "geo", "threat", "aggregate")
# korgoo's own objects inside a Suricata object: (parent, key).
NESTED_EXTENSIONS = (("stats", "korgoo"), ("fileinfo", "korgoo"))
# korgoo's own objects inside each item of a Suricata list: (list, key).
LISTED_EXTENSIONS = (("files", "korgoo"),)
SKIPPED_TYPES = ()


def main() -> int:
    korgoo, pcap_dir, schema_path = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    if not schema_path.exists():
        print(f"SKIP: no schema at {schema_path}")
        return 77
    try:
        from jsonschema import Draft202012Validator
    except ImportError:
        print("SKIP: python3-jsonschema not installed")
        return 77
    validator = Draft202012Validator(json.loads(schema_path.read_text()))
    failures = checked = 0
    for pcap in sorted(pcap_dir.glob("*.pcap")):
        with tempfile.TemporaryDirectory() as out:
            subprocess.run([korgoo, "-c", str(pcap_dir / "test-config.yaml"), "-r", str(pcap),
                            "-l", out], check=True, stdout=subprocess.DEVNULL)
            for n, line in enumerate(Path(out, "eve.json").read_text().splitlines(), 1):
                record = json.loads(line)
                if record.get("event_type") in SKIPPED_TYPES:
                    continue
                for key in EXTENSIONS:
                    record.pop(key, None)
                for parent, key in NESTED_EXTENSIONS:
                    if isinstance(record.get(parent), dict):
                        record[parent].pop(key, None)
                for parent, key in LISTED_EXTENSIONS:
                    for item in record.get(parent) or []:
                        if isinstance(item, dict):
                            item.pop(key, None)
                checked += 1
                for err in validator.iter_errors(record):
                    failures += 1
                    path = "/".join(map(str, err.absolute_path))
                    # The message names keys, never values: records may hold masked data only.
                    print(f"{pcap.name}: record {n} ({record.get('event_type')}): {path}: "
                          f"{err.validator} failed")
    print(f"{checked} records checked, {failures} schema errors")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
