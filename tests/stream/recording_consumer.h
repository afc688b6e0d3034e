// A StreamConsumer for tests: rebuilds each direction's stream with gaps marked, and checks
// the consumer contract as it goes (in order, no overlap, nothing after on_end).
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "stream/stream_consumer.h"

namespace korgoo::stream::testing {

class RecordingConsumer : public StreamConsumer {
 public:
  struct Gap {
    std::uint64_t offset;
    std::uint64_t length;
    friend bool operator==(const Gap&, const Gap&) = default;
  };
  struct Side {
    std::string data;       // delivered bytes, each gap byte as '#' (short gaps only)
    std::string delivered;  // delivered bytes only
    std::vector<Gap> gaps;
    std::uint64_t next = 0;  // expected offset of the next call
    int data_calls = 0;
    int ends = 0;
    std::vector<const std::uint8_t*> pointers;  // data() of each on_data call
  };

  void on_data(Direction dir, ByteView data, std::uint64_t offset) override {
    Side& s = side(dir);
    EXPECT_EQ(s.ends, 0) << "data after end";
    EXPECT_EQ(offset, s.next) << "data out of order";
    EXPECT_FALSE(data.empty());
    s.data.append(as_chars(data));
    s.delivered.append(as_chars(data));
    s.pointers.push_back(data.data());
    s.next = offset + data.size();
    ++s.data_calls;
  }
  void on_gap(Direction dir, std::uint64_t offset, std::uint64_t length) override {
    Side& s = side(dir);
    EXPECT_EQ(s.ends, 0) << "gap after end";
    EXPECT_EQ(offset, s.next) << "gap out of order";
    EXPECT_GT(length, 0u);
    s.gaps.push_back({offset, length});
    if (length < 1'000'000) s.data.append(length, '#');
    s.next = offset + length;
  }
  void on_end(Direction dir) override { ++side(dir).ends; }

  Side& side(Direction d) { return sides[index_of(d)]; }
  std::array<Side, 2> sides;
};

}  // namespace korgoo::stream::testing
