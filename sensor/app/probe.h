// The answer of a protocol probe: does the start of one direction's byte stream look like
// this protocol? Probes see only the bytes buffered so far, so "not enough bytes yet" is an
// answer of its own: the dispatcher keeps buffering (bounded) while any probe says kMaybe.
#pragma once

namespace korgoo::app {

enum class ProbeResult {
  kNo,     // these bytes are not this protocol
  kMaybe,  // a prefix of this protocol: need more bytes to decide
  kYes,    // this protocol
};

}  // namespace korgoo::app
