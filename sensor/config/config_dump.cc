#include "config/config_dump.h"

#include <fmt/format.h>

#include "common/json.h"

namespace korgoo::config {

namespace {

class Dumper {
 public:
  Dumper(const Config& c, std::ostream& out) : c_(c), out_(out) {}

  template <class T>
  void line(const std::string& key, const T& value) {
    out_ << key << ": " << Json(value).dump() << "  # " << origin_of(key) << "\n";
  }

 private:
  // The key itself, or the closest enclosing key the file set (a whole list or mapping).
  std::string origin_of(const std::string& key) const {
    for (std::string k = key;;) {
      if (auto it = c_.origins.find(k); it != c_.origins.end()) return it->second;
      const auto dot = k.rfind('.');
      if (dot == std::string::npos) break;
      k.resize(dot);
    }
    // A list given in the file is recorded by its items' keys ("policy.geo.overrides").
    const auto below = c_.origins.lower_bound(key + ".");
    if (below != c_.origins.end() && below->first.rfind(key + ".", 0) == 0) return below->second;
    return "default";
  }

  const Config& c_;
  std::ostream& out_;
};

std::vector<std::string> strings_of(const std::vector<std::filesystem::path>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) out.push_back(p.string());
  return out;
}

std::vector<std::string> strings_of(const CidrSet& set) {
  std::vector<std::string> out;
  for (const auto& p : set.prefixes()) out.push_back(p.to_string());
  return out;
}

}  // namespace

void dump_config(const Config& c, std::ostream& out) {
  out << "# korgoo effective configuration from " << c.source_file << "\n";
  Dumper d(c, out);
  d.line("data_dir", c.data_dir.string());
  d.line("home_networks", strings_of(c.flow.home_networks));
  if (c.threads == 0)
    d.line("threads", "auto");
  else
    d.line("threads", c.threads);
  d.line("capture.method", c.capture.method == source::CaptureMethod::kPcap ? "pcap" : "af-packet");
  if (c.capture.fanout_group < 0)
    d.line("capture.fanout_group", "auto");
  else
    d.line("capture.fanout_group", c.capture.fanout_group);
  d.line("capture.bpf", c.capture.bpf);
  d.line("capture.snaplen", c.capture.snaplen);
  d.line("capture.promiscuous", c.capture.promiscuous);
  d.line("capture.buffer", std::to_string(c.capture.buffer_mib) + "mb");
  d.line("decode.defrag.timeout", c.decode.frag_timeout_usec / kUsecPerSec);
  d.line("decode.defrag.memcap", c.decode.frag_memcap);
  d.line("decode.defrag.max_fragments", c.decode.frag_max_fragments);
  d.line("decode.max_layers", c.decode.max_layers);
  d.line("decode.vxlan_ports", c.decode.vxlan_ports);
  d.line("decode.vxlan_gpe_ports", c.decode.vxlan_gpe_ports);
  d.line("decode.geneve_ports", c.decode.geneve_ports);
  d.line("flow.max_flows", c.flow.max_flows);
  d.line("flow.vlan_in_key", c.flow.vlan_in_key);
  d.line("flow.timeouts.tcp_new", c.flow.tcp_new_timeout);
  d.line("flow.timeouts.tcp_established", c.flow.tcp_established_timeout);
  d.line("flow.timeouts.tcp_closed", c.flow.tcp_closed_timeout);
  d.line("flow.timeouts.udp", c.flow.udp_timeout);
  d.line("flow.timeouts.other", c.flow.other_timeout);
  d.line("stream.depth", c.stream.depth);
  d.line("stream.max_ooo_per_flow", c.stream.flow_buffer_cap);
  d.line("stream.memcap", c.stream.worker_buffer_cap);
  d.line("stream.overlap_check_window", c.stream.overlap_check_window);
  d.line("stream.urgent",
         std::string(c.stream.urgent == stream::UrgentPolicy::kInline ? "inline" : "oob"));
  d.line("app.max_header_bytes", c.app.max_header_bytes);
  d.line("app.memcap", c.app.memcap);
  d.line("app.max_decompressed_bytes", c.app.max_decompressed_bytes);
  d.line("app.max_decompression_ratio", c.app.max_decompression_ratio);
  d.line("app.max_mime_depth", c.app.max_mime_depth);
  d.line("app.file_sha256", c.app.file_sha256);
  d.line("detect.signatures", strings_of(c.detect.signature_paths));
  d.line("detect.max_samples", c.detect.max_samples);
  d.line("detect.hash_key", c.detect.hash_key ? "(set)" : "(random per run)");
  d.line("rules", strings_of(c.rule_paths));
  d.line("policy.home_country", c.policy.home_country);
  d.line("policy.adequate_countries", c.policy.adequate_countries);
  d.line("policy.unknown_country", c.policy.unknown_is_adequate ? "adequate" : "not_adequate");
  d.line("policy.geo.tor_geoip", c.policy.geo.tor_geoip);
  d.line("policy.geo.tor_geoip6", c.policy.geo.tor_geoip6);
  d.line("policy.geo.mmdb", c.policy.geo.mmdb);
  d.line("policy.geo.overrides", std::to_string(c.policy.geo.overrides.size()) + " prefixes");
  d.line("policy.legal_bases", std::to_string(c.policy.legal_bases.size()) + " recipients");
  d.line("policy.aggregation.max_hosts", c.policy.aggregation.max_hosts);
  d.line("policy.aggregation.bucket_seconds", c.policy.aggregation.bucket_seconds);
  d.line("outputs.eve.filename", c.output.eve_filename);
  d.line("outputs.eve.flow_records", c.output.flow_records == FlowRecords::kAll    ? "all"
                                     : c.output.flow_records == FlowRecords::kNone ? "none"
                                                                                   : "pii");
  d.line("outputs.eve.stats_interval", c.output.stats_interval);
  d.line("outputs.eve.ipv6_compress", c.output.ipv6_compress);
  d.line("outputs.eve.metadata", c.output.metadata == detect::Redaction::kHashed  ? "hashed"
                                 : c.output.metadata == detect::Redaction::kClear ? "clear"
                                                                                  : "masked");
  d.line("outputs.eve.flush_interval", c.output.flush_interval);
  d.line("outputs.eve.file_mode", fmt::format("{:04o}", c.output.file_mode));
  d.line("outputs.eve.sensor_name", c.output.sensor_name);
  d.line("outputs.eve.community_id", c.output.community_id);
  d.line("outputs.eve.community_id_seed", c.output.community_id_seed);
  d.line("outputs.log.filename", c.output.log_filename);
  d.line("outputs.log.level", c.output.log_level);
  d.line("inline.queues", c.inline_mode.queues);
  d.line("inline.fail_open", c.inline_mode.fail_open);
  d.line("inline.queue_maxlen", c.inline_mode.queue_maxlen);
  d.line("inline.bypass_mark", c.inline_mode.bypass_mark);
  d.line("service.user", c.service.user);
  d.line("service.group", c.service.group);
  d.line("service.control_socket", c.service.control_socket);
  d.line("service.pid_file", c.service.pid_file);
  d.line("service.metrics_listen", c.service.metrics_listen);
  const auto& i = c.icap;
  d.line("icap.enabled", i.enabled);
  d.line("icap.listen", i.address + ":" + std::to_string(i.port));
  d.line("icap.service", i.service);
  if (i.threads == 0)
    d.line("icap.threads", "auto");
  else
    d.line("icap.threads", i.threads);
  d.line("icap.max_connections", i.max_connections);
  d.line("icap.preview", i.preview);
  d.line("icap.options_ttl", i.options_ttl);
  d.line("icap.transfer_ignore", i.transfer_ignore);
  d.line("icap.max_header_bytes", i.max_header_bytes);
  d.line("icap.max_buffered_body", i.max_buffered_body);
  d.line("icap.idle_timeout_ms", i.idle_timeout_ms);
  d.line("icap.time_budget_ms", i.time_budget_ms);
  d.line("icap.fail_open", i.fail_open);
  d.line("icap.enforce", i.enforce);
  d.line("icap.client_ip_header", i.client_ip_header);
  d.line("icap.username_header", i.username_header);
  d.line("icap.server_ip_header", i.server_ip_header);
  d.line("icap.resolve_hosts", i.resolve_hosts);
  d.line("icap.hosts", i.hosts);
  d.line("icap.block_page.status", i.block_page.status);
  d.line("icap.block_page.html_file", i.block_page.html_file);
  d.line("icap.block_page.json_file", i.block_page.json_file);
}

}  // namespace korgoo::config
