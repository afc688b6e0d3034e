// The app stage of one flow: finds out which protocol the flow speaks, from what each side
// sends (ports only decide the order in which protocols are tried), then hands every byte to
// that protocol's decoder. Until a probe answers, the first bytes of each direction are kept
// (at most kProbeWindow each) and replayed to the chosen decoder in the order they came.
// When no protocol matches, app_proto stays "" and the engine's raw scanning is all there is.
//
// Each byte is scanned once: the app layer hands the sink's raw view (kRawView) every byte
// that no decoded view covers. A decoder that sorts its bytes itself (forwards_unclaimed())
// does so for the flow it decodes; for the others, and while no protocol is chosen, every byte
// goes to the raw view. Bytes kept for probing reach it once the question is settled or the
// direction can no longer decide it, so a value is never counted from two views.
//
// The kept bytes are charged to the worker's app.memcap: a flood of flows that each send one
// opening nobody answers would otherwise hold a probe window per flow. When the cap refuses,
// the flow gives up probing and is scanned as raw bytes.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "app/app_memory.h"
#include "app/probe.h"
#include "app/protocol_decoder.h"
#include "common/bytes.h"
#include "common/direction.h"

namespace korgoo::app {

// A protocol the dispatcher can recognise.
struct ProtocolSpec {
  const char* name;
  ProbeResult (*probe)(Direction dir, ByteView data);
  std::unique_ptr<ProtocolDecoder> (*make)(AppContext& ctx);
  std::uint16_t ports[4];      // usual server ports (0 = unused): tried first there
  bool port_required = false;  // recognised only on those ports (content alone is too weak)
};

// The protocols of TCP and UDP flows, in the order they are tried when no port hints.
std::span<const ProtocolSpec> tcp_protocols();
std::span<const ProtocolSpec> udp_protocols();

class AppLayer {
 public:
  static constexpr std::size_t kProbeWindow = 4096;

  AppLayer(AppContext& ctx, bool is_tcp);
  // With an explicit protocol list (tests, fuzzing).
  AppLayer(AppContext& ctx, bool is_tcp, std::span<const ProtocolSpec> protocols);
  ~AppLayer();
  AppLayer(const AppLayer&) = delete;
  AppLayer& operator=(const AppLayer&) = delete;

  void on_data(Direction dir, ByteView data);
  void on_gap(Direction dir, std::uint64_t length);
  void on_end(Direction dir);
  // For flows whose protocol is known before their first byte (an FTP data connection
  // announced by its control session): no probing.
  void set_decoder(std::unique_ptr<ProtocolDecoder> decoder);
  const std::string& app_proto() const { return app_proto_; }
  // Whether the protocol question is settled (found, or given up).
  bool decided() const { return decoder_ != nullptr || gave_up_; }

 private:
  // What arrived before the decision, in arrival order: data kept in buffer_[dir], or a gap
  // (bytes lost, or beyond the probe window).
  struct Piece {
    Direction dir;
    bool gap;
    std::uint64_t length;
  };

  void append(Direction dir, ByteView data);
  void append_gap(Direction dir, std::uint64_t length);
  void probe(Direction dir);
  // At the end of `dir`: probes its opening once more with its last line ended; true if that
  // chose a decoder.
  bool probe_at_end(Direction dir);
  void probe_datagram(Direction dir, ByteView data);
  void choose(const ProtocolSpec& spec);
  void install(std::unique_ptr<ProtocolDecoder> decoder);
  void give_up();
  // The decoder handed the flow back (StreamHandover): probing starts again on its bytes.
  void after_decoder_call();
  void restart(StreamHandover handover);
  bool port_matches(const ProtocolSpec& spec) const;
  void raw(Direction dir, ByteView data);
  // A direction no probe can decide any more: its kept bytes go to the raw view now, so that
  // what follows them continues the same raw stream.
  void exhaust(Direction dir);
  void flush_raw(Direction dir);

  AppContext& ctx_;
  bool is_tcp_;
  std::vector<const ProtocolSpec*> order_;  // protocols, those matching the port first
  std::unique_ptr<ProtocolDecoder> decoder_;
  std::string app_proto_;
  bool gave_up_ = false;
  std::vector<std::uint8_t> buffer_[2];
  AppMemoryShare buffer_memory_;  // buffer_'s charge to app.memcap
  std::vector<Piece> pieces_;
  bool exhausted_[2] = {false, false};  // no probe can still say yes for this direction
  std::size_t raw_done_[2] = {0, 0};    // kept bytes already handed to the raw view
  bool ended_[2] = {false, false};
};

}  // namespace korgoo::app
