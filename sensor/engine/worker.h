// One worker: owns a decoder, a flow table and everything hanging off its flows, so the hot
// path takes no locks. It runs the whole pipeline for each packet it is given and hands the
// resulting EVE records to its RecordSink. A run has one worker, or (a replay with --workers N)
// several, each given the flows that engine::flow_dispatch sends it and shown every other
// packet's time (observe), so that all of them run their timers at the same packets.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "app/expectations.h"
#include "app/protocol_decoder.h"
#include "decode/decoder.h"
#include "detect/detect_engine.h"
#include "detect/text_masker.h"
#include "engine/flow_services.h"
#include "engine/pipeline_control.h"
#include "engine/runtime.h"
#include "flow/flow_table.h"
#include "output/eve_header.h"
#include "output/metadata_masker.h"
#include "output/record_output.h"
#include "output/record_sink.h"
#include "policy/policy_engine.h"
#include "policy/shared_aggregation.h"
#include "source/packet.h"
#include "source/packet_source.h"
#include "stream/reassembly_budget.h"
#include "stream/stream_stats.h"

namespace korgoo::engine {

class FlowInspector;

using source::Verdict;

// Which of `count` workers this one is. Each gets 1/count of every memory cap (flows, stream
// and app buffers, fragments), so that the run as a whole stays within the configured caps.
struct WorkerShare {
  unsigned index = 0;
  unsigned count = 1;
};

// An HTTP exchange that did not come from packets: a proxy handed it over (ICAP). It runs as
// a synthetic TCP flow from `client` to `server` through the same app layer, detection,
// policy and records as a captured one.
struct Exchange {
  flow::Endpoint client, server;
  std::string_view to_server;   // the request as it crossed the wire (head and body)
  std::string_view to_client;   // the response, or "" (REQMOD)
  std::string_view iface;       // EVE in_iface of its records ("icap")
  Json extra = Json::object();  // objects added to each of its records ({"icap": {...}})
};

struct ExchangeResult {
  std::uint64_t flow_id = 0;  // EVE flow_id of its records: the incident a block page names
  bool alerted = false;
  bool blocked = false;         // a drop rule fired (and the worker enforces drops)
  std::string block_signature;  // that rule's signature
};

class Worker final : public PipelineControl, private AppRecordWriter {
 public:
  // `inline_mode`: drop decisions are carried out (the flow's packets get kDrop verdicts);
  // otherwise they are only reported as what would have happened.
  Worker(const Runtime& rt, output::RecordOutput& eve, bool inline_mode = false);
  // One of several workers; `out` receives its records.
  Worker(const Runtime& rt, output::RecordSink& out, WorkerShare share, bool inline_mode = false);
  ~Worker() override;
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  // Runs one packet through the pipeline.
  Verdict process(const source::Packet& pkt);
  // A packet another worker processes: only its time and origin count here (timers, stats
  // and record headers then match what one worker alone would write).
  void observe(const source::Packet& pkt);
  // Advances packet time without a packet (live capture idle): expires flows, writes stats.
  void advance(Timestamp now) { advance(now, last_number_); }
  // End of input: ends every flow and writes the final stats record.
  void finish(const source::SourceStats& source_stats);
  // Replay with several workers: the source's counters as they stood when the packet about
  // to be processed or observed was read (periodic stats records carry them). Not owned.
  void set_replay_counters(const source::SourceStats* at_packet) { replay_counters_ = at_packet; }

  Json stats_json(const source::SourceStats& source_stats) const override;
  WorkerStats totals() const override { return stats_; }
  // Inspects one exchange at wall-clock time (drop rules block it when inline_mode).
  ExchangeResult inspect_exchange(const Exchange& x);
  // Feeds `shared` instead of the worker's own per-host aggregation (not owned; null: back
  // to its own). Set before the first packet or exchange.
  void share_aggregation(policy::SharedAggregation* shared) { shared_aggregation_ = shared; }
  // Adds objects to every stats record (the ICAP service's counters).
  void set_stats_extension(std::function<void(Json&)> f) { stats_extension_ = std::move(f); }
  // Writes an operational EVE record ("reload", ...) stamped with the worker's current time.
  void write_event(std::string_view event_type, Json body) override;
  // The Runtime adopted a reload (Runtime::adopt_reload): fit the scan scratch to the new
  // signatures. Flows already open keep the engine they started with.
  void runtime_changed() override;
  // True when the flow of the packet just processed needs no more inspection and was not
  // blocked: an inline source may mark it so that the kernel stops queueing the flow.
  bool last_flow_bypassable() const { return last_bypassable_; }
  const WorkerStats& stats() const { return stats_; }
  // The source whose counters the periodic stats records carry (the capture loop attaches
  // it); without one they carry the counters last passed to finish().
  void attach_source(const source::PacketSource& source) { source_ = &source; }

 private:
  Worker(const Runtime& rt, std::unique_ptr<output::RecordSink> owned, output::RecordSink* out,
         WorkerShare share, bool inline_mode);
  void advance(Timestamp now, std::uint64_t packet);
  void note_origin(const source::Packet& pkt);
  // Flow tracking and inspection of one decoded packet.
  Verdict inspect(const decode::DecodedPacket& dp);
  // The flow-level view of a tunnel's outer header: addresses, ports, length, no payload.
  static decode::DecodedPacket carrier_packet(const decode::DecodedPacket& dp);

  void on_flow_end(flow::Flow& f);
  void evaluate_policy(flow::Flow& f, FlowInspector& insp);
  void write_alert(flow::Flow& f, FlowInspector& insp, const policy::Decision& d);
  void write_flow_record(flow::Flow& f, FlowInspector& insp);
  void write_app_record(flow::Flow& f, const app::AppRecord& rec,
                        const app::AppMetadata& meta) override;
  void write_stats(const source::SourceStats& source_stats);
  policy::FlowFacts facts_of(const flow::Flow& f, const FlowInspector& insp) const;
  // The header of a record about `f`, with the correlation keys (community_id, host, in_iface,
  // pcap_cnt, pcap_filename) filled in. `community_id` receives the string the header views.
  output::EveHeader header_of(const flow::Flow& f, std::string_view event_type, Timestamp ts,
                              std::string_view app_proto, Direction orientation,
                              std::string& community_id) const;
  // The header of a record about no flow (stats, reload), stamped with the worker's time.
  output::EveHeader event_header(std::string_view event_type) const;
  // The time a record not about a packet is stamped with: packet time once a packet was seen
  // (replays stay deterministic), the wall clock before that (never 1970).
  Timestamp record_time() const;
  void log_decode_error(const source::Packet& pkt);

  const Runtime& rt_;
  std::unique_ptr<output::RecordSink> owned_sink_;  // when constructed on an output
  output::RecordSink& out_;
  output::RecordOrder order_;  // where the records being made stand in the input
  bool inline_mode_;
  WorkerShare share_;
  flow::FlowConfig flow_config_;  // rt.config.flow with this worker's share of the caps
  decode::Decoder decoder_;
  stream::ReassemblyBudget budget_;
  app::AppMemory app_memory_;  // app.memcap, shared by every flow's app-layer buffers
  stream::StreamStats stream_stats_;
  app::AppStats app_stats_;
  app::ExpectationTable expectations_;
  std::unique_ptr<detect::Scratch> scratch_;
  // The engine the metadata masker was built on, kept alive when a reload replaces rt_.detect.
  std::shared_ptr<const detect::DetectEngine> masker_engine_;
  detect::TextMasker text_masker_;   // identifiers in metadata, per outputs.eve.metadata
  output::MetadataMasker metadata_;  // applies it to every app record before it is kept
  app::FileMagic file_magic_;        // fileinfo.magic of the files this worker's flows carry
  FlowServices services_;            // what this worker's flows borrow (after what it refers to)
  policy::AggregationState aggregation_;
  policy::SharedAggregation* shared_aggregation_ = nullptr;
  flow::FlowTable flows_;
  WorkerStats stats_;
  Timestamp now_;
  Timestamp last_expire_;
  Timestamp next_stats_;
  std::uint64_t decode_errors_logged_ = 0;
  bool last_bypassable_ = false;
  source::SourceStats last_source_stats_;
  // The packet being processed, while records made on it are written (EVE pcap_cnt); null
  // for records made by timers and at the end of input.
  const source::Packet* current_ = nullptr;
  std::string in_iface_;      // of the last packet (EVE in_iface)
  std::string capture_file_;  // of the last packet (EVE pcap_filename)
  Timestamp first_packet_;    // for uptime
  const source::PacketSource* source_ = nullptr;
  const source::SourceStats* replay_counters_ = nullptr;
  std::uint64_t last_number_ = 0;  // of the last packet processed or observed
  // The exchange being inspected (inspect_exchange), while its records are written.
  const Exchange* exchange_ = nullptr;
  ExchangeResult* exchange_result_ = nullptr;
  std::uint64_t last_exchange_id_ = 0;
  std::function<void(Json&)> stats_extension_;
};

}  // namespace korgoo::engine
