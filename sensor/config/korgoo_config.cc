#include "config/korgoo_config.h"

#include <unistd.h>

#include <charconv>

#include "config/content_paths.h"
#include "config/icap_config_loader.h"
#include "policy/policy_config_loader.h"
#include "yaml/reader.h"

namespace korgoo::config {

namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kMaxSeconds = 7 * 24 * 3600;

// Every value the file sets, by dotted key, with its line (sequences count as one value).
void record_origins(const YAML::Node& node, const std::string& prefix, const std::string& file,
                    std::map<std::string, std::string>& out) {
  if (node.IsMap()) {
    for (const auto& kv : node) {
      const auto key = kv.first.as<std::string>();
      record_origins(kv.second, prefix.empty() ? key : prefix + "." + key, file, out);
    }
    return;
  }
  if (!prefix.empty()) out[prefix] = file + ":" + std::to_string(node.Mark().line + 1);
}

void load_capture(const yaml::Reader& r, source::LiveConfig& c) {
  r.allow_only({"method", "fanout_group", "bpf", "snaplen", "promiscuous", "buffer"});
  c.method = r.choice("method", c.method == source::CaptureMethod::kPcap ? "pcap" : "af-packet",
                      {"af-packet", "pcap"}) == "pcap"
                 ? source::CaptureMethod::kPcap
                 : source::CaptureMethod::kAfPacket;
  if (r.has("fanout_group") && r.string("fanout_group", "") != "auto")
    c.fanout_group = static_cast<int>(r.integer("fanout_group", 0, 0, 65535));
  c.bpf = r.string("bpf", c.bpf);
  c.snaplen = static_cast<int>(r.integer("snaplen", c.snaplen, 64, 262144));
  c.promiscuous = r.boolean("promiscuous", c.promiscuous);
  c.buffer_mib = static_cast<int>(r.bytes("buffer", std::uint64_t(c.buffer_mib) << 20) >> 20);
}

void load_decode(const yaml::Reader& r, decode::DecodeConfig& c) {
  r.allow_only({"defrag", "max_layers", "vxlan_ports", "vxlan_gpe_ports", "geneve_ports"});
  c.max_layers = static_cast<std::uint32_t>(r.integer("max_layers", c.max_layers, 1, 32));
  c.vxlan_ports = r.ports("vxlan_ports", c.vxlan_ports);
  c.vxlan_gpe_ports = r.ports("vxlan_gpe_ports", c.vxlan_gpe_ports);
  c.geneve_ports = r.ports("geneve_ports", c.geneve_ports);
  const auto d = r.section("defrag");
  d.allow_only({"timeout", "memcap", "max_fragments"});
  c.frag_timeout_usec =
      d.integer("timeout", c.frag_timeout_usec / kUsecPerSec, 1, kMaxSeconds) * kUsecPerSec;
  c.frag_memcap =
      d.nonzero_bytes("memcap", c.frag_memcap,
                      "would drop every fragment (no datagram could be reassembled and inspected)");
  c.frag_max_fragments =
      static_cast<std::uint32_t>(d.integer("max_fragments", c.frag_max_fragments, 1, 65535));
}

void load_flow(const yaml::Reader& r, flow::FlowConfig& c) {
  r.allow_only({"max_flows", "timeouts", "vlan_in_key"});
  c.vlan_in_key = r.boolean("vlan_in_key", c.vlan_in_key);
  c.max_flows = static_cast<std::uint64_t>(r.integer("max_flows", c.max_flows, 1, 1 << 26));
  const auto t = r.section("timeouts");
  t.allow_only({"tcp_new", "tcp_established", "tcp_closed", "udp", "other"});
  c.tcp_new_timeout = t.integer("tcp_new", c.tcp_new_timeout, 1, kMaxSeconds);
  c.tcp_established_timeout =
      t.integer("tcp_established", c.tcp_established_timeout, 1, kMaxSeconds);
  c.tcp_closed_timeout = t.integer("tcp_closed", c.tcp_closed_timeout, 0, kMaxSeconds);
  c.udp_timeout = t.integer("udp", c.udp_timeout, 1, kMaxSeconds);
  c.other_timeout = t.integer("other", c.other_timeout, 1, kMaxSeconds);
}

void load_stream(const yaml::Reader& r, stream::StreamConfig& c) {
  r.allow_only({"depth", "max_ooo_per_flow", "memcap", "overlap_check_window", "urgent"});
  c.depth = r.bytes("depth", c.depth);
  c.flow_buffer_cap = r.nonzero_bytes(
      "max_ooo_per_flow", c.flow_buffer_cap,
      "turns every out-of-order segment into a gap (its bytes are never inspected)");
  c.worker_buffer_cap = r.nonzero_bytes(
      "memcap", c.worker_buffer_cap,
      "turns off all out-of-order buffering (every reordered segment becomes a gap)");
  c.overlap_check_window = r.bytes("overlap_check_window", c.overlap_check_window);
  const bool inline_urgent = c.urgent == stream::UrgentPolicy::kInline;
  c.urgent = r.choice("urgent", inline_urgent ? "inline" : "oob", {"inline", "oob"}) == "inline"
                 ? stream::UrgentPolicy::kInline
                 : stream::UrgentPolicy::kOob;
}

void load_app(const yaml::Reader& r, app::AppLimits& c) {
  r.allow_only({"max_header_bytes", "max_decompressed_bytes", "max_decompression_ratio",
                "max_mime_depth", "memcap", "max_file_output_bytes", "max_archive_bytes",
                "max_archive_entries", "max_archive_depth", "max_pdf_bytes", "max_file_seconds",
                "file_sha256"});
  c.memcap = r.nonzero_bytes("memcap", c.memcap,
                             "leaves no room for any header: every flow is read as raw bytes");
  c.max_header_bytes = r.nonzero_bytes("max_header_bytes", c.max_header_bytes,
                                       "leaves no room for any HTTP or MIME header");
  c.max_decompressed_bytes = r.nonzero_bytes("max_decompressed_bytes", c.max_decompressed_bytes,
                                             "would inspect nothing of a compressed body");
  c.max_decompression_ratio = static_cast<std::uint32_t>(
      r.integer("max_decompression_ratio", c.max_decompression_ratio, 1, 1'000'000));
  c.max_mime_depth =
      static_cast<std::uint32_t>(r.integer("max_mime_depth", c.max_mime_depth, 1, 64));
  c.max_file_output_bytes = r.nonzero_bytes("max_file_output_bytes", c.max_file_output_bytes,
                                            "would inspect nothing of a compressed file");
  c.max_archive_bytes = r.nonzero_bytes("max_archive_bytes", c.max_archive_bytes,
                                        "would open no archive or office document");
  c.max_archive_entries = static_cast<std::uint32_t>(
      r.integer("max_archive_entries", c.max_archive_entries, 1, 10'000'000));
  c.max_archive_depth =
      static_cast<std::uint32_t>(r.integer("max_archive_depth", c.max_archive_depth, 1, 32));
  c.max_pdf_bytes =
      r.nonzero_bytes("max_pdf_bytes", c.max_pdf_bytes, "would read the text of no PDF");
  c.max_file_millis = 1000 * static_cast<std::uint64_t>(r.integer(
                                 "max_file_seconds",
                                 static_cast<std::int64_t>(c.max_file_millis / 1000), 1, 86'400));
  c.file_sha256 = r.boolean("file_sha256", c.file_sha256);
}

void load_detect(const yaml::Reader& r, detect::DetectConfig& c, const fs::path& base,
                 const fs::path& data_dir) {
  r.allow_only({"signatures", "max_samples", "hash_key"});
  c.signature_paths =
      resolve_content(r.strings("signatures", {"signatures"}), base, data_dir, "signatures");
  c.max_samples = static_cast<std::size_t>(r.integer("max_samples", c.max_samples, 0, 100));
  const auto key = r.string("hash_key", "");
  if (!key.empty()) {
    if (key.size() != 32 || key.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
      r.fail(r.node()["hash_key"], "hash_key", "expected 32 hexadecimal digits (128 bits)");
    c.hash_key = key;
  }
}

// The sensor's default name in EVE `host`, as `hostname` prints it.
std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "";
  return name;
}

void load_output(const yaml::Reader& r, OutputConfig& c) {
  r.allow_only({"eve", "log"});
  const auto eve = r.section("eve");
  eve.allow_only({"filename", "flow_records", "stats_interval", "ipv6_compress", "metadata",
                  "file_mode", "flush_interval", "sensor_name", "community_id",
                  "community_id_seed"});
  c.sensor_name = eve.string("sensor_name", c.sensor_name);
  c.community_id = eve.boolean("community_id", c.community_id);
  c.community_id_seed =
      static_cast<std::uint16_t>(eve.integer("community_id_seed", c.community_id_seed, 0, 65535));
  c.eve_filename = eve.string("filename", c.eve_filename);
  const auto mode = eve.choice("flow_records", "pii", {"pii", "all", "none"});
  c.flow_records = mode == "all"    ? FlowRecords::kAll
                   : mode == "none" ? FlowRecords::kNone
                                    : FlowRecords::kPii;
  c.stats_interval = eve.integer("stats_interval", c.stats_interval, 0, kMaxSeconds);
  c.ipv6_compress = eve.boolean("ipv6_compress", c.ipv6_compress);
  c.flush_interval = eve.integer("flush_interval", c.flush_interval, 0, 3600);
  const auto meta = eve.choice("metadata", "masked", {"masked", "hashed", "clear"});
  c.metadata = meta == "hashed"  ? detect::Redaction::kHashed
               : meta == "clear" ? detect::Redaction::kClear
                                 : detect::Redaction::kMasked;
  // Octal as chmod writes it ("0640"); YAML would read 0640 as decimal 640.
  const std::string mode_text = eve.string("file_mode", "0640");
  if (mode_text.empty() || mode_text.size() > 4 ||
      mode_text.find_first_not_of("01234567") != std::string::npos)
    eve.fail(eve.node()["file_mode"], "file_mode", "expected octal permissions such as 0640");
  c.file_mode = static_cast<unsigned>(std::stoul(mode_text, nullptr, 8));
  const auto log = r.section("log");
  log.allow_only({"filename", "level"});
  c.log_filename = log.string("filename", c.log_filename);
  c.log_level = log.choice("level", c.log_level, {"debug", "info", "warning", "error"});
  if (c.log_level == "warning") c.log_level = "warn";
}

void load_inline(const yaml::Reader& r, InlineConfig& c) {
  r.allow_only({"queues", "fail_open", "queue_maxlen", "bypass_mark"});
  if (r.has("queues")) {
    c.queues.clear();
    for (const auto& q : r.strings("queues", {})) {
      try {
        for (int n : parse_queue_list(q)) c.queues.push_back(n);
      } catch (const ConfigError& e) {
        r.fail(r.node()["queues"], "queues", e.what());
      }
    }
  }
  c.fail_open = r.boolean("fail_open", c.fail_open);
  c.bypass_mark =
      static_cast<std::uint32_t>(r.integer("bypass_mark", c.bypass_mark, 0, 0xffffffffLL));
  c.queue_maxlen =
      static_cast<std::uint64_t>(r.integer("queue_maxlen", c.queue_maxlen, 1, 1 << 20));
}

}  // namespace

std::vector<int> parse_queue_list(std::string_view text) {
  std::vector<int> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const auto comma = text.find(',', pos);
    const auto item = text.substr(pos, comma == std::string_view::npos ? text.npos : comma - pos);
    int n = -1;
    auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), n);
    if (ec != std::errc() || end != item.data() + item.size() || n < 0 || n > 65535)
      throw ConfigError("'" + std::string(text) + "' is not a list of queue numbers 0..65535");
    out.push_back(n);
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return out;
}

Config default_config(const fs::path& data_dir) {
  Config c;
  c.output.sensor_name = host_name();
  c.source_file = "(built-in defaults)";
  c.flow.home_networks = policy::default_home_networks();
  c.data_dir = data_dir;
  c.detect.signature_paths = {data_dir / "signatures"};
  c.rule_paths = {data_dir / "rules"};
  c.policy.home_networks = c.flow.home_networks;
  // Remember recently delivered bytes so that a retransmission carrying different bytes (an
  // evasion attempt) is counted; bounded by the reassembly memcap.
  c.stream.overlap_check_window = 16 * 1024;
  return c;
}

Config load_config(const fs::path& file) {
  const fs::path base = file.has_parent_path() ? file.parent_path() : fs::path(".");
  return load_config(file, base / "..");
}

Config load_config(const fs::path& file, const fs::path& data_dir) {
  const YAML::Node root = yaml::Reader::load_file(file);
  const fs::path base = file.has_parent_path() ? file.parent_path() : fs::path(".");
  Config c = default_config(data_dir);
  c.source_file = file.string();
  record_origins(root, "", file.string(), c.origins);
  const yaml::Reader r(root, file.string());
  r.allow_only({"home_networks", "capture", "decode", "flow", "stream", "app", "detect", "policy",
                "rules", "outputs", "inline", "service", "threads", "icap"});
  if (r.has("threads")) {
    // "auto" (one per core) or a count; --workers overrides it.
    c.threads = r.string("threads", "auto") == "auto"
                    ? 0
                    : static_cast<unsigned>(r.integer("threads", 0, 1, kMaxThreads));
  }
  c.flow.home_networks = r.cidrs("home_networks", c.flow.home_networks);
  if (c.flow.home_networks.empty())
    r.fail(root["home_networks"], "home_networks",
           "an empty list means no address is home: nothing ever leaves, so no outbound "
           "alert can fire (list your networks, e.g. [10.0.0.0/8])");
  load_capture(r.section("capture"), c.capture);
  load_decode(r.section("decode"), c.decode);
  load_flow(r.section("flow"), c.flow);
  load_stream(r.section("stream"), c.stream);
  load_app(r.section("app"), c.app);
  load_detect(r.section("detect"), c.detect, base, data_dir);
  c.rule_paths = resolve_content(r.strings("rules", {"rules"}), base, data_dir, "rules");
  load_output(r.section("outputs"), c.output);
  load_inline(r.section("inline"), c.inline_mode);
  load_service(r.section("service"), c.service);
  load_icap(r.section("icap"), c.icap, base);
  c.policy = policy::load_policy_section(root["policy"], file.string(), base);
  c.policy.home_networks = c.flow.home_networks;
  return c;
}

}  // namespace korgoo::config
