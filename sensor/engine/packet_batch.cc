#include "engine/packet_batch.h"

#include <algorithm>

namespace korgoo::engine {

void PacketBatch::clear() {
  entries_.clear();
  bytes_.clear();
  names_.clear();
}

std::string_view PacketBatch::intern(std::string_view name) {
  if (name.empty()) return {};
  // A batch holds one or two capture files and one interface: a short scan finds it.
  const auto it = std::find(names_.begin(), names_.end(), name);
  return it != names_.end() ? std::string_view(*it) : std::string_view(names_.emplace_back(name));
}

void PacketBatch::add(const source::Packet& pkt, const source::SourceStats& counters,
                      unsigned worker) {
  Entry e{pkt, bytes_.size(), worker, counters};
  e.pkt.data = {};
  e.pkt.in_iface = intern(pkt.in_iface);
  e.pkt.capture_file = intern(pkt.capture_file);
  bytes_.insert(bytes_.end(), pkt.data.begin(), pkt.data.end());
  entries_.push_back(e);
}

void PacketBatch::seal() {
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const std::size_t end = i + 1 < entries_.size() ? entries_[i + 1].offset : bytes_.size();
    entries_[i].pkt.data = ByteView(bytes_.data() + entries_[i].offset, end - entries_[i].offset);
  }
}

}  // namespace korgoo::engine
