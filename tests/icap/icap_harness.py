"""What the ICAP service tests share: bounded waits, one-line checks, reading files that may
not exist yet, stopping korgoo. No timing is ever asserted: a wait only bounds a test."""
import os
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(SRC, "pcaps"))
from generate import kg_pin  # noqa: E402,F401  synthetic, valid-format numbers: no real person


def wait_until(pred, seconds=30):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if pred():
            return True
        time.sleep(0.1)
    return False


def text(path):
    try:
        return open(path).read()
    except OSError:
        return ""


class Checks:
    """Prints ok:/FAIL: per case and counts the failures."""

    def __init__(self):
        self.failures = 0

    def __call__(self, cond, what):
        print(("ok: " if cond else "FAIL: ") + what)
        self.failures += 0 if cond else 1
        return cond


def pins(n):
    return [kg_pin(1 + i % 2, 10 + i, 3, 1980 + i, 1000 + 37 * i) for i in range(n)]


def terminate(proc, seconds=20):
    """SIGTERM, then the exit status (-1 and SIGKILL if it does not stop in time)."""
    proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return -1


def korgoo_yaml(rules, eve, policy="", icap=""):
    """A configuration for these tests: home 127.0.0.1, 127.0.0.2 in CN (not adequate), ICAP
    on a free loopback port with two event loops. `policy`, `icap`: more indented lines."""
    return f"""home_networks: [127.0.0.1/32]
detect:
  signatures: [{SRC}/signatures]
  hash_key: "000102030405060708090a0b0c0d0e0f"
rules: [{rules}]
outputs: {{eve: {{{eve}}}}}
policy:
  geo: {{overrides: [{{prefix: 127.0.0.2/32, country: CN}}]}}
{policy}icap:
  enabled: true
  listen: "127.0.0.1:0"
  resolve_hosts: false
  threads: 2
{icap}"""
