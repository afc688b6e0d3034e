// Shared set-up for TcpReassembler tests: one flow, a recording consumer and helpers that
// build segments from strings.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "recording_consumer.h"
#include "stream/tcp_reassembler.h"

namespace korgoo::stream::testing {

inline constexpr Direction kC2S = Direction::kToServer;
inline constexpr Direction kS2C = Direction::kToClient;

class ReassemblerTest : public ::testing::Test {
 protected:
  // Re-creates the reassembler after the test changed `cfg`.
  void reset() {
    r.reset();
    budget = std::make_unique<ReassemblyBudget>(cfg.worker_buffer_cap);
    r = std::make_unique<TcpReassembler>(cfg, stats, *budget);
    out = RecordingConsumer{};
  }
  void SetUp() override { reset(); }

  void send(Direction d, std::uint32_t seq, const std::string& payload, std::uint8_t flags = 0,
            std::uint32_t ack = 0) {
    Segment s;
    s.seq = seq;
    s.ack = ack;
    s.flags = flags;
    s.payload = as_bytes(payload);
    r->on_segment(d, s, out);
  }
  void syn(Direction d, std::uint32_t isn, const std::string& payload = "") {
    send(d, isn, payload, tcp_flag::kSyn);
  }
  void ack(Direction d, std::uint32_t seq, std::uint32_t ack_no) {
    send(d, seq, "", tcp_flag::kAck, ack_no);
  }

  std::string& text(Direction d) { return out.side(d).data; }

  StreamConfig cfg;
  StreamStats stats;
  std::unique_ptr<ReassemblyBudget> budget;
  std::unique_ptr<TcpReassembler> r;
  RecordingConsumer out;
};

}  // namespace korgoo::stream::testing
