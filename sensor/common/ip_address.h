// IPv4 and IPv6 addresses and CIDR prefixes. IPv4 is kept as its own family (not mapped) so
// that formatting and country lookups need no guessing.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace korgoo {

class IpAddress {
 public:
  enum class Family : std::uint8_t { kNone = 0, kV4 = 4, kV6 = 6 };

  IpAddress() = default;
  static IpAddress v4(const std::uint8_t* four_bytes);
  static IpAddress v4(std::uint32_t host_order);
  static IpAddress v6(const std::uint8_t* sixteen_bytes);
  // Parses dotted quad or any RFC 4291 text form; nullopt when it is neither.
  static std::optional<IpAddress> parse(std::string_view text);

  Family family() const { return family_; }
  bool is_v4() const { return family_ == Family::kV4; }
  bool is_v6() const { return family_ == Family::kV6; }
  // Network-order bytes: 4 significant bytes for IPv4, 16 for IPv6.
  const std::array<std::uint8_t, 16>& bytes() const { return bytes_; }
  std::uint32_t v4_host_order() const;

  // IPv4 dotted quad; IPv6 in full uncompressed form (Suricata's default), or RFC 5952 when
  // `compress_v6` is set.
  std::string to_string(bool compress_v6 = false) const;

  friend auto operator<=>(const IpAddress&, const IpAddress&) = default;

 private:
  Family family_ = Family::kNone;
  std::array<std::uint8_t, 16> bytes_{};
};

class Cidr {
 public:
  Cidr() = default;
  Cidr(IpAddress net, int prefix_len);
  // "10.0.0.0/8", "fc00::/7", or a bare address (a host route).
  static std::optional<Cidr> parse(std::string_view text);
  // Why `text` is not a prefix to configure, or "" when it is: not a prefix at all, or host
  // bits set ("10.0.0.1/8" means 10.0.0.0/8 and is almost always a typo for a /32 or a
  // different network, so it is refused rather than silently widened).
  static std::string problem(std::string_view text);

  bool contains(const IpAddress& a) const;
  const IpAddress& network() const { return network_; }
  int prefix_len() const { return prefix_len_; }
  std::string to_string() const;

 private:
  IpAddress network_;
  int prefix_len_ = 0;
};

}  // namespace korgoo
