#include "decode/decode_error.h"

#include <array>

namespace korgoo::decode {

namespace {

// Indexed by the enum; the static_assert keeps the table and the enum in step.
constexpr std::array<std::string_view, kDecodeErrorCount> kNames = {
    "none",
    "unknown_linktype",
    "eth_truncated",
    "vlan_truncated",
    "vlan_too_many_layers",
    "sll_truncated",
    "sll2_truncated",
    "null_truncated",
    "chdlc_truncated",
    "raw_truncated",
    "raw_bad_version",
    "ipv4_truncated",
    "ipv4_bad_version",
    "ipv4_bad_ihl",
    "ipv4_bad_length",
    "ipv4_bad_option",
    "ipv6_truncated",
    "ipv6_bad_version",
    "ipv6_ext_truncated",
    "ipv6_hbh_not_first",
    "ipv6_too_many_ext",
    "tcp_truncated",
    "tcp_bad_offset",
    "udp_truncated",
    "udp_bad_length",
    "frag_too_large",
    "frag_bad_length",
    "frag_too_many",
    "frag_inconsistent_end",
    "frag_nested",
};
static_assert(kNames.back() == "frag_nested", "kNames must list every DecodeError in order");

}  // namespace

std::string_view name(DecodeError e) {
  const auto i = static_cast<std::size_t>(e);
  return i < kNames.size() ? kNames[i] : std::string_view("unknown");
}

}  // namespace korgoo::decode
