// Serial-number arithmetic on the 32-bit TCP sequence space (RFC 1982): sequence numbers wrap
// at 2^32, so "a before b" means b is less than 2^31 ahead of a. Never compare raw values.
#pragma once

#include <cstdint>

namespace korgoo::stream::seq {

// Signed distance from b to a: positive when a is after b. Conversion to int32 is modular
// (well defined since C++20).
inline constexpr std::int32_t diff(std::uint32_t a, std::uint32_t b) {
  return static_cast<std::int32_t>(a - b);
}
inline constexpr bool lt(std::uint32_t a, std::uint32_t b) {
  return diff(a, b) < 0;
}
inline constexpr bool le(std::uint32_t a, std::uint32_t b) {
  return diff(a, b) <= 0;
}
inline constexpr bool gt(std::uint32_t a, std::uint32_t b) {
  return diff(a, b) > 0;
}
inline constexpr bool ge(std::uint32_t a, std::uint32_t b) {
  return diff(a, b) >= 0;
}

// The 64-bit stream offset of `s`, given a reference point known in both spaces (the next
// expected byte). Valid while `s` is within 2^31 of the reference, which TCP windows ensure.
inline constexpr std::int64_t unwrap(std::uint32_t s, std::uint32_t ref_seq,
                                     std::uint64_t ref_offset) {
  return static_cast<std::int64_t>(ref_offset) + diff(s, ref_seq);
}

}  // namespace korgoo::stream::seq
