#include "source/packet_source.h"

#include <pcap/pcap.h>

namespace korgoo::source {

void SourceStats::to_json(Json& out) const {
  out["packets"] = packets;
  out["bytes"] = bytes;
  out["files"] = files;
  out["read_errors"] = read_errors;
  if (skipped_files) out["skipped_files"] = skipped_files;
  out["truncated_packets"] = truncated_packets;
  out["kernel_drops"] = kernel_drops;
  out["verdicts_accept"] = verdicts_accept;
  out["verdicts_drop"] = verdicts_drop;
  out["queue_overruns"] = queue_overruns;
}

SourceStats& SourceStats::operator+=(const SourceStats& o) {
  packets += o.packets;
  bytes += o.bytes;
  files += o.files;
  skipped_files += o.skipped_files;
  read_errors += o.read_errors;
  truncated_packets += o.truncated_packets;
  kernel_drops += o.kernel_drops;
  verdicts_accept += o.verdicts_accept;
  verdicts_drop += o.verdicts_drop;
  queue_overruns += o.queue_overruns;
  return *this;
}

LinkType link_type_from_dlt(int dlt) {
  switch (dlt) {
    case DLT_NULL:
    case DLT_LOOP:  // OpenBSD loopback: same header, network byte order; the decoder takes both
      return LinkType::kNull;
    case DLT_EN10MB:
      return LinkType::kEthernet;
    case DLT_RAW:
    case 14:   // DLT_RAW on some BSDs
    case 101:  // LINKTYPE_RAW as stored in files
      return LinkType::kRaw;
    default:
      return static_cast<LinkType>(dlt);
  }
}

}  // namespace korgoo::source
