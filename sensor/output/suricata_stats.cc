#include "output/suricata_stats.h"

#include <array>
#include <string_view>

namespace korgoo::output {

namespace {

// Suricata's name <- korgoo's name, both as JSON pointers. A counter korgoo does not have (a
// stage that did not report) is left out rather than written as 0.
struct Mapping {
  std::string_view suricata;
  std::string_view korgoo;
};

constexpr std::array kMappings = {
    Mapping{"/capture/kernel_packets", "/capture/packets"},
    Mapping{"/capture/kernel_drops", "/capture/kernel_drops"},
    Mapping{"/capture/errors", "/capture/read_errors"},
    Mapping{"/decoder/pkts", "/decoder/packets"},
    Mapping{"/decoder/bytes", "/decoder/bytes"},
    Mapping{"/decoder/ipv4", "/decoder/ipv4"},
    Mapping{"/decoder/ipv6", "/decoder/ipv6"},
    Mapping{"/decoder/tcp", "/decoder/tcp"},
    Mapping{"/decoder/udp", "/decoder/udp"},
    Mapping{"/flow/total", "/flow/created"},
    Mapping{"/flow/tcp", "/flow/tcp"},
    Mapping{"/flow/udp", "/flow/udp"},
    Mapping{"/flow/active", "/flow/active"},
    Mapping{"/tcp/sessions", "/flow/tcp"},
    Mapping{"/tcp/midstream_pickups", "/stream/midstream_pickups"},
    Mapping{"/tcp/reassembly_gap", "/stream/gaps"},
    Mapping{"/tcp/overlap", "/stream/overlaps"},
    Mapping{"/tcp/overlap_diff_data", "/stream/overlap_conflicts"},
    Mapping{"/tcp/stream_depth_reached", "/stream/depth_reached"},
    Mapping{"/tcp/rst", "/stream/resets"},
    Mapping{"/tcp/segment_memcap_drop", "/stream/ooo_cap_gaps"},
    Mapping{"/tcp/reassembly_memuse", "/memory/stream/used"},
    Mapping{"/app_layer/tx/http", "/app/http_transactions"},
    Mapping{"/app_layer/tx/smtp", "/app/smtp_transactions"},
    Mapping{"/app_layer/tx/dns_udp", "/app/dns_queries"},
    Mapping{"/app_layer/tx/ftp", "/app/ftp_commands"},
    Mapping{"/app_layer/error/http/parser", "/app/http_parse_errors"},
    Mapping{"/app_layer/error/smtp/parser", "/app/smtp_parse_errors"},
    Mapping{"/app_layer/error/dns_udp/parser", "/app/dns_parse_errors"},
    Mapping{"/app_layer/error/tls/parser", "/app/tls_parse_errors"},
    Mapping{"/app_layer/expectations", "/app/expected_flows"},
    Mapping{"/detect/alert", "/alerts/total"},
    Mapping{"/ips/accepted", "/capture/verdicts_accept"},
    Mapping{"/ips/blocked", "/capture/verdicts_drop"},
};

// Suricata's decoder.invalid: every packet the decoder rejected, whatever the reason.
std::uint64_t invalid_packets(const Json& korgoo) {
  std::uint64_t n = 0;
  const auto it = korgoo.find("decoder");
  if (it == korgoo.end()) return 0;
  const auto errors = it->find("errors");
  if (errors == it->end()) return 0;
  for (const auto& [name, count] : errors->items())
    if (count.is_number_unsigned()) n += count.get<std::uint64_t>();
  return n;
}

}  // namespace

Json suricata_stats(const Json& korgoo, std::int64_t uptime) {
  Json out = Json::object();
  out["uptime"] = uptime;
  for (const auto& m : kMappings) {
    const Json::json_pointer from{std::string(m.korgoo)};
    if (korgoo.contains(from)) out[Json::json_pointer{std::string(m.suricata)}] = korgoo[from];
  }
  if (korgoo.contains("decoder")) out["decoder"]["invalid"] = invalid_packets(korgoo);
  out["korgoo"] = korgoo;
  return out;
}

}  // namespace korgoo::output
