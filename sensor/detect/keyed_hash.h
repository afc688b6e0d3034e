// SipHash-2-4 with a 128-bit key: the "distinct" in a tally counts values by this keyed hash,
// so the sensor never keeps a value, and without the key (random per run unless configured)
// a hash cannot be matched against a list of all 14-digit PINs offline.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace korgoo::detect {

class KeyedHash {
 public:
  using Key = std::array<std::uint8_t, 16>;

  explicit KeyedHash(const Key& key);
  // 32 hex digits; nullopt if malformed.
  static std::optional<Key> parse_key(std::string_view hex);
  static Key random_key();

  std::uint64_t operator()(std::string_view data) const;
  // Hash of a typed value: the same digits as a kg_pin and as a card are different values.
  std::uint64_t value(std::string_view type, std::string_view normalised) const;

 private:
  std::uint64_t k0_;
  std::uint64_t k1_;
};

}  // namespace korgoo::detect
