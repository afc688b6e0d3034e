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
    "encap_too_deep",
    "gre_truncated",
    "gre_bad_version",
    "gre_bad_flags",
    "erspan_truncated",
    "erspan_bad_version",
    "ppp_truncated",
    "pppoe_truncated",
    "pppoe_bad_header",
    "mpls_truncated",
    "mpls_too_many_labels",
    "vxlan_truncated",
    "vxlan_bad_flags",
    "geneve_truncated",
    "geneve_bad_version",
    "nsh_truncated",
    "nsh_bad_version",
    "nsh_bad_length",
};
static_assert(kNames.back() == "nsh_bad_length", "kNames must list every DecodeError in order");

}  // namespace

std::string_view name(DecodeError e) {
  const auto i = static_cast<std::size_t>(e);
  return i < kNames.size() ? kNames[i] : std::string_view("unknown");
}

}  // namespace korgoo::decode
