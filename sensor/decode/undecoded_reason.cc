#include "decode/undecoded_reason.h"

#include <array>

namespace korgoo::decode {

namespace {

// Indexed by the enum; the static_assert keeps the table and the enum in step.
constexpr std::array<std::string_view, kUndecodedCount> kNames = {
    "none",
    "llc",
    "unknown_ethertype",
    "unknown_ip_proto",
    "gre_unknown_proto",
    "ppp_unknown_proto",
    "pppoe_discovery",
    "mpls_unknown_payload",
    "erspan_not_ethernet",
    "nsh_unknown_proto",
    "vxlan_gpe_unknown_proto",
};
static_assert(kNames.back() == "vxlan_gpe_unknown_proto",
              "kNames must list every Undecoded reason in order");

}  // namespace

std::string_view name(Undecoded u) {
  const auto i = static_cast<std::size_t>(u);
  return i < kNames.size() ? kNames[i] : std::string_view("unknown");
}

}  // namespace korgoo::decode
