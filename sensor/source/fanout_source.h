// One worker's share of a live interface: an AF_PACKET socket with a TPACKET_V3 receive ring,
// joined to a fanout group whose program (source/fanout_program) sends each packet to the
// socket of the worker that owns its internal host. Each worker reads its own socket, so
// workers never wait for each other (the libpcap LiveSource is the single-reader fallback,
// for `-i any` and link types other than Ethernet and raw IP).
#pragma once

#include <linux/filter.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "source/live_source.h"
#include "source/packet_source.h"

namespace korgoo::source {

struct FanoutConfig {
  LiveConfig live;                   // interface, BPF filter, snaplen, promiscuous, poll interval
  std::uint32_t ring_bytes = 0;      // this socket's ring (a share of capture.buffer)
  std::uint16_t group = 0;           // fanout group id: the same for every socket of one run
  std::vector<sock_filter> program;  // the fanout selector (fanout_program)
};

class FanoutSource final : public PacketSource {
 public:
  // Throws std::runtime_error naming the interface and the step that failed (no such
  // device, not root, ring refused, bad BPF filter, unsupported link type).
  explicit FanoutSource(FanoutConfig config);
  ~FanoutSource() override;
  FanoutSource(const FanoutSource&) = delete;
  FanoutSource& operator=(const FanoutSource&) = delete;

  ReadStatus next(Packet& out) override;
  // Any thread: the next (or current, blocked) next() returns kEnd.
  void stop() override;
  void wake() override;
  const SourceStats& stats() const override;
  std::string describe() const override { return "interface " + config_.live.interface; }

 private:
  void release();
  void open_socket();
  void attach_filter();
  void set_up_ring();
  void join_fanout();
  // Hands the current block back to the kernel and moves to the next one.
  void release_block();
  [[noreturn]] void fail(const std::string& step) const;

  FanoutConfig config_;
  int fd_ = -1;
  int wake_fd_ = -1;  // eventfd: stop() and wake() end a blocked poll
  std::atomic<bool> stopping_{false};
  LinkType link_ = LinkType::kEthernet;
  std::uint8_t* ring_ = nullptr;
  std::size_t ring_size_ = 0;
  std::uint32_t block_size_ = 0;
  std::uint32_t block_count_ = 0;
  std::uint32_t block_ = 0;         // the block being read
  std::uint32_t packets_left_ = 0;  // in it, 0 = not yet taken from the kernel
  const std::uint8_t* next_frame_ = nullptr;
  std::vector<std::uint8_t> vlan_frame_;  // a frame with its VLAN tag put back
  std::uint64_t packet_number_ = 0;
  mutable SourceStats stats_;
};

}  // namespace korgoo::source
