// Removes HTTP/1.1 chunked transfer coding (RFC 9112 §7.1): size lines (hex, extensions
// ignored), chunk data, trailers. Fed any split of the input, down to one byte at a time, it
// hands out the same data: chunk data is returned as views into the input, so a boundary
// inside an identifier costs nothing and the caller writes both pieces to the same view.
// Lenient where peers are (bare LF, a missing CRLF after data, blank lines between chunks,
// junk after the size digits),
// because a scanner that is stricter than the receiving browser is blind to what it accepts.
#pragma once

#include <cstdint>
#include <string>

#include "common/bytes.h"

namespace korgoo::app {

class ChunkedDecoder {
 public:
  struct Step {
    std::size_t consumed = 0;  // input bytes used by this step
    ByteView data;             // chunk data found in them (may be empty)
  };

  // Consumes a prefix of `in`: framing, or one run of chunk data. Call again with the rest
  // until `in` is used up, or done() or invalid().
  Step step(ByteView in);

  // A gap of `length` bytes in the input: true if it fell entirely inside chunk data (the
  // decoder stays in step), false if the framing is lost.
  bool skip(std::uint64_t length);

  bool done() const { return state_ == State::kDone; }
  // The size line was not a size: the peer is not chunking after all. The bytes of that line
  // are kept so the caller can treat them, and what follows, as plain body.
  bool invalid() const { return state_ == State::kInvalid; }
  const std::string& invalid_line() const { return line_; }
  // Inside chunk data (a flow that ends here ends a chunk short).
  bool in_data() const { return state_ == State::kData; }

 private:
  enum class State : std::uint8_t {
    kSizeLine,  // collecting "1a;ext=x\r\n"
    kData,      // remaining_ bytes of data to go
    kDataEnd,   // the CRLF after data
    kTrailer,   // trailer lines until an empty one
    kDone,
    kInvalid,
  };
  void end_size_line();

  State state_ = State::kSizeLine;
  std::uint64_t remaining_ = 0;
  std::string line_;  // current size or trailer line (bounded)
  bool size_digits_seen_ = false;
  bool data_end_cr_ = false;  // saw the CR of the CRLF after data
};

}  // namespace korgoo::app
