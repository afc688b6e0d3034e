// Everything the pipeline keeps for one flow after the flow stage: TCP reassembly, the app
// decoder, the detector's streams and tallies, and what policy has already decided. It is the
// glue between stages: reassembled bytes go to the app stage and, raw, to detection; decoded
// content from the app stage goes to detection; records go out through the worker's
// FlowServices.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "app/app_layer.h"
#include "app/app_sink.h"
#include "decode/decoded_packet.h"
#include "detect/flow_detector.h"
#include "engine/flow_services.h"
#include "flow/flow.h"
#include "policy/policy_engine.h"
#include "stream/stream_consumer.h"
#include "stream/tcp_reassembler.h"

namespace korgoo::engine {

class FlowInspector final : public flow::FlowInspection,
                            public stream::StreamConsumer,
                            public app::AppSink {
 public:
  FlowInspector(FlowServices& services, flow::Flow& flow);
  ~FlowInspector() override;

  // Feeds one packet of the flow through reassembly, app decoding and detection.
  void on_packet(Direction dir, const decode::DecodedPacket& pkt);
  // The flow is ending: flush reassembly and decoders, close every detector stream.
  void finish();
  // Hands the flow to a decoder chosen before its first byte (an expected FTP data flow).
  void adopt_expectation(const app::Expectation& e);

  const detect::FlowDetector& detector() const { return detector_; }
  std::vector<detect::FlowDetector::NewValue> take_new_values(Direction dir) {
    return detector_.take_new_values(dir);
  }
  const app::AppMetadata& metadata() const { return meta_; }
  policy::PolicyFlowState& policy_state() { return policy_state_; }
  // The latest app-layer objects ("http", "smtp", "tls", ...), attached to alerts.
  const Json& app_fields() const { return app_fields_; }
  bool alerted() const { return alerted_; }
  void set_alerted() { alerted_ = true; }
  bool blocked() const { return blocked_; }
  // Nothing more of this flow will be inspected: both TCP directions are past the reassembly
  // depth. Inline mode may then let the kernel stop queueing it.
  bool inspection_complete() const;
  void set_blocked() { blocked_ = true; }
  // True once after each change of the tallies, so that policy runs only when needed.
  bool take_tally_change();
  // Both TCP directions have ended and policy has seen the last change: nothing can change
  // the tallies any more, so keep only their compacted sum and drop the app objects alerts
  // would repeat. What a closed flow holds while it waits out flow.timeouts.tcp_closed.
  void compact_if_closed();
  // What the flow carried, both directions together (the flow record's pii).
  detect::Tally flow_tally() const;

  // stream::StreamConsumer
  void on_data(Direction dir, ByteView data, std::uint64_t offset) override;
  void on_gap(Direction dir, std::uint64_t offset, std::uint64_t length) override;
  void on_end(Direction dir) override;

  // app::AppSink
  void content(Direction dir, ContentView view, ByteView bytes) override;
  void content_end(Direction dir, ContentView view) override;
  void record(app::AppRecord rec) override;
  std::uint64_t file_begin(Direction dir, std::string_view name) override;
  void file_end(Direction dir, std::uint64_t file) override;

  // The files that carried personal data in `dir` so far (an alert's `files`): each its
  // fileinfo object once written (else the masked name) with korgoo.pii, the file's own
  // tally. Empty array: none.
  Json files_with_pii(Direction dir) const;

 private:
  // Frees the reassembler and the app layer once both directions have ended.
  void release_streams();

  FlowServices& services_;
  flow::Flow& flow_;
  app::AppMetadata meta_;
  app::AppContext ctx_;
  std::unique_ptr<stream::TcpReassembler> tcp_;
  std::unique_ptr<app::AppLayer> app_;
  // The signatures this flow's scan streams were opened on: kept alive across a reload.
  std::shared_ptr<const detect::DetectEngine> engine_;
  detect::FlowDetector detector_;
  policy::PolicyFlowState policy_state_;
  std::uint64_t seen_generation_ = 0;
  std::array<bool, 2> ended_{false, false};
  bool finished_ = false;
  bool alerted_ = false;
  bool blocked_ = false;
  Json app_fields_ = Json::object();
  // Files of the flow, by AppSink::file_begin handle: what alerts say carried the data.
  struct FileSeen {
    Direction dir;
    std::string name;  // as sent: masked only if an alert names the file before its record
    Json info;         // the file's (masked) fileinfo object once its record is written
    std::map<std::string, std::uint64_t, std::less<>> pii;  // type -> occurrences in the file
  };
  std::map<std::uint64_t, FileSeen> files_;
  std::array<std::uint64_t, 2> open_file_{};  // the file being received in each direction
  std::uint64_t next_file_ = 1;
  std::array<bool, 2> encrypted_seen_{};       // metadata's encrypted_file, as policy last saw it
  std::optional<detect::Tally> closed_tally_;  // once compact_if_closed() has run
};

}  // namespace korgoo::engine
