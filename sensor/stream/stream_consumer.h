// The interface between TCP reassembly and whatever reads the byte streams (the app stage).
// Reassembly calls it in stream order, per direction, and never with overlapping ranges.
#pragma once

#include <cstdint>

#include "common/bytes.h"
#include "common/direction.h"

namespace korgoo::stream {

class StreamConsumer {
 public:
  virtual ~StreamConsumer() = default;

  // In-order bytes of one direction. `offset` is the stream offset of data[0]: bytes since the
  // start of the direction's stream (ISN + 1), or since pickup for a mid-stream flow; urgent
  // bytes taken out of the stream (stream.urgent: oob) are not counted.
  virtual void on_data(Direction dir, ByteView data, std::uint64_t offset) = 0;

  // `length` bytes starting at `offset` will never be delivered (not captured, or dropped
  // because a buffering cap was reached). Delivery resumes at offset + length.
  virtual void on_gap(Direction dir, std::uint64_t offset, std::uint64_t length) = 0;

  // The direction has ended (FIN, RST, timeout, eviction or end of input): flush anything held.
  virtual void on_end(Direction dir) = 0;
};

}  // namespace korgoo::stream
