#!/usr/bin/env bash
# The one list of everything korgoo needs on Debian 12, for README, CI and gateways alike.
# Idempotent: safe to run on a machine that already has some or all of it.
#
#   scripts/install-deps.sh [--all]   build + test + runtime (default: README and CI)
#   scripts/install-deps.sh --build   compiler and -dev packages: a production build
#                                     (-DKORGOO_BUILD_TESTS=OFF -DKORGOO_BUILD_BENCH=OFF)
#   scripts/install-deps.sh --test    what the tests add (googletest, tshark, ...)
#   scripts/install-deps.sh --runtime the shared libraries and data a built binary needs,
#                                     and nothing of the toolchain (a gateway running a
#                                     binary built elsewhere; the .deb pulls these itself)
# Several may be given (--build --test).
set -euo pipefail

BUILD=(
  build-essential cmake pkg-config ninja-build
  libpcap-dev libhyperscan-dev libyaml-cpp-dev libspdlog-dev libfmt-dev
  nlohmann-json3-dev zlib1g-dev libssl-dev liblzma-dev libphonenumber-dev
  libnetfilter-queue-dev libmnl-dev libmaxminddb-dev tor-geoipdb
  libcap-ng-dev libsystemd-dev libcpp-httplib-dev libarchive-dev libpugixml-dev
  libpoppler-cpp-dev libmagic-dev   # PDF text; file types (libmagic-mgc: its database)
  dpkg-dev file   # cpack -G DEB (dpkg-shlibdeps computes the package's Depends)
)
TEST=(
  clang-format libgtest-dev libgmock-dev googletest libbenchmark-dev
  python3 python3-jsonschema python3-prometheus-client tshark iproute2 iptables curl
  netcat-openbsd
  python3-reportlab      # PDFs the document tests generate (tests/app/make_pdf.py)
  squid-openssl c-icap   # the ICAP test: Squid (ssl-bump capable) and c-icap-client
)
RUNTIME=(
  libpcap0.8 libhyperscan5 libyaml-cpp0.7 libspdlog1.10 libfmt9 libphonenumber8
  libnetfilter-queue1 libmnl0 libmaxminddb0 libcap-ng0 libsystemd0 libcpp-httplib0.11
  zlib1g liblzma5 libarchive13 libpugixml1v5 libpoppler-cpp0v5 libmagic1 libmagic-mgc
  tor-geoipdb adduser logrotate
)

PACKAGES=()
for arg in "${@:---all}"; do
  case "$arg" in
    --all) PACKAGES+=("${BUILD[@]}" "${TEST[@]}" "${RUNTIME[@]}") ;;
    --build) PACKAGES+=("${BUILD[@]}") ;;
    --test) PACKAGES+=("${TEST[@]}") ;;
    --runtime) PACKAGES+=("${RUNTIME[@]}") ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "install-deps.sh: unknown option '$arg' (--all, --build, --test, --runtime)" >&2; exit 2 ;;
  esac
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
# tshark asks whether non-root users may capture; answer once, non-interactively.
echo "wireshark-common wireshark-common/install-setuid boolean false" | $SUDO debconf-set-selections
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${PACKAGES[@]}"
