// The fields every EVE record starts with, in Suricata's order.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "common/ip_address.h"
#include "common/json.h"
#include "common/timestamp.h"

namespace korgoo::output {

struct EveHeader {
  Timestamp ts;
  std::string_view event_type;
  std::uint64_t flow_id = 0;  // 0 = not about a flow (stats)
  IpAddress src_ip;
  std::uint16_t src_port = 0;
  IpAddress dest_ip;
  std::uint16_t dest_port = 0;
  std::uint8_t ip_proto = 0;
  std::string_view app_proto;  // "" = omitted
  // Correlation keys as Suricata names them; empty / nullopt = omitted.
  std::string_view in_iface;      // live or inline: the interface or queue the packet came in on
  std::string_view community_id;  // Community ID v1 of the flow
  std::optional<std::uint64_t> tx_id;
  std::string_view host;                  // the sensor's name
  std::optional<std::uint64_t> pcap_cnt;  // replay: the packet the record was made on
  std::string_view pcap_filename;         // replay: the capture file being read
};

// "TCP", "UDP", "ICMP", "IPv6-ICMP", or the protocol number as text.
std::string proto_name(std::uint8_t ip_proto);

// A record holding the header fields, ready for the event's own objects to be appended.
Json make_record(const EveHeader& h, bool compress_v6);

// Appends every key of the object `from` to `record`, in `from`'s order (a key `record`
// already has keeps its place and takes the new value).
void append_fields(Json& record, const Json& from);

}  // namespace korgoo::output
