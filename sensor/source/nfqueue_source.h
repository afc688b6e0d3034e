// Inline capture from netfilter queues (iptables/nftables NFQUEUE) via libnetfilter_queue.
// Every packet returned by next() must get a verdict through set_verdict() before the next
// call: the kernel holds the packet until then, so nothing is ever held for data not yet seen.
#pragma once

#include <atomic>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "source/packet_source.h"

struct nfq_handle;
struct nfq_q_handle;
struct nfgenmsg;
struct nfq_data;

namespace korgoo::source {

struct NfqueueConfig {
  std::vector<int> queues;
  // When the sensor falls behind and the kernel queue is full: accept (fail open) or drop.
  bool fail_open = true;
  std::uint32_t queue_maxlen = 4096;
  // Mark set on packets of flows that need no more inspection, so that a rule such as
  // `-m mark ! --mark 0x1/0x1` (or conntrack's connmark) can stop queueing them.
  std::uint32_t bypass_mark = 0x1;
  int poll_ms = 100;
};

class NfqueueSource final : public PacketSource {
 public:
  // Throws std::runtime_error when a queue cannot be bound (not root, queue in use).
  explicit NfqueueSource(NfqueueConfig config);
  ~NfqueueSource() override;
  NfqueueSource(const NfqueueSource&) = delete;
  NfqueueSource& operator=(const NfqueueSource&) = delete;

  ReadStatus next(Packet& out) override;
  void stop() override;
  void wake() override;
  void set_verdict(const Packet& pkt, Verdict v, bool bypass) override;
  bool is_inline() const override { return true; }
  const SourceStats& stats() const override { return stats_; }
  std::string describe() const override;

 private:
  struct Pending {
    std::uint32_t id;
    std::uint16_t queue;
    Timestamp ts;
    std::vector<std::uint8_t> bytes;
  };
  static int on_packet(nfq_q_handle* qh, nfgenmsg* msg, nfq_data* nfa, void* self);
  nfq_q_handle* handle_of(std::uint16_t queue) const;

  NfqueueConfig config_;
  nfq_handle* handle_ = nullptr;
  std::vector<std::pair<int, nfq_q_handle*>> queues_;
  std::vector<std::string> queue_names_;  // EVE in_iface of each queue ("nfq0"), same order
  int fd_ = -1;
  int wake_fd_ = -1;  // eventfd: stop() and wake() end a blocked poll
  std::atomic<bool> stopping_{false};
  std::deque<Pending> pending_;  // messages read but not yet handed out (one recv may carry many)
  Pending current_;              // the packet last handed out, owned until its verdict
  std::uint64_t packet_number_ = 0;
  std::vector<std::uint8_t> recv_buf_;
  SourceStats stats_;
};

}  // namespace korgoo::source
