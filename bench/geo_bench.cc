// Country lookups per second against Debian's tor-geoipdb ranges, through the same GeoResolver
// the policy uses (overrides, special ranges, then the range database).
//   cmake -S . -B build-bench -G Ninja && cmake --build build-bench --target geo_bench
//   ./build-bench/bench/geo_bench
#include <benchmark/benchmark.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <random>
#include <vector>

#include "policy/geo_resolver.h"
#include "policy/tor_geoip_loader.h"

namespace {

using korgoo::IpAddress;
using korgoo::policy::GeoResolver;
using korgoo::policy::TorGeoipLoader;

constexpr const char* kV4 = "/usr/share/tor/geoip";
constexpr const char* kV6 = "/usr/share/tor/geoip6";

// Loaded once for all benchmarks; ~1 s of parsing that must not be timed.
const GeoResolver* resolver() {
  static const std::unique_ptr<GeoResolver> r = [] {
    std::vector<std::unique_ptr<korgoo::policy::GeoDatabase>> dbs;
    if (std::filesystem::exists(kV4) && std::filesystem::exists(kV6))
      dbs.push_back(TorGeoipLoader::load(kV4, kV6));
    return std::make_unique<GeoResolver>(std::move(dbs),
                                         std::vector<korgoo::policy::GeoOverride>{});
  }();
  return r.get();
}

std::vector<IpAddress> random_v4(std::size_t n) {
  std::mt19937_64 rng(42);
  std::vector<IpAddress> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    out.push_back(IpAddress::v4(static_cast<std::uint32_t>(rng())));
  return out;
}

// Random addresses under /16s where RIRs have allocated heavily, so that lookups land in the
// populated part of the table (uniformly random IPv6 addresses almost all miss).
std::vector<IpAddress> random_v6(std::size_t n) {
  constexpr std::uint16_t kPrefixes[] = {0x2001, 0x2401, 0x2403, 0x2600, 0x2604, 0x2605, 0x2800,
                                         0x2a00, 0x2a01, 0x2a02, 0x2a03, 0x2a05, 0x2a06, 0x2a0e};
  std::mt19937_64 rng(42);
  std::vector<IpAddress> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::uint8_t b[16];
    for (auto& x : b) x = static_cast<std::uint8_t>(rng());
    const std::uint16_t p = kPrefixes[rng() % std::size(kPrefixes)];
    b[0] = static_cast<std::uint8_t>(p >> 8);
    b[1] = static_cast<std::uint8_t>(p);
    out.push_back(IpAddress::v6(b));
  }
  return out;
}

void lookups(benchmark::State& state, const std::vector<IpAddress>& addrs) {
  const GeoResolver* r = resolver();
  if (r->describe().find("tor geoip") == std::string::npos) {
    state.SkipWithError("tor-geoipdb not installed");
    return;
  }
  std::size_t i = 0, found = 0;
  for (auto _ : state) {
    const auto where = r->lookup(addrs[i]);
    found += where.country.empty() ? 0 : 1;
    benchmark::DoNotOptimize(where);
    if (++i == addrs.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["found_ratio"] =
      benchmark::Counter(static_cast<double>(found) / static_cast<double>(state.iterations()));
}

void BM_GeoLookupV4(benchmark::State& state) {
  static const auto addrs = random_v4(1 << 16);
  lookups(state, addrs);
}
BENCHMARK(BM_GeoLookupV4);

void BM_GeoLookupV6(benchmark::State& state) {
  static const auto addrs = random_v6(1 << 16);
  lookups(state, addrs);
}
BENCHMARK(BM_GeoLookupV6);

void BM_TorGeoipLoad(benchmark::State& state) {
  if (!std::filesystem::exists(kV4)) {
    state.SkipWithError("tor-geoipdb not installed");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(TorGeoipLoader::load(kV4, kV6));
}
BENCHMARK(BM_TorGeoipLoad)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
