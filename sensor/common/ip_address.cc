#include "common/ip_address.h"

#include <arpa/inet.h>

#include <cstring>

#include <fmt/format.h>

namespace korgoo {

IpAddress IpAddress::v4(const std::uint8_t* four_bytes) {
  IpAddress a;
  a.family_ = Family::kV4;
  std::memcpy(a.bytes_.data(), four_bytes, 4);
  return a;
}

IpAddress IpAddress::v4(std::uint32_t host_order) {
  const std::uint8_t b[4] = {
      static_cast<std::uint8_t>(host_order >> 24), static_cast<std::uint8_t>(host_order >> 16),
      static_cast<std::uint8_t>(host_order >> 8), static_cast<std::uint8_t>(host_order)};
  return v4(b);
}

IpAddress IpAddress::v6(const std::uint8_t* sixteen_bytes) {
  IpAddress a;
  a.family_ = Family::kV6;
  std::memcpy(a.bytes_.data(), sixteen_bytes, 16);
  return a;
}

std::optional<IpAddress> IpAddress::parse(std::string_view text) {
  std::string s(text);  // inet_pton needs a terminated string
  std::uint8_t buf[16];
  if (inet_pton(AF_INET, s.c_str(), buf) == 1) return v4(buf);
  if (inet_pton(AF_INET6, s.c_str(), buf) == 1) return v6(buf);
  return std::nullopt;
}

std::uint32_t IpAddress::v4_host_order() const {
  return (std::uint32_t{bytes_[0]} << 24) | (std::uint32_t{bytes_[1]} << 16) |
         (std::uint32_t{bytes_[2]} << 8) | std::uint32_t{bytes_[3]};
}

std::string IpAddress::to_string(bool compress_v6) const {
  switch (family_) {
    case Family::kV4:
      return fmt::format("{}.{}.{}.{}", bytes_[0], bytes_[1], bytes_[2], bytes_[3]);
    case Family::kV6: {
      if (compress_v6) {
        char out[INET6_ADDRSTRLEN];
        inet_ntop(AF_INET6, bytes_.data(), out, sizeof out);
        return out;
      }
      std::string s;
      s.reserve(39);
      for (int i = 0; i < 16; i += 2) {
        if (i) s += ':';
        s += fmt::format("{:02x}{:02x}", bytes_[i], bytes_[i + 1]);
      }
      return s;
    }
    case Family::kNone:
      break;
  }
  return "";
}

Cidr::Cidr(IpAddress net, int prefix_len) : network_(net), prefix_len_(prefix_len) {
  // Clear host bits so that equal prefixes compare equal.
  auto bytes = network_.bytes();
  const int total = net.is_v4() ? 32 : 128;
  for (int bit = prefix_len; bit < total; ++bit) bytes[bit / 8] &= ~(0x80u >> (bit % 8));
  network_ = net.is_v4() ? IpAddress::v4(bytes.data()) : IpAddress::v6(bytes.data());
}

std::optional<Cidr> Cidr::parse(std::string_view text) {
  const auto slash = text.find('/');
  auto addr = IpAddress::parse(text.substr(0, slash));
  if (!addr) return std::nullopt;
  const int max = addr->is_v4() ? 32 : 128;
  int len = max;
  if (slash != std::string_view::npos) {
    auto digits = text.substr(slash + 1);
    if (digits.empty() || digits.size() > 3) return std::nullopt;
    len = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return std::nullopt;
      len = len * 10 + (c - '0');
    }
    if (len > max) return std::nullopt;
  }
  return Cidr(*addr, len);
}

std::string Cidr::problem(std::string_view text) {
  const auto c = parse(text);
  if (!c) return fmt::format("'{}' is not an address or CIDR prefix", text);
  if (IpAddress::parse(text.substr(0, text.find('/'))) != c->network())
    return fmt::format("'{}' has host bits set (the prefix is {})", text, c->to_string());
  return "";
}

bool Cidr::contains(const IpAddress& a) const {
  if (a.family() != network_.family()) return false;
  const auto& x = a.bytes();
  const auto& n = network_.bytes();
  int full = prefix_len_ / 8;
  if (std::memcmp(x.data(), n.data(), full) != 0) return false;
  int rest = prefix_len_ % 8;
  if (rest == 0) return true;
  std::uint8_t mask = static_cast<std::uint8_t>(0xFF00u >> rest);
  return (x[full] & mask) == (n[full] & mask);
}

std::string Cidr::to_string() const {
  return fmt::format("{}/{}", network_.to_string(true), prefix_len_);
}

}  // namespace korgoo
