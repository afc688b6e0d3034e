# Shared by the service tests (sourced): waiting on files, free ports, local rules.

# Waits (bounded, not timed) until `grep -q PATTERN FILE` holds.
wait_for() { for _ in $(seq 1 600); do grep -q "$1" "$2" 2>/dev/null && return 0; sleep 0.1; done; return 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# write_local_rule FILE SID DIRECTION: one alert rule on any e-mail address.
write_local_rule() {
  cat >"$1" <<YAML
rules:
  - id: $2
    rev: 1
    signature: "LOCAL e-mail address ($3)"
    category: "Local"
    action: alert
    severity: 3
    condition:
      direction: $3
      types_any: [email]
YAML
}

# The rule count of the last reload record in EVE file $1.
last_reload_rules() {
  grep '"event_type":"reload"' "$1" | tail -1 |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["reload"]["rules"])'
}
