#!/usr/bin/env bash
# The one list of everything korgoo needs on Debian 12, for README and CI alike.
# Idempotent: safe to run on a machine that already has some or all of it.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config ninja-build clang-format
  libpcap-dev libhyperscan-dev libyaml-cpp-dev libspdlog-dev libfmt-dev
  nlohmann-json3-dev zlib1g-dev libssl-dev liblzma-dev libphonenumber-dev
  libnetfilter-queue-dev libmnl-dev libmaxminddb-dev tor-geoipdb
  libcap-ng-dev libsystemd-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  python3 python3-jsonschema tshark iproute2 iptables curl netcat-openbsd
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
# tshark asks whether non-root users may capture; answer once, non-interactively.
echo "wireshark-common wireshark-common/install-setuid boolean false" | $SUDO debconf-set-selections
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${PACKAGES[@]}"
