#include "engine/worker.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <utility>

#include "engine/flow_inspector.h"

#include "output/alert_record.h"
#include "output/app_record.h"
#include "output/community_id.h"
#include "output/eve_header.h"
#include "output/eve_sink.h"
#include "output/flow_record.h"
#include "output/stats_record.h"

namespace korgoo::engine {

namespace {
// Decode errors are logged one by one up to this many, then only counted (stats has them all).
constexpr std::uint64_t kDecodeErrorsLogged = 100;

// A cap split between workers; never below one unit, so that a tiny cap still works.
std::uint64_t share_of(std::uint64_t cap, const WorkerShare& share) {
  return share.count <= 1 ? cap : std::max<std::uint64_t>(cap / share.count, 1);
}

flow::FlowConfig shared_flow_config(flow::FlowConfig c, const WorkerShare& share) {
  c.max_flows = share_of(c.max_flows, share);
  return c;
}

decode::DecodeConfig shared_decode_config(decode::DecodeConfig c, const WorkerShare& share) {
  c.frag_memcap = share_of(c.frag_memcap, share);
  return c;
}

}  // namespace

Worker::Worker(const Runtime& rt, output::RecordOutput& eve, bool inline_mode)
    : Worker(rt, std::make_unique<output::EveSink>(eve), nullptr, WorkerShare{}, inline_mode) {}

Worker::Worker(const Runtime& rt, output::RecordSink& out, WorkerShare share, bool inline_mode)
    : Worker(rt, nullptr, &out, share, inline_mode) {}

Worker::Worker(const Runtime& rt, std::unique_ptr<output::RecordSink> owned,
               output::RecordSink* out, WorkerShare share, bool inline_mode)
    : rt_(rt),
      owned_sink_(std::move(owned)),
      out_(out ? *out : *owned_sink_),
      inline_mode_(inline_mode),
      share_(share),
      flow_config_(shared_flow_config(rt.config.flow, share)),
      decoder_(shared_decode_config(rt.config.decode, share)),
      budget_(share_of(rt.config.stream.worker_buffer_cap, share)),
      app_memory_(share_of(rt.config.app.memcap, share)),
      scratch_(rt.detect->make_scratch()),
      masker_engine_(rt.detect),
      text_masker_(*masker_engine_, rt.config.output.metadata),
      metadata_(text_masker_),
      services_{rt,          app_stats_, expectations_, stream_stats_, budget_,
                app_memory_, *scratch_,  metadata_,     *this,         &file_magic_},
      aggregation_(rt.policy->new_aggregation_state()),
      flows_(flow_config_, [this](flow::Flow& f) { on_flow_end(f); }) {}

Worker::~Worker() = default;

void Worker::note_origin(const source::Packet& pkt) {
  last_number_ = pkt.number;
  if (first_packet_.usec == 0) first_packet_ = pkt.ts;
  if (pkt.in_iface != in_iface_) in_iface_.assign(pkt.in_iface);
  if (pkt.capture_file != capture_file_) capture_file_.assign(pkt.capture_file);
}

void Worker::observe(const source::Packet& pkt) {
  advance(pkt.ts, pkt.number);
  note_origin(pkt);
}

Verdict Worker::process(const source::Packet& pkt) {
  observe(pkt);
  order_ = output::RecordOrder{pkt.number, output::RecordOrder::Phase::kPacket, 0, 0};
  // Records made while this packet is processed carry its number; the guard clears it on
  // every return.
  struct CurrentPacket {
    const source::Packet*& slot;
    ~CurrentPacket() { slot = nullptr; }
  };
  current_ = &pkt;
  CurrentPacket guard{current_};
  last_bypassable_ = false;
  decode::DecodedPacket dp;
  const auto result = decoder_.decode(pkt, dp);
  if (result != decode::DecodeResult::kOk) {
    if (result == decode::DecodeResult::kError) log_decode_error(pkt);
    return Verdict::kAccept;
  }
  // The tunnel endpoints' own flow is counted first, with no payload: its bytes are the inner
  // packet's, inspected once below. A blocked tunnel drops what it carries.
  if (dp.carrier.present && inspect(carrier_packet(dp)) == Verdict::kDrop) return Verdict::kDrop;
  return inspect(dp);
}

decode::DecodedPacket Worker::carrier_packet(const decode::DecodedPacket& dp) {
  decode::DecodedPacket outer;
  outer.ts = dp.ts;
  outer.number = dp.number;
  outer.src = dp.carrier.src;
  outer.dst = dp.carrier.dst;
  outer.ip_proto = dp.carrier.ip_proto;
  outer.l4 = dp.carrier.l4;
  outer.src_port = dp.carrier.src_port;
  outer.dst_port = dp.carrier.dst_port;
  outer.ip_len = dp.carrier.ip_len;
  outer.vlan[0] = dp.vlan[0];
  outer.vlan[1] = dp.vlan[1];
  return outer;
}

Verdict Worker::inspect(const decode::DecodedPacket& dp) {
  const auto tracked = flows_.track(dp);
  flow::Flow& f = *tracked.flow;
  if (tracked.created) {
    auto insp = std::make_unique<FlowInspector>(services_, f);
    if (expectations_.size() > 0) {
      if (auto e = expectations_.take(f.src().addr, f.dst().addr, f.dst().port, dp.ts)) {
        insp->adopt_expectation(*e);
        ++stats_.expected_flows;
      }
    }
    f.inspection = std::move(insp);
  }
  auto& insp = static_cast<FlowInspector&>(*f.inspection);
  if (insp.blocked()) {
    ++stats_.packets_dropped;
    return Verdict::kDrop;
  }
  insp.on_packet(tracked.dir, dp);
  if (insp.take_tally_change()) evaluate_policy(f, insp);
  insp.compact_if_closed();
  if (insp.blocked()) {
    ++stats_.packets_dropped;
    return Verdict::kDrop;
  }
  last_bypassable_ = insp.inspection_complete();
  return Verdict::kAccept;
}

ExchangeResult Worker::inspect_exchange(const Exchange& x) {
  const Timestamp now = wall_clock_now();
  advance(now);
  if (first_packet_.usec == 0) first_packet_ = now;
  if (x.iface != in_iface_) in_iface_.assign(x.iface);
  capture_file_.clear();
  bool client_is_lo = false;
  const auto key = flow::FlowKey::make(x.client, x.server, 6, 0, client_is_lo);
  // Two exchanges of one client and server in the same microsecond still get two ids.
  std::uint64_t id = flow::make_flow_id(key, now);
  if (id == last_exchange_id_) ++id;
  last_exchange_id_ = id;
  flow::Flow f(key, x.client, x.server, now, id);
  FlowInspector insp(services_, f);
  ExchangeResult result;
  result.flow_id = id;
  exchange_ = &x;
  exchange_result_ = &result;
  struct Clear {
    Worker& w;
    ~Clear() { w.exchange_ = nullptr, w.exchange_result_ = nullptr; }
  } clear{*this};
  services_.scratch.set_time(now.seconds());
  // No reassembly: the proxy already holds each message whole and in order. It is handed
  // over in pieces no larger than the app layer's probe window, as segments would arrive: a
  // first piece larger than the window would leave the protocol undecided past it.
  for (const auto& [dir, msg] : {std::pair{Direction::kToServer, x.to_server},
                                 std::pair{Direction::kToClient, x.to_client}}) {
    for (std::size_t at = 0; at < msg.size(); at += app::AppLayer::kProbeWindow)
      insp.on_data(dir, as_bytes(msg.substr(at, app::AppLayer::kProbeWindow)), 0);
  }
  insp.finish();
  if (insp.take_tally_change()) evaluate_policy(f, insp);
  result.alerted = insp.alerted();
  result.blocked = insp.blocked();
  if (!insp.detector().tally(Direction::kToServer).empty() ||
      !insp.detector().tally(Direction::kToClient).empty())
    ++stats_.flows_with_pii;
  return result;
}

void Worker::advance(Timestamp now, std::uint64_t packet) {
  out_.flush_if_due();      // a record reaches the file within the flush interval, even idle
  if (now <= now_) return;  // packet time can step back a little; timers only move forward
  now_ = now;
  order_ = output::RecordOrder{packet, output::RecordOrder::Phase::kTimer, 0, 0};
  // Timeouts have one-second resolution, so sweeping more often than that is wasted work.
  if (now_.usec - last_expire_.usec >= kUsecPerSec) {
    last_expire_ = now_;
    flows_.expire(now_);
    decoder_.expire_fragments(now_);  // matters on an idle live link: no packet would do it
  }
  const auto interval = rt_.config.output.stats_interval;
  if (interval > 0) {
    if (next_stats_.usec == 0) {
      next_stats_ = Timestamp{now_.usec + interval * kUsecPerSec};
    } else if (now_ >= next_stats_) {
      order_ = output::RecordOrder{packet, output::RecordOrder::Phase::kStats, 0, 0};
      write_stats(source_            ? source_->stats()
                  : replay_counters_ ? *replay_counters_
                                     : last_source_stats_);
      next_stats_ = Timestamp{now_.usec + interval * kUsecPerSec};
    }
  }
}

void Worker::finish(const source::SourceStats& source_stats) {
  order_ = output::RecordOrder{output::RecordOrder::kEndOfInput, output::RecordOrder::Phase::kTimer,
                               0, 0};
  flows_.end_all();
  order_ = output::RecordOrder{output::RecordOrder::kEndOfInput, output::RecordOrder::Phase::kStats,
                               0, 0};
  write_stats(source_stats);
  out_.flush();
}

void Worker::log_decode_error(const source::Packet& pkt) {
  if (decode_errors_logged_ >= kDecodeErrorsLogged) return;
  spdlog::warn("packet {}: decode error: {}", pkt.number, decode::name(decoder_.last_error()));
  if (++decode_errors_logged_ == kDecodeErrorsLogged)
    spdlog::warn("further decode errors are counted in stats but not logged");
}

policy::FlowFacts Worker::facts_of(const flow::Flow& f, const FlowInspector& insp) const {
  policy::FlowFacts facts;
  facts.src = f.src().addr;
  facts.dst = f.dst().addr;
  facts.src_port = f.src().port;
  facts.dst_port = f.dst().port;
  facts.proto = output::proto_name(f.proto());
  facts.app_proto = insp.metadata().app_proto;
  facts.server_names = insp.metadata().server_names;
  facts.recipient_domains = insp.metadata().recipient_domains;
  facts.encrypted_to_server = insp.metadata().encrypted_file[index_of(Direction::kToServer)];
  facts.encrypted_to_client = insp.metadata().encrypted_file[index_of(Direction::kToClient)];
  for (Direction d : {Direction::kToServer, Direction::kToClient}) {
    const auto& tally = insp.detector().tally(d);
    auto& out = d == Direction::kToServer ? facts.to_server : facts.to_client;
    for (const auto& type : tally.types())
      out.push_back(policy::TypeCounts{type, tally.count(type), tally.distinct(type)});
  }
  facts.now = now_;
  facts.flow_id = f.id();
  return facts;
}

void Worker::evaluate_policy(flow::Flow& f, FlowInspector& insp) {
  ++stats_.policy_evaluations;
  auto facts = facts_of(f, insp);
  // Policy decides what feeds the per-host aggregation; the engine only hands it the values.
  for (Direction d : {Direction::kToServer, Direction::kToClient}) {
    auto& out = d == Direction::kToServer ? facts.new_to_server : facts.new_to_client;
    for (const auto& v : insp.take_new_values(d)) out.push_back({v.type, v.hash});
  }
  const auto evaluate = [&](policy::AggregationState& agg) {
    return rt_.policy->evaluate(facts, insp.policy_state(), agg);
  };
  const auto decisions =
      shared_aggregation_ ? shared_aggregation_->with(evaluate) : evaluate(aggregation_);
  for (const auto& d : decisions)
    if (d.alerts()) write_alert(f, insp, d);
}

output::EveHeader Worker::header_of(const flow::Flow& f, std::string_view event_type, Timestamp ts,
                                    std::string_view app_proto, Direction orientation,
                                    std::string& community_id) const {
  output::EveHeader h = event_header(event_type);
  h.ts = ts;
  h.event_type = event_type;
  h.flow_id = f.id();
  const bool swap = orientation == Direction::kToClient;
  h.src_ip = swap ? f.dst().addr : f.src().addr;
  h.src_port = swap ? f.dst().port : f.src().port;
  h.dest_ip = swap ? f.src().addr : f.dst().addr;
  h.dest_port = swap ? f.src().port : f.dst().port;
  h.ip_proto = f.proto();
  h.app_proto = app_proto;
  if (current_) h.pcap_cnt = current_->number;
  if (rt_.config.output.community_id) {
    community_id =
        output::community_id_v1({f.src().addr, f.src().port}, {f.dst().addr, f.dst().port},
                                f.proto(), rt_.config.output.community_id_seed)
            .value_or("");
    h.community_id = community_id;
  }
  return h;
}

output::EveHeader Worker::event_header(std::string_view event_type) const {
  output::EveHeader h;
  h.ts = record_time();
  h.event_type = event_type;
  h.host = rt_.config.output.sensor_name;
  h.in_iface = in_iface_;
  h.pcap_filename = capture_file_;
  return h;
}

Timestamp Worker::record_time() const {
  return now_.usec != 0 ? now_ : wall_clock_now();
}

void Worker::write_alert(flow::Flow& f, FlowInspector& insp, const policy::Decision& d) {
  // A drop rule blocks the flow only inline; passive mode says what it would have done.
  const bool blocked = d.rule->action == policy::RuleAction::kDrop && inline_mode_;
  if (blocked) {
    insp.set_blocked();
    ++stats_.alerts_blocked;
  }
  std::string cid;
  output::AlertFacts a;
  a.header = header_of(f, "alert", now_, insp.metadata().app_proto, Direction::kToServer, cid);
  a.compress_v6 = rt_.config.output.ipv6_compress;
  a.decision = &d;
  a.blocked = blocked;
  a.tally = &insp.detector().tally(d.data_dir);
  a.app_fields = &insp.app_fields();
  // Which files carried the data (Suricata's alert `files`, with korgoo's tally per file).
  const Json files = insp.files_with_pii(d.data_dir);
  if (!files.empty()) a.files = &files;
  if (exchange_) {
    a.extra = &exchange_->extra;
    if (blocked && !exchange_result_->blocked) {
      exchange_result_->blocked = true;
      exchange_result_->block_signature = d.rule->signature;
    }
  }
  out_.write(output::alert_record(a), order_);
  insp.set_alerted();
  ++stats_.alerts;
  ++stats_.alerts_by_sid[d.rule->sid];
}

void Worker::write_app_record(flow::Flow& f, const app::AppRecord& r,
                              const app::AppMetadata& meta) {
  std::string cid;
  output::EveHeader h = header_of(f, r.event_type, now_, meta.app_proto, r.dir, cid);
  h.tx_id = r.tx_id;
  out_.write(output::app_record(h, rt_.config.output.ipv6_compress, r.body,
                                exchange_ ? &exchange_->extra : nullptr),
             order_);
}

void Worker::on_flow_end(flow::Flow& f) {
  if (!f.inspection) return;
  // A flow ends on a timer or to make room: what it writes is not about the packet at hand.
  const source::Packet* const packet = std::exchange(current_, nullptr);
  struct Restore {
    const source::Packet*& slot;
    const source::Packet* value;
    ~Restore() { slot = value; }
  } restore{current_, packet};
  // On a timer, several workers end flows at the same packet: the flow places the records.
  if (order_.phase == output::RecordOrder::Phase::kTimer) {
    order_.flow_start = f.start().usec;
    order_.flow_id = f.id();
  }
  auto& insp = static_cast<FlowInspector&>(*f.inspection);
  insp.finish();
  if (insp.take_tally_change()) evaluate_policy(f, insp);
  write_flow_record(f, insp);
}

void Worker::write_flow_record(flow::Flow& f, FlowInspector& insp) {
  const detect::Tally merged = insp.flow_tally();
  const bool has_pii = !merged.empty();
  if (has_pii) ++stats_.flows_with_pii;
  const auto mode = rt_.config.output.flow_records;
  if (mode == config::FlowRecords::kNone) return;
  if (mode == config::FlowRecords::kPii && !has_pii && !insp.alerted()) return;

  std::string cid;
  output::FlowRecordFacts r;
  r.header = header_of(f, "flow", f.last(), insp.metadata().app_proto, Direction::kToServer, cid);
  r.compress_v6 = rt_.config.output.ipv6_compress;
  r.pkts_toserver = f.counters(Direction::kToServer).pkts;
  r.pkts_toclient = f.counters(Direction::kToClient).pkts;
  r.bytes_toserver = f.counters(Direction::kToServer).bytes;
  r.bytes_toclient = f.counters(Direction::kToClient).bytes;
  r.start = f.start();
  r.end = f.last();
  r.state = flow::to_string(f.state());
  r.reason = flow::to_string(f.end_reason());
  r.alerted = insp.alerted();
  r.blocked = insp.blocked();
  r.pii = &merged;
  // Where the flow's data went: the external side of whichever direction leaves home.
  const Direction out_dir =
      f.src_is_home() || !f.dst_is_home() ? Direction::kToServer : Direction::kToClient;
  r.geo = rt_.policy->geo_for(facts_of(f, insp), out_dir);
  out_.write(output::flow_record(r), order_);
}

Json Worker::stats_json(const source::SourceStats& source_stats) const {
  Json s = Json::object();
  source_stats.to_json(s["capture"]);
  decoder_.stats().to_json(s["decoder"]);
  flows_.stats().to_json(s["flow"]);
  s["flow"]["active"] = flows_.size();
  stream_stats_.to_json(s["stream"]);
  app_stats_.to_json(s["app"]);
  s["app"]["memcap_hits"] = app_memory_.hits();  // buffers refused: flow read as raw bytes
  scratch_->stats().to_json(s["detect"]);
  Json& d = s["detect"];
  d["flows_with_pii"] = stats_.flows_with_pii;
  Json& a = s["alerts"];
  a["total"] = stats_.alerts;
  a["blocked"] = stats_.alerts_blocked;
  a["packets_dropped"] = stats_.packets_dropped;
  s["app"]["expected_flows"] = stats_.expected_flows;
  // What each bounded structure holds against its cap, so that an operator sees a cap coming.
  Json& m = s["memory"];
  m["stream"] = {{"used", budget_.used()}, {"cap", budget_.capacity()}};
  m["defrag"] = {{"used", decoder_.fragment_memory()},
                 {"cap", share_of(rt_.config.decode.frag_memcap, share_)}};
  m["app"] = {
      {"used", app_memory_.used()}, {"peak", app_memory_.peak()}, {"cap", app_memory_.capacity()}};
  m["flows"] = {{"used", flows_.size()}, {"cap", flow_config_.max_flows}};
  // Records that could not be written (full disk, I/O errors): never silent.
  s["eve"] = output::sink_counts_object(out_.counts());
  if (stats_extension_) stats_extension_(s);
  return s;
}

void Worker::write_event(std::string_view event_type, Json body) {
  out_.write(output::event_record(event_header(event_type), std::move(body)), order_);
  out_.flush();
}

void Worker::runtime_changed() {
  rt_.detect->fit_scratch(*scratch_);
}

void Worker::write_stats(const source::SourceStats& source_stats) {
  last_source_stats_ = source_stats;
  const std::int64_t uptime =
      first_packet_.usec == 0 ? 0 : (now_.usec - first_packet_.usec) / kUsecPerSec;
  out_.write_stats(output::make_record(event_header("stats"), false), stats_json(source_stats),
                   uptime, order_);
}

}  // namespace korgoo::engine
