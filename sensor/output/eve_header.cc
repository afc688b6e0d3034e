#include "output/eve_header.h"

namespace korgoo::output {

std::string proto_name(std::uint8_t ip_proto) {
  switch (ip_proto) {
    case 6:
      return "TCP";
    case 17:
      return "UDP";
    case 1:
      return "ICMP";
    case 58:
      return "IPv6-ICMP";
    case 47:
      return "GRE";
    case 132:
      return "SCTP";
    default:
      return std::to_string(ip_proto);
  }
}

Json make_record(const EveHeader& h, bool compress_v6) {
  Json r = Json::object();
  r["timestamp"] = format_iso8601(h.ts);
  if (h.flow_id) r["flow_id"] = h.flow_id;
  if (!h.in_iface.empty()) r["in_iface"] = h.in_iface;
  r["event_type"] = h.event_type;
  if (h.src_ip.family() != IpAddress::Family::kNone) {
    const bool ports = h.ip_proto == 6 || h.ip_proto == 17;
    r["src_ip"] = h.src_ip.to_string(compress_v6);
    if (ports) r["src_port"] = h.src_port;
    r["dest_ip"] = h.dest_ip.to_string(compress_v6);
    if (ports) r["dest_port"] = h.dest_port;
    r["proto"] = proto_name(h.ip_proto);
  }
  if (h.tx_id) r["tx_id"] = *h.tx_id;
  if (!h.community_id.empty()) r["community_id"] = h.community_id;
  if (!h.app_proto.empty()) r["app_proto"] = h.app_proto;
  if (!h.host.empty()) r["host"] = h.host;
  if (h.pcap_cnt) r["pcap_cnt"] = *h.pcap_cnt;
  if (!h.pcap_filename.empty()) r["pcap_filename"] = h.pcap_filename;
  return r;
}

void append_fields(Json& record, const Json& from) {
  for (auto it = from.begin(); it != from.end(); ++it) record[it.key()] = it.value();
}

}  // namespace korgoo::output
