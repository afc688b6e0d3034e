// A run of packets read ahead for a parallel replay: each packet's bytes copied (a source
// lends them only until its next read), its origin, the worker it goes to, and the source's
// counters as they stood once it was read.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "source/packet.h"
#include "source/packet_source.h"

namespace korgoo::engine {

class PacketBatch {
 public:
  // Enough packets that the hand-over between threads costs nothing measurable, few enough
  // that the workers stay busy together.
  static constexpr std::size_t kMaxPackets = 2048;
  static constexpr std::size_t kMaxBytes = 2u << 20;

  void clear();
  void add(const source::Packet& pkt, const source::SourceStats& counters, unsigned worker);
  // Call once every packet is added, before the packets are read.
  void seal();

  bool full() const { return entries_.size() >= kMaxPackets || bytes_.size() >= kMaxBytes; }
  bool empty() const { return entries_.empty(); }
  std::size_t size() const { return entries_.size(); }
  const source::Packet& packet(std::size_t i) const { return entries_[i].pkt; }
  unsigned worker(std::size_t i) const { return entries_[i].worker; }
  const source::SourceStats& counters(std::size_t i) const { return entries_[i].counters; }

 private:
  struct Entry {
    source::Packet pkt;  // data is set by seal(): bytes_ may move while the batch fills
    std::size_t offset;
    unsigned worker;
    source::SourceStats counters;
  };
  // Interned origin names: a deque keeps its elements in place, so views stay valid.
  std::string_view intern(std::string_view name);

  std::vector<Entry> entries_;
  std::vector<std::uint8_t> bytes_;
  std::deque<std::string> names_;
};

}  // namespace korgoo::engine
