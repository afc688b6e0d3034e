#include "detect/keyed_hash.h"
#include "common/hex_digit.h"

#include <bit>
#include <cstring>
#include <random>

namespace korgoo::detect {
namespace {

std::uint64_t load_le64(const std::uint8_t* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

struct SipState {
  std::uint64_t v0, v1, v2, v3;
  void round() {
    v0 += v1;
    v1 = std::rotl(v1, 13);
    v1 ^= v0;
    v0 = std::rotl(v0, 32);
    v2 += v3;
    v3 = std::rotl(v3, 16);
    v3 ^= v2;
    v0 += v3;
    v3 = std::rotl(v3, 21);
    v3 ^= v0;
    v2 += v1;
    v1 = std::rotl(v1, 17);
    v1 ^= v2;
    v2 = std::rotl(v2, 32);
  }
  void absorb(std::uint64_t m) {
    v3 ^= m;
    round();
    round();
    v0 ^= m;
  }
};

}  // namespace

KeyedHash::KeyedHash(const Key& key) : k0_(load_le64(key.data())), k1_(load_le64(key.data() + 8)) {}

std::optional<KeyedHash::Key> KeyedHash::parse_key(std::string_view hex) {
  Key key{};
  if (hex.size() != 2 * key.size()) return std::nullopt;
  for (std::size_t i = 0; i < key.size(); ++i) {
    const int hi = hex_digit_value(hex[2 * i]);
    const int lo = hex_digit_value(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    key[i] = static_cast<std::uint8_t>(hi * 16 + lo);
  }
  return key;
}

KeyedHash::Key KeyedHash::random_key() {
  std::random_device rd;
  Key key{};
  for (auto& b : key) b = static_cast<std::uint8_t>(rd());
  return key;
}

std::uint64_t KeyedHash::operator()(std::string_view data) const {
  SipState s{k0_ ^ 0x736f6d6570736575ULL, k1_ ^ 0x646f72616e646f6dULL, k0_ ^ 0x6c7967656e657261ULL,
             k1_ ^ 0x7465646279746573ULL};
  const auto* p = reinterpret_cast<const std::uint8_t*>(data.data());
  const std::size_t n = data.size();
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) s.absorb(load_le64(p + i));
  std::uint64_t last = static_cast<std::uint64_t>(n & 0xff) << 56;
  for (std::size_t k = 0; i + k < n; ++k) last |= static_cast<std::uint64_t>(p[i + k]) << (8 * k);
  s.absorb(last);
  s.v2 ^= 0xff;
  for (int r = 0; r < 4; ++r) s.round();
  return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
}

std::uint64_t KeyedHash::value(std::string_view type, std::string_view normalised) const {
  // Type, unit separator, value; on the stack for the usual sizes (this runs per finding).
  std::array<char, 320> stack;
  const std::size_t n = type.size() + 1 + normalised.size();
  if (n > stack.size()) {
    std::string buf;
    buf.reserve(n);
    buf.append(type).push_back('\x1f');
    buf.append(normalised);
    return (*this)(buf);
  }
  std::memcpy(stack.data(), type.data(), type.size());
  stack[type.size()] = '\x1f';
  std::memcpy(stack.data() + type.size() + 1, normalised.data(), normalised.size());
  return (*this)(std::string_view(stack.data(), n));
}

}  // namespace korgoo::detect
