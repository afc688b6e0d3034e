// One application protocol's decoder for one flow: a streaming state machine fed both
// directions in order. It must cope with input one byte at a time, keep bounded memory, and
// never throw on malformed input (it counts and degrades to raw-only instead).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/app_memory.h"
#include "app/app_metadata.h"
#include "app/app_sink.h"
#include "app/dns/dns_stats.h"
#include "app/expectations.h"
#include "app/ftp/ftp_stats.h"
#include "app/http/http_stats.h"
#include "app/smtp/smtp_stats.h"
#include "app/tls/tls_stats.h"
#include "common/bytes.h"
#include "common/direction.h"
#include "common/json.h"
#include "common/timestamp.h"

namespace korgoo::app {

class FileMagic;

struct AppLimits {
  std::uint64_t max_header_bytes = 64 * 1024;          // one HTTP header block / SMTP line etc.
  std::uint64_t max_decompressed_bytes = 64ull << 20;  // per body; beyond it: stop, count
  std::uint32_t max_decompression_ratio = 1000;        // output/input; beyond it: stop, count
  std::uint32_t max_mime_depth = 8;
  // Files (korgoo scan; issue 13): against archive and decompression bombs. Each hit is
  // reported and stops only that file's (or archive's) decoding.
  std::uint64_t max_file_output_bytes = 1ull << 30;  // decoded bytes of one file, all layers
  std::uint64_t max_archive_bytes = 256ull << 20;    // an archive is read whole up to this
  std::uint32_t max_archive_entries = 10000;         // members read per archive
  std::uint32_t max_archive_depth = 4;               // archives inside archives
  std::uint64_t max_pdf_bytes = 64ull << 20;         // a PDF is read whole up to this
  // Wall time one file's decoding may take, checked between members and pages (config
  // app.max_file_seconds); 0 stops at the first check (tests).
  std::uint64_t max_file_millis = 60'000;
  std::uint64_t memcap = 64ull << 20;  // all app-layer buffers of one worker (app_memory.h)
  // EVE fileinfo.sha256 of files on the wire (config app.file_sha256): one pass of SHA-256
  // over each file's bytes.
  bool file_sha256 = true;
};

// Counters every decoder adds to; one instance per worker, reported in stats. Each protocol's
// own counters live in its folder; the ones here are shared by several decoders.
struct AppStats {
  HttpStats http;
  std::uint64_t decompress_errors = 0;
  std::uint64_t decompress_limit_hits = 0;  // ratio or size cap reached (bombs)
  std::uint64_t encrypted_files = 0;        // files with a password-protected member
  SmtpStats smtp;
  FtpStats ftp;
  DnsStats dns;
  TlsStats tls;
  std::uint64_t opaque_bytes = 0;
  std::uint64_t gaps_in_app = 0;

  void to_json(Json& out) const;
};

// Everything a decoder may touch, owned by others and valid for the flow's life.
struct AppContext {
  AppSink& sink;
  AppMetadata& meta;
  AppStats& stats;
  ExpectationTable& expectations;
  const AppLimits& limits;
  std::uint64_t flow_id = 0;
  IpAddress client;  // the flow's src (opener)
  IpAddress server;
  std::uint16_t client_port = 0;
  std::uint16_t server_port = 0;
  Timestamp now;  // time of the packet being processed; updated by the caller before each call
  AppMemory* memory = nullptr;  // the worker's app.memcap; nullptr: uncapped
  FileMagic* magic = nullptr;   // the worker's libmagic, for fileinfo.magic; nullptr: none
};

// A connection that turns into a new stream (the tunnel a CONNECT opens, when it does not
// carry HTTP): what each direction already sent into it, not decoded, and which side sent
// first. The app layer probes it as the opening of a flow.
struct StreamHandover {
  std::string held[2];  // by index_of(Direction)
  Direction first = Direction::kToServer;
};

class ProtocolDecoder {
 public:
  virtual ~ProtocolDecoder() = default;
  virtual std::string_view app_proto() const = 0;
  virtual void on_data(Direction dir, ByteView data) = 0;
  virtual void on_gap(Direction dir, std::uint64_t length) = 0;
  virtual void on_end(Direction dir) = 0;
  // Each byte is scanned once: true when the decoder itself hands the sink's raw view
  // (kRawView) every byte that none of its decoded views covers; false when the app layer
  // should pass every byte to the raw view as well (the decoder's views are extra).
  virtual bool forwards_unclaimed() const { return false; }
  // Asked after each call: a value when the rest of the flow is a new stream. The decoder has
  // then written its records, and is given nothing more.
  virtual std::optional<StreamHandover> take_handover() { return std::nullopt; }
};

}  // namespace korgoo::app
