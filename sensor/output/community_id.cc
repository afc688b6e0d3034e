#include "output/community_id.h"

#include <openssl/evp.h>

#include <array>
#include <vector>

namespace korgoo::output {

namespace {

constexpr std::uint8_t kTcp = 6, kUdp = 17, kSctp = 132, kIcmp = 1, kIcmp6 = 58;

bool has_ports(std::uint8_t proto) {
  return proto == kTcp || proto == kUdp || proto == kSctp;
}

void put_address(std::vector<std::uint8_t>& out, const IpAddress& a) {
  const std::size_t n = a.is_v4() ? 4 : 16;
  out.insert(out.end(), a.bytes().begin(), a.bytes().begin() + static_cast<std::ptrdiff_t>(n));
}

void put_u16(std::vector<std::uint8_t>& out, std::uint16_t v) {
  out.push_back(static_cast<std::uint8_t>(v >> 8));
  out.push_back(static_cast<std::uint8_t>(v & 0xff));
}

}  // namespace

std::optional<std::string> community_id_v1(const CommunityIdEndpoint& a,
                                           const CommunityIdEndpoint& b, std::uint8_t ip_proto,
                                           std::uint16_t seed) {
  if (a.addr.family() == IpAddress::Family::kNone || a.addr.family() != b.addr.family())
    return std::nullopt;
  if (ip_proto == kIcmp || ip_proto == kIcmp6) return std::nullopt;
  const bool ports = has_ports(ip_proto);
  // The smaller endpoint (address, then port) goes first, so both directions agree.
  const bool swap = b.addr < a.addr || (b.addr == a.addr && ports && b.port < a.port);
  const CommunityIdEndpoint& lo = swap ? b : a;
  const CommunityIdEndpoint& hi = swap ? a : b;

  std::vector<std::uint8_t> in;
  in.reserve(2 + 32 + 2 + 4);
  put_u16(in, seed);
  put_address(in, lo.addr);
  put_address(in, hi.addr);
  in.push_back(ip_proto);
  in.push_back(0);  // padding
  if (ports) {
    put_u16(in, lo.port);
    put_u16(in, hi.port);
  }

  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int len = 0;
  if (EVP_Digest(in.data(), in.size(), digest.data(), &len, EVP_sha1(), nullptr) != 1)
    return std::nullopt;
  std::array<unsigned char, 4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1> b64{};
  const int n = EVP_EncodeBlock(b64.data(), digest.data(), static_cast<int>(len));
  return "1:" + std::string(reinterpret_cast<const char*>(b64.data()), static_cast<std::size_t>(n));
}

}  // namespace korgoo::output
