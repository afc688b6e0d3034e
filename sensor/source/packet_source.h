// Where packets come from. The engine pulls; a source never pushes, so a replay runs at the
// speed of the pipeline and stays deterministic.
#pragma once

#include <cstdint>
#include <string>

#include "common/json.h"
#include "source/packet.h"

namespace korgoo::source {

enum class ReadStatus {
  kPacket,  // `out` holds a packet, valid until the next call
  kIdle,    // live source: no packet within the poll interval (lets the caller check signals)
  kEnd,     // no more packets, ever
};

struct SourceStats {
  std::uint64_t packets = 0;
  std::uint64_t bytes = 0;
  std::uint64_t files = 0;              // capture files opened
  std::uint64_t skipped_files = 0;      // replay of a folder: files that are not captures
  std::uint64_t read_errors = 0;        // damaged records or files cut short: reading stopped there
  std::uint64_t truncated_packets = 0;  // caplen < wire length (snaplen)
  std::uint64_t kernel_drops = 0;       // live: dropped by the kernel or interface (pcap_stats)
  std::uint64_t verdicts_accept = 0;    // inline
  std::uint64_t verdicts_drop = 0;      // inline
  std::uint64_t queue_overruns = 0;     // inline: the kernel queue overflowed (ENOBUFS)

  void to_json(Json& out) const;
  SourceStats& operator+=(const SourceStats& o);
};

class PacketSource {
 public:
  virtual ~PacketSource() = default;
  virtual ReadStatus next(Packet& out) = 0;
  // Interrupts a blocking read from another thread or a signal handler's flag check.
  virtual void stop() {}
  // Any thread: a next() blocked waiting for packets returns kIdle now rather than at the
  // end of its poll interval (LaneRun parks its workers for a service task this way).
  virtual void wake() {}
  // Inline sources apply the verdict to the packet last returned by next(); others ignore it.
  // `bypass`: the flow needs no more inspection; the kernel may stop queueing it.
  virtual void set_verdict(const Packet& /*pkt*/, Verdict /*v*/, bool /*bypass*/) {}
  virtual bool is_inline() const { return false; }
  // A replay: the fraction of its input read so far (0..1); a live source: -1.
  virtual double progress() const { return -1; }
  virtual const SourceStats& stats() const = 0;
  virtual std::string describe() const = 0;
};

// Maps a libpcap DLT_* value to the link types the decoder knows; unknown values pass through.
LinkType link_type_from_dlt(int dlt);

}  // namespace korgoo::source
