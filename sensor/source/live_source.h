// Captures from a live interface with libpcap: promiscuous, optional BPF filter, a short
// poll timeout so that the engine notices a stop request (SIGINT/SIGTERM) promptly.
#pragma once

#include <string>

#include "source/packet_source.h"

struct pcap;

namespace korgoo::source {

// How a live interface is read with more than one worker: each worker its own AF_PACKET
// socket of a fanout group (FanoutSource), or one libpcap reader feeding them all.
enum class CaptureMethod { kAfPacket, kPcap };

struct LiveConfig {
  std::string interface;
  CaptureMethod method = CaptureMethod::kAfPacket;
  int fanout_group = -1;  // AF_PACKET fanout group id; -1: chosen from the process id
  std::string bpf;        // empty = everything
  int snaplen = 262144;
  bool promiscuous = true;
  int buffer_mib = 64;
  int poll_ms = 100;
};

class LiveSource final : public PacketSource {
 public:
  // Throws std::runtime_error with libpcap's reason (no such device, permission, bad filter).
  explicit LiveSource(LiveConfig config);
  ~LiveSource() override;
  LiveSource(const LiveSource&) = delete;
  LiveSource& operator=(const LiveSource&) = delete;

  ReadStatus next(Packet& out) override;
  void stop() override;
  const SourceStats& stats() const override;
  std::string describe() const override { return "interface " + config_.interface; }

 private:
  LiveConfig config_;
  pcap* handle_ = nullptr;
  LinkType link_ = LinkType::kEthernet;
  std::uint64_t packet_number_ = 0;
  mutable SourceStats stats_;
};

}  // namespace korgoo::source
