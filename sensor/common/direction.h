#pragma once

#include <cstdint>

namespace korgoo {

// Direction of a packet or byte stream relative to the flow: to_server is from the side that
// opened the flow (EVE `src`) towards the other side.
enum class Direction : std::uint8_t { kToServer = 0, kToClient = 1 };

inline constexpr Direction opposite(Direction d) {
  return d == Direction::kToServer ? Direction::kToClient : Direction::kToServer;
}
inline constexpr int index_of(Direction d) {
  return static_cast<int>(d);
}

}  // namespace korgoo
