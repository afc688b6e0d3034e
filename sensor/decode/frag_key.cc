#include "decode/frag_key.h"

#include <cstring>

namespace korgoo::decode {

namespace {

constexpr std::uint64_t kSecret1 = 0xe7037ed1a0b428dbULL;
constexpr std::uint64_t kSecret2 = 0x8ebc6af09c88c6e3ULL;

// 64x64->128 multiply folded to 64 bits (as in wyhash): every input bit reaches every output.
std::uint64_t mum(std::uint64_t a, std::uint64_t b) {
  const unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
  return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
}

}  // namespace

std::size_t FragKeyHash::operator()(const FragKey& k) const noexcept {
  std::uint64_t w[6];
  std::memcpy(&w[0], k.src.data(), 16);
  std::memcpy(&w[2], k.dst.data(), 16);
  w[4] = std::uint64_t{k.id} | (std::uint64_t{k.proto} << 32) |
         (std::uint64_t{static_cast<std::uint8_t>(k.family)} << 40);
  w[5] = std::uint64_t{k.vlan[0]} | (std::uint64_t{k.vlan[1]} << 16);
  std::uint64_t h = seed_ ^ kSecret2;
  for (int i = 0; i < 6; i += 2) h = mum(w[i] ^ kSecret1, w[i + 1] ^ h);
  return static_cast<std::size_t>(mum(h ^ kSecret1, h ^ kSecret2 ^ seed_));
}

}  // namespace korgoo::decode
