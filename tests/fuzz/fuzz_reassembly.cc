// libFuzzer harness: TCP reassembly of one flow under small caps, so overlap, hole, cap and
// gap paths are all reachable. Input: segments of
//   [1: bit 7 direction, low 5 bits TCP flags][4: seq][4: ack][1: payload length][payload].
// Checks the consumer contract (in order, no overlap, nothing after on_end) and that every
// buffered byte returns to the worker budget.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "fuzz/fuzz_input.h"
#include "stream/tcp_reassembler.h"

namespace {

using namespace korgoo;

class CheckingConsumer final : public stream::StreamConsumer {
 public:
  void on_data(Direction dir, ByteView data, std::uint64_t offset) override {
    advance(dir, offset, data.size());
    for (auto b : data) sum_ += b;  // every delivered byte must be readable
  }
  void on_gap(Direction dir, std::uint64_t offset, std::uint64_t length) override {
    advance(dir, offset, length);
  }
  void on_end(Direction dir) override {
    if (ended_[index_of(dir)]) std::abort();
    ended_[index_of(dir)] = true;
  }

 private:
  void advance(Direction dir, std::uint64_t offset, std::uint64_t length) {
    const auto i = index_of(dir);
    if (ended_[i] || offset != next_[i]) std::abort();
    next_[i] += length;
  }
  std::uint64_t next_[2] = {0, 0};
  bool ended_[2] = {false, false};
  std::uint64_t sum_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  stream::StreamConfig config;
  config.depth = 64 * 1024;
  config.flow_buffer_cap = 4096;
  config.worker_buffer_cap = 16384;
  config.overlap_check_window = 512;
  stream::StreamStats stats;
  stream::ReassemblyBudget budget(config.worker_buffer_cap);
  CheckingConsumer out;
  {
    stream::TcpReassembler reassembler(config, stats, budget);
    fuzz::FuzzInput in(data, size);
    std::int64_t usec = 0;
    while (!in.empty()) {
      const std::uint8_t head = in.u8();
      stream::Segment seg;
      seg.flags = head & 0x1f;
      seg.seq = in.u32();
      seg.ack = in.u32();
      seg.payload = in.bytes(in.u8());
      seg.ts = Timestamp{usec += 1000};
      reassembler.on_segment(head & 0x80 ? Direction::kToClient : Direction::kToServer, seg, out);
      if (budget.used() > budget.capacity()) std::abort();
    }
    reassembler.flush(out);
  }
  if (budget.used() != 0) std::abort();  // a leaked charge
  return 0;
}
