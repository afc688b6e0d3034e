#include "engine/flow_inspector.h"

#include "app/decoders.h"
#include "app/transfer_text.h"

namespace korgoo::engine {

FlowInspector::FlowInspector(FlowServices& services, flow::Flow& flow)
    : services_(services),
      flow_(flow),
      ctx_{*this,
           meta_,
           services.app_stats,
           services.expectations,
           services.rt.config.app,
           flow.id(),
           flow.src().addr,
           flow.dst().addr,
           flow.src().port,
           flow.dst().port,
           flow.start(),
           &services.app_memory,
           services.file_magic},
      engine_(services.rt.detect),
      detector_(*engine_) {
  const bool tcp = flow.proto() == 6;
  if (tcp)
    tcp_ = std::make_unique<stream::TcpReassembler>(services.rt.config.stream,
                                                    services.stream_stats, services.budget);
  app_ = std::make_unique<app::AppLayer>(ctx_, tcp);
  // A file's own tally: every identifier confirmed in a decoded view while the file is open.
  detector_.on_located([this](const detect::FlowDetector::Located& l) {
    const std::uint64_t file = open_file_[index_of(l.dir)];
    if (file == 0 || l.view.id == kRawView.id) return;
    if (auto it = files_.find(file); it != files_.end()) {
      auto type = it->second.pii.find(l.type);
      if (type == it->second.pii.end()) type = it->second.pii.emplace(std::string(l.type), 0).first;
      ++type->second;
    }
  });
}

FlowInspector::~FlowInspector() = default;

void FlowInspector::adopt_expectation(const app::Expectation& e) {
  app_->set_decoder(app::make_ftp_data_decoder(ctx_, e));
}

bool FlowInspector::inspection_complete() const {
  // A flow released after its FINs is not bypassed: a new connection on the same ports could
  // take over its conntrack entry (and mark) from TIME_WAIT.
  return tcp_ && tcp_->depth_reached(Direction::kToServer) &&
         tcp_->depth_reached(Direction::kToClient);
}

bool FlowInspector::take_tally_change() {
  // An encrypted file is news for policy (file.encrypted) even when it added no data.
  if (meta_.encrypted_file != encrypted_seen_) {
    encrypted_seen_ = meta_.encrypted_file;
    seen_generation_ = detector_.generation();
    return true;
  }
  const auto g = detector_.generation();
  if (g == seen_generation_) return false;
  seen_generation_ = g;
  return true;
}

void FlowInspector::on_packet(Direction dir, const decode::DecodedPacket& pkt) {
  ctx_.now = pkt.ts;
  // Dates in values (a PIN's birth date) are judged against packet time, so a replay does not
  // depend on the day it runs; live, packet time is the wall clock.
  services_.scratch.set_time(pkt.ts.seconds());
  if (flow_.proto() == 6) {
    if (!tcp_) return;  // both directions ended and released: nothing more to inspect
    stream::Segment seg{pkt.seq,    pkt.ack,   pkt.flags, pkt.payload,        pkt.ts,
                        pkt.has_ts, pkt.tsval, pkt.tsecr, pkt.signed_segment, pkt.urgent_pointer};
    tcp_->on_segment(dir, seg, *this);
    // Both directions delivered their FIN (or a reset ended them): the stream and app state
    // is done with. A closed flow waits out flow.timeouts.tcp_closed before its record is
    // written; only the tallies, metadata and policy state it needs for that stay meanwhile.
    if (ended_[0] && ended_[1]) release_streams();
    return;
  }
  if (pkt.payload.empty()) return;
  // UDP and other protocols: each datagram is the next piece of its direction's stream.
  on_data(dir, pkt.payload, 0);
}

void FlowInspector::release_streams() {
  tcp_.reset();
  app_.reset();
  detector_.end_all(services_.scratch);  // views the app layer left open (none, normally)
}

void FlowInspector::compact_if_closed() {
  if (closed_tally_ || tcp_ || !ended_[0] || !ended_[1]) return;
  auto both = detector_.take_tallies();
  both[0].merge(both[1]);
  both[0].compact();
  closed_tally_ = std::move(both[0]);
  app_fields_ = Json::object();
  files_.clear();
}

detect::Tally FlowInspector::flow_tally() const {
  if (closed_tally_) return *closed_tally_;
  detect::Tally merged = detector_.tally(Direction::kToServer);
  merged.merge(detector_.tally(Direction::kToClient));
  return merged;
}

void FlowInspector::finish() {
  if (finished_) return;
  finished_ = true;
  if (tcp_) tcp_->flush(*this);
  for (Direction d : {Direction::kToServer, Direction::kToClient})
    if (!ended_[index_of(d)]) on_end(d);
  detector_.end_all(services_.scratch);
}

void FlowInspector::on_data(Direction dir, ByteView data, std::uint64_t /*offset*/) {
  // The app layer hands back, as the raw view, whatever no decoded view covers (content()).
  if (app_) app_->on_data(dir, data);
}

void FlowInspector::on_gap(Direction dir, std::uint64_t /*offset*/, std::uint64_t length) {
  if (app_) app_->on_gap(dir, length);  // may still hand over raw bytes from before the hole
  // Bytes on either side of a hole are not adjacent: never let a match join across it.
  detector_.end(dir, kRawView, services_.scratch);
}

void FlowInspector::on_end(Direction dir) {
  if (ended_[index_of(dir)]) return;
  ended_[index_of(dir)] = true;
  if (app_) app_->on_end(dir);
  detector_.end(dir, kRawView, services_.scratch);
}

void FlowInspector::content(Direction dir, ContentView view, ByteView bytes) {
  detector_.scan(dir, view, bytes, services_.scratch);
}

void FlowInspector::content_end(Direction dir, ContentView view) {
  detector_.end(dir, view, services_.scratch);
}

void FlowInspector::record(app::AppRecord rec) {
  // Masked once here, so that the app record and every alert that repeats it agree.
  services_.metadata.mask_objects(rec.body);
  // Remember the protocol objects (not fileinfo) so that alerts can say what was going on.
  for (auto it = rec.body.begin(); it != rec.body.end(); ++it)
    if (it.key() != "fileinfo") app_fields_[it.key()] = it.value();
  if (rec.file != 0 && rec.body.contains("fileinfo")) {
    Json& info = rec.body["fileinfo"];
    auto it = files_.find(rec.file);
    Json pii = Json::object();
    if (it != files_.end())
      for (const auto& [type, count] : it->second.pii) pii[type] = {{"count", count}};
    if (info.is_object() && info.contains("korgoo")) info["korgoo"]["pii"] = pii;
    if (it != files_.end()) {
      if (it->second.pii.empty()) {
        files_.erase(it);  // only files that carried data are named in alerts
      } else {
        it->second.info = info;
      }
    }
  }
  services_.records.write_app_record(flow_, rec, meta_);
}

std::uint64_t FlowInspector::file_begin(Direction dir, std::string_view name) {
  // Alerts name at most this many files of a flow; the oldest give way.
  constexpr std::size_t kFilesKept = 16;
  if (files_.size() >= kFilesKept) files_.erase(files_.begin());
  const std::uint64_t file = next_file_++;
  files_.emplace(file, FileSeen{dir, std::string(name), Json(), {}});
  open_file_[index_of(dir)] = file;
  return file;
}

void FlowInspector::file_end(Direction dir, std::uint64_t file) {
  if (open_file_[index_of(dir)] == file) open_file_[index_of(dir)] = 0;
}

Json FlowInspector::files_with_pii(Direction dir) const {
  Json out = Json::array();
  for (const auto& [file, seen] : files_) {
    if (seen.dir != dir || seen.pii.empty()) continue;
    Json j = seen.info;
    if (j.is_null()) {  // still being received: only its name is known, masked like the record's
      Json masked = {{"fileinfo", {{"filename", app::to_valid_utf8(seen.name)}}}};
      services_.metadata.mask_objects(masked);
      j = std::move(masked["fileinfo"]);
    }
    Json pii = Json::object();
    for (const auto& [type, count] : seen.pii) pii[type] = {{"count", count}};
    j["korgoo"]["pii"] = std::move(pii);
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace korgoo::engine
