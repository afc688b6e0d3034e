// One layer of HTTP content coding undone with zlib: gzip, zlib-wrapped deflate, or raw
// deflate. The format is told by the first bytes, not by the header's name, because servers
// mislabel ("deflate" sent raw, "gzip" sent as zlib) and browsers decode them anyway. When the
// data does not inflate from its first byte it was not compressed at all: the input is passed
// through as sent, so a wrongly labelled body is still scanned.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "common/bytes.h"

namespace korgoo::app {

class Inflater {
 public:
  // Receives decoded bytes; returns false to stop (a limit was reached downstream).
  using Output = std::function<bool(ByteView)>;

  enum class Status : std::uint8_t {
    kOk,           // waiting for more input
    kEnd,          // the compressed stream ended; later input is ignored
    kPassthrough,  // not compressed: input is forwarded as sent
    kError,        // corrupt after output had begun; later input is ignored
    kStopped,      // the output asked to stop
  };

  // `allow_raw`: data with neither a gzip nor a zlib header is tried as raw deflate. Off when
  // the coding is unknown: nearly any bytes start a valid raw deflate stream, and the
  // garbage it yields would replace what was sent.
  explicit Inflater(Output out, bool allow_raw = true);
  ~Inflater();
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  Status feed(ByteView in);
  Status status() const { return status_; }

 private:
  enum class Format : std::uint8_t { kGzip, kZlib, kRaw };
  bool start(Format format);
  Status attempt(ByteView in);
  Status inflate_bytes(ByteView in);
  Status fall_back(ByteView all);

  Output out_;
  bool allow_raw_;
  Status status_ = Status::kOk;
  bool started_ = false;
  Format format_ = Format::kGzip;
  z_stream zs_{};
  std::uint64_t produced_ = 0;
  std::vector<std::uint8_t> head_;  // input kept until the first output, for a retry
  bool keep_head_ = true;
  std::unique_ptr<std::uint8_t[]> buf_;  // output window
};

}  // namespace korgoo::app
