// What a packet source hands to the pipeline: one captured frame, borrowed until the next
// call to the source.
#pragma once

#include <cstdint>
#include <string_view>

#include "common/bytes.h"
#include "common/timestamp.h"

namespace korgoo::source {

// libpcap DLT_* values the decoder understands.
enum class LinkType : int {
  kNull = 0,         // DLT_NULL, BSD loopback: 4-byte host-order address family
  kEthernet = 1,     // DLT_EN10MB
  kRaw = 101,        // LINKTYPE_RAW (and DLT_RAW 12/14 mapped to it by the source)
  kCiscoHdlc = 104,  // DLT_C_HDLC
  kLinuxSll = 113,   // DLT_LINUX_SLL
  kIpv4 = 228,       // LINKTYPE_IPV4
  kIpv6 = 229,       // LINKTYPE_IPV6
  kLinuxSll2 = 276,  // DLT_LINUX_SLL2
};

// What happens to a packet. Inline mode applies it; passive mode only reports it.
enum class Verdict : std::uint8_t { kAccept, kDrop };

struct Packet {
  Timestamp ts;
  ByteView data;               // captured bytes (caplen)
  std::uint32_t wire_len = 0;  // length on the wire; > data.size() when truncated by snaplen
  LinkType link = LinkType::kEthernet;
  std::uint64_t number = 0;      // 1-based position in the input (pcap_cnt), for error messages
  std::uint32_t verdict_id = 0;  // inline mode: the queue's packet id; 0 otherwise
  std::uint16_t queue = 0;       // inline mode: the queue it came from
  // Where it came from, for EVE `in_iface` (live, inline) and `pcap_filename` (replay); views
  // into the source, valid until the next call to it.
  std::string_view in_iface;
  std::string_view capture_file;
};

}  // namespace korgoo::source
