// Line framing for the text protocols (SMTP, FTP, MIME): turns a byte stream fed in arbitrary
// pieces into lines, so a decoder sees the same lines however the stream was segmented.
// Memory is bounded: a line longer than the cap is handed out in pieces of at most `cap`
// bytes, flagged as such, and the decoder decides what a partial line means for it. Across
// flows the buffers are charged to the worker's app.memcap: when it refuses, what is buffered
// is handed out as a piece with refused() set, and the decoder stops framing that direction
// (its bytes go to the raw view).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "app/app_memory.h"
#include "common/bytes.h"

namespace korgoo::app {

class LineAssembler {
 public:
  // `memory`: the worker's app.memcap (nullptr: uncapped).
  explicit LineAssembler(std::size_t cap, AppMemory* memory = nullptr)
      : cap_(cap < 2 ? 2 : cap), memory_(memory) {}

  // Takes bytes from the front of `in` up to the end of one line (or one piece) and returns
  // how many it took. When ready() is true, the caller handles the line and calls next().
  std::size_t feed(ByteView in);
  bool ready() const { return ready_; }
  void next();

  // The line without its terminator (LF or CRLF).
  std::string_view text() const { return line_; }
  bool starts_line() const { return starts_line_; }  // first piece of its line
  bool ends_line() const { return ends_line_; }      // the terminator was seen
  bool empty_buffer() const { return line_.empty() && !ready_; }
  // app.memcap refused to let the buffer grow: the piece handed out is all that was buffered
  // and the caller must not feed this assembler again (until reset()).
  bool refused() const { return refused_; }
  // Forgets any buffered bytes (after a gap), keeping the cap and the memory it charges.
  void reset();

  // At the end of the stream: hands out what is buffered as a final, unterminated piece.
  bool flush();

 private:
  std::size_t cap_;
  std::string line_;
  AppMemoryShare memory_;  // line_'s charge to app.memcap
  bool refused_ = false;
  bool ready_ = false;
  bool starts_line_ = true;
  bool ends_line_ = false;
  bool next_starts_line_ = true;
  bool pending_cr_ = false;  // a CR held back from a full piece
};

}  // namespace korgoo::app
