// Reads a fuzzer's single buffer as a sequence of fields. Past the end every read yields zero
// or an empty view, so a harness never needs to check sizes and short inputs stay meaningful.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "common/bytes.h"

namespace korgoo::fuzz {

class FuzzInput {
 public:
  FuzzInput(const std::uint8_t* data, std::size_t size) : rest_(data, size) {}

  bool empty() const { return rest_.empty(); }
  std::uint8_t u8() {
    if (rest_.empty()) return 0;
    const std::uint8_t v = rest_[0];
    rest_ = rest_.subspan(1);
    return v;
  }
  std::uint16_t u16() { return static_cast<std::uint16_t>(u8() << 8 | u8()); }
  std::uint32_t u32() { return static_cast<std::uint32_t>(u16()) << 16 | u16(); }
  ByteView bytes(std::size_t n) {
    const ByteView v = rest_.first(std::min(n, rest_.size()));
    rest_ = rest_.subspan(v.size());
    return v;
  }
  ByteView rest() { return bytes(rest_.size()); }

 private:
  ByteView rest_;
};

}  // namespace korgoo::fuzz
