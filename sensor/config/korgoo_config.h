// The whole configuration: one struct per stage, filled from config/korgoo.yaml (or from the
// built-in defaults when no file is given). The pipeline stages do not read this file, with one
// exception: the `policy:` section is read by policy/policy_config_loader, called from here.
// Stages that own files of their own (detect's signatures, policy's rules) read them with the
// yaml stage's reader (yaml/reader.h), as this loader does.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "app/protocol_decoder.h"
#include "config/config_error.h"
#include "config/service_config.h"
#include "decode/decode_config.h"
#include "detect/detect_config.h"
#include "detect/text_masker.h"
#include "flow/flow_config.h"
#include "icap/icap_config.h"
#include "policy/policy_config.h"
#include "source/live_source.h"
#include "stream/stream_config.h"

namespace korgoo::config {

enum class FlowRecords { kPii, kAll, kNone };

struct OutputConfig {
  std::string eve_filename = "eve.json";
  FlowRecords flow_records = FlowRecords::kPii;  // which ended flows get a flow record
  std::int64_t stats_interval = 60;              // seconds of packet time; 0 = only at exit
  bool ipv6_compress = false;                    // Suricata writes IPv6 in full by default
  // How identifiers inside metadata (URLs, file names, addresses, DNS names) are written.
  detect::Redaction metadata = detect::Redaction::kMasked;
  std::int64_t flush_interval = 1;  // seconds of wall time a record may wait; 0 = every record
  unsigned file_mode = 0640;        // permissions of newly created eve.json and korgoo.log
  std::string sensor_name;          // EVE `host`; the machine's host name unless configured
  bool community_id = true;         // EVE `community_id` on flow-related records
  std::uint16_t community_id_seed = 0;
  std::string log_filename = "korgoo.log";
  std::string log_level = "info";
};

struct InlineConfig {
  std::vector<int> queues;  // NFQUEUE numbers
  bool fail_open = true;    // when the sensor falls behind: accept (true) or drop
  std::uint64_t queue_maxlen = 4096;
  // Mark put on packets of flows past the reassembly depth in both directions (nothing left to
  // inspect), so that a rule can stop queueing them; 0 = never mark.
  std::uint32_t bypass_mark = 0x1;
};

inline constexpr unsigned kMaxThreads = 256;

struct Config {
  std::string source_file;  // the file it came from, or "(built-in defaults)"
  flow::FlowConfig flow;
  decode::DecodeConfig decode;
  stream::StreamConfig stream;
  app::AppLimits app;
  detect::DetectConfig detect;
  policy::PolicyConfig policy;
  std::vector<std::filesystem::path> rule_paths;
  OutputConfig output;
  source::LiveConfig capture;
  InlineConfig inline_mode;
  ServiceConfig service;
  // Workers (`threads`): 0 = one per core. Inline runs at most one per queue.
  unsigned threads = 0;
  icap::IcapConfig icap;  // the ICAP service (--icap, or icap.enabled)
  // Where relative signature and rule paths fall back to (config/content_paths.h).
  std::filesystem::path data_dir;
  // Dotted key ("stream.depth") -> where its value was set ("/etc/korgoo/korgoo.yaml:52"),
  // for --dump-config; a key not here has its built-in default.
  std::map<std::string, std::string> origins;
};

// Loads `file`; relative signature and rule paths are searched beside it, then in `data_dir`
// (config/content_paths.h). Throws ConfigError naming the file, line and key of the first
// problem.
Config load_config(const std::filesystem::path& file, const std::filesystem::path& data_dir);
// As above with the folder above the file's as the data folder (a source tree's config/).
Config load_config(const std::filesystem::path& file);

// The built-in defaults, with content (signatures, rules) under `data_dir`.
Config default_config(const std::filesystem::path& data_dir);

// "0" or "0,1,2": NFQUEUE numbers for -q; throws ConfigError when malformed.
std::vector<int> parse_queue_list(std::string_view text);

}  // namespace korgoo::config
