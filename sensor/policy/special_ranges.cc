#include "policy/special_ranges.h"

namespace korgoo::policy {

CidrSet special_purpose_ranges() {
  CidrSet set;
  for (const char* text : {
           "0.0.0.0/8",        // "this network"
           "10.0.0.0/8",       // RFC 1918
           "100.64.0.0/10",    // CGNAT, RFC 6598
           "127.0.0.0/8",      // loopback
           "169.254.0.0/16",   // link-local
           "172.16.0.0/12",    // RFC 1918
           "192.0.0.0/24",     // IETF protocol assignments
           "192.0.2.0/24",     // TEST-NET-1, RFC 5737
           "192.168.0.0/16",   // RFC 1918
           "198.18.0.0/15",    // benchmarking, RFC 2544
           "198.51.100.0/24",  // TEST-NET-2
           "203.0.113.0/24",   // TEST-NET-3
           "224.0.0.0/4",      // multicast
           "240.0.0.0/4",      // reserved, and 255.255.255.255 broadcast
           "::/128",           // unspecified
           "::1/128",          // loopback
           "fc00::/7",         // unique local, RFC 4193
           "fe80::/10",        // link-local
           "ff00::/8",         // multicast
           "2001:db8::/32",    // documentation, RFC 3849
       })
    set.add(*Cidr::parse(text));
  return set;
}

}  // namespace korgoo::policy
