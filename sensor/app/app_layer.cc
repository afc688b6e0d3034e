#include "app/app_layer.h"

#include <algorithm>

namespace korgoo::app {

AppLayer::AppLayer(AppContext& ctx, bool is_tcp)
    : AppLayer(ctx, is_tcp, is_tcp ? tcp_protocols() : udp_protocols()) {}

AppLayer::AppLayer(AppContext& ctx, bool is_tcp, std::span<const ProtocolSpec> protocols)
    : ctx_(ctx), is_tcp_(is_tcp), buffer_memory_(ctx.memory) {
  for (const ProtocolSpec& p : protocols) {
    if (port_matches(p)) order_.push_back(&p);
  }
  for (const ProtocolSpec& p : protocols) {
    if (!port_matches(p) && !p.port_required) order_.push_back(&p);
  }
}

AppLayer::~AppLayer() = default;

bool AppLayer::port_matches(const ProtocolSpec& spec) const {
  for (std::uint16_t port : spec.ports) {
    if (port != 0 && (port == ctx_.server_port || port == ctx_.client_port)) return true;
  }
  return false;
}

void AppLayer::raw(Direction dir, ByteView data) {
  if (!data.empty()) ctx_.sink.content(dir, kRawView, data);
}

void AppLayer::flush_raw(Direction dir) {
  const int d = index_of(dir);
  raw(dir, ByteView(buffer_[d]).subspan(raw_done_[d]));
  raw_done_[d] = buffer_[d].size();
}

void AppLayer::exhaust(Direction dir) {
  exhausted_[index_of(dir)] = true;
  flush_raw(dir);
}

void AppLayer::on_data(Direction dir, ByteView data) {
  if (decoder_) {
    if (!decoder_->forwards_unclaimed()) raw(dir, data);
    decoder_->on_data(dir, data);
    after_decoder_call();
    return;
  }
  if (data.empty()) return;
  if (gave_up_) {
    raw(dir, data);
    return;
  }
  if (!is_tcp_) {
    probe_datagram(dir, data);
    return;
  }
  append(dir, data);
  if (!gave_up_) probe(dir);
}

void AppLayer::on_gap(Direction dir, std::uint64_t length) {
  if (decoder_) {
    ++ctx_.stats.gaps_in_app;
    decoder_->on_gap(dir, length);
    after_decoder_call();
    return;
  }
  if (gave_up_) return;
  // Bytes after a gap do not continue the opening a probe looks at: this direction has said
  // all it can. The gap is kept so a decoder chosen from the other side sees it.
  append_gap(dir, length);
  exhaust(dir);
  if (exhausted_[0] && exhausted_[1]) give_up();
}

void AppLayer::on_end(Direction dir) {
  ended_[index_of(dir)] = true;
  if (decoder_) {
    decoder_->on_end(dir);
    after_decoder_call();
    return;
  }
  if (gave_up_) return;
  // The end of the stream also ends its last line: an opening still undecided is probed once
  // more as if that line had ended (an HTTP/0.9 request "GET /" then the close, bug-3844).
  if (probe_at_end(dir)) return;
  exhaust(dir);
  if (exhausted_[0] && exhausted_[1]) give_up();
}

void AppLayer::set_decoder(std::unique_ptr<ProtocolDecoder> decoder) {
  if (!decoder) return;
  gave_up_ = false;
  install(std::move(decoder));
}

void AppLayer::append(Direction dir, ByteView data) {
  const int d = index_of(dir);
  if (exhausted_[d]) {
    // Not kept for a decoder (it will see a gap), but scanned as sent.
    append_gap(dir, data.size());
    raw(dir, data);
    return;
  }
  std::vector<std::uint8_t>& buf = buffer_[d];
  const std::size_t room = kProbeWindow - buf.size();
  const ByteView kept = data.first(std::min(room, data.size()));
  buf.insert(buf.end(), kept.begin(), kept.end());
  if (!pieces_.empty() && pieces_.back().dir == dir && !pieces_.back().gap) {
    pieces_.back().length += kept.size();
  } else {
    pieces_.push_back({dir, false, kept.size()});
  }
  if (kept.size() < data.size()) {
    exhaust(dir);  // the window is full: no probe will see more of this direction
    append_gap(dir, data.size() - kept.size());
    raw(dir, data.subspan(kept.size()));
  }
  // A short opening stays uncharged, as a short line does (app_memory.h).
  const std::size_t held = buffer_[0].capacity() + buffer_[1].capacity();
  if (held > AppMemoryShare::kUnchargedBytes && !buffer_memory_.cover(held)) give_up();
}

void AppLayer::append_gap(Direction dir, std::uint64_t length) {
  if (!pieces_.empty() && pieces_.back().dir == dir && pieces_.back().gap) {
    pieces_.back().length += length;
  } else {
    pieces_.push_back({dir, true, length});
  }
}

void AppLayer::probe(Direction dir) {
  const int d = index_of(dir);
  if (exhausted_[d]) return;
  const ByteView seen(buffer_[d]);
  bool maybe = false;
  for (const ProtocolSpec* p : order_) {
    const ProbeResult r = p->probe(dir, seen);
    if (r == ProbeResult::kYes) {
      choose(*p);
      return;
    }
    maybe = maybe || r == ProbeResult::kMaybe;
  }
  if (!maybe || buffer_[d].size() >= kProbeWindow) {
    if (!exhausted_[d]) exhaust(dir);
    if (exhausted_[0] && exhausted_[1]) give_up();
  }
}

bool AppLayer::probe_at_end(Direction dir) {
  const int d = index_of(dir);
  if (exhausted_[d] || buffer_[d].empty()) return false;
  std::vector<std::uint8_t> ended(buffer_[d]);
  if (ended.back() != '\n') {
    ended.push_back('\r');
    ended.push_back('\n');
  }
  for (const ProtocolSpec* p : order_) {
    if (p->probe(dir, ByteView(ended)) == ProbeResult::kYes) {
      choose(*p);
      return true;
    }
  }
  return false;
}

// UDP: each datagram is a whole message, so the first one decides.
void AppLayer::probe_datagram(Direction dir, ByteView data) {
  for (const ProtocolSpec* p : order_) {
    if (p->probe(dir, data) != ProbeResult::kNo) {
      install(p->make(ctx_));
      if (!decoder_->forwards_unclaimed()) raw(dir, data);
      decoder_->on_data(dir, data);
      return;
    }
  }
  give_up();
  raw(dir, data);
}

void AppLayer::choose(const ProtocolSpec& spec) {
  install(spec.make(ctx_));
}

void AppLayer::install(std::unique_ptr<ProtocolDecoder> decoder) {
  decoder_ = std::move(decoder);
  app_proto_ = std::string(decoder_->app_proto());
  ctx_.meta.app_proto = app_proto_;
  // Replay what was kept, in the order it came, then the ends already seen.
  std::size_t offset[2] = {0, 0};
  for (const Piece& p : pieces_) {
    if (p.gap) {
      decoder_->on_gap(p.dir, p.length);
      continue;
    }
    const int d = index_of(p.dir);
    const ByteView piece = ByteView(buffer_[d]).subspan(offset[d], p.length);
    // What an exhausted direction already gave the raw view is not given again (a decoder
    // that sorts its own bytes may still pass some of it on: such flows are rare).
    if (!decoder_->forwards_unclaimed() && offset[d] + p.length > raw_done_[d]) {
      const std::size_t from = std::max(offset[d], raw_done_[d]) - offset[d];
      raw(p.dir, piece.subspan(from));
    }
    decoder_->on_data(p.dir, piece);
    offset[d] += p.length;
  }
  pieces_ = {};
  buffer_[0] = {};
  buffer_[1] = {};
  buffer_memory_.reset();
  for (Direction dir : {Direction::kToServer, Direction::kToClient}) {
    if (ended_[index_of(dir)]) decoder_->on_end(dir);
  }
}

void AppLayer::after_decoder_call() {
  if (std::optional<StreamHandover> h = decoder_->take_handover()) restart(std::move(*h));
}

// The new stream is probed as a flow's opening is: its protocol replaces the flow's
// app_proto when one is found (a TLS tunnel behind a CONNECT is a `tls` flow, as Suricata
// reports it); when none is, the flow keeps the protocol it had and is scanned as raw bytes.
void AppLayer::restart(StreamHandover handover) {
  decoder_.reset();
  gave_up_ = false;
  exhausted_[0] = exhausted_[1] = false;
  raw_done_[0] = raw_done_[1] = 0;
  const Direction second =
      handover.first == Direction::kToServer ? Direction::kToClient : Direction::kToServer;
  for (Direction dir : {handover.first, second}) {
    std::string& held = handover.held[index_of(dir)];
    if (!held.empty()) on_data(dir, as_bytes(held));
  }
  if (decoder_ || gave_up_) return;  // a decoder chosen was given the ends already seen
  for (Direction dir : {Direction::kToServer, Direction::kToClient}) {
    if (ended_[index_of(dir)] && !decided()) on_end(dir);
  }
}

void AppLayer::give_up() {
  gave_up_ = true;
  flush_raw(Direction::kToServer);
  flush_raw(Direction::kToClient);
  pieces_ = {};
  buffer_[0] = {};
  buffer_[1] = {};
  buffer_memory_.reset();
}

}  // namespace korgoo::app
