#include "decode/decode_stats.h"

namespace korgoo::decode {

DefragStats& DefragStats::operator+=(const DefragStats& o) {
  received += o.received;
  reassembled += o.reassembled;
  timeouts += o.timeouts;
  evicted += o.evicted;
  overlap_conflicts += o.overlap_conflicts;
  return *this;
}

std::uint64_t DecodeStats::errors_total() const {
  std::uint64_t n = 0;
  for (auto c : errors) n += c;
  return n;
}

DecodeStats& DecodeStats::operator+=(const DecodeStats& o) {
  packets += o.packets;
  bytes += o.bytes;
  ipv4 += o.ipv4;
  ipv6 += o.ipv6;
  tcp += o.tcp;
  udp += o.udp;
  other_ip += o.other_ip;
  non_ip += o.non_ip;
  tcp_bad_options += o.tcp_bad_options;
  tunneled += o.tunneled;
  frag += o.frag;
  for (std::size_t i = 0; i < errors.size(); ++i) errors[i] += o.errors[i];
  for (std::size_t i = 0; i < undecoded.size(); ++i) undecoded[i] += o.undecoded[i];
  return *this;
}

void DecodeStats::to_json(Json& out) const {
  out["packets"] = packets;
  out["bytes"] = bytes;
  out["ipv4"] = ipv4;
  out["ipv6"] = ipv6;
  out["tcp"] = tcp;
  out["udp"] = udp;
  out["other_ip"] = other_ip;
  out["non_ip"] = non_ip;
  out["tcp_bad_options"] = tcp_bad_options;
  out["tunneled"] = tunneled;
  out["frag_received"] = frag.received;
  out["frag_reassembled"] = frag.reassembled;
  out["frag_timeouts"] = frag.timeouts;
  out["frag_evicted"] = frag.evicted;
  out["frag_overlap_conflicts"] = frag.overlap_conflicts;
  Json errs = Json::object();
  for (std::size_t i = 1; i < errors.size(); ++i)
    if (errors[i] != 0) errs[std::string(name(static_cast<DecodeError>(i)))] = errors[i];
  out["errors"] = std::move(errs);
  Json skipped = Json::object();
  for (std::size_t i = 1; i < undecoded.size(); ++i)
    if (undecoded[i] != 0) skipped[std::string(name(static_cast<Undecoded>(i)))] = undecoded[i];
  out["undecoded"] = std::move(skipped);
}

}  // namespace korgoo::decode
