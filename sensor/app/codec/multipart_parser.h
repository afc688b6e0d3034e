// Splits a multipart body (RFC 2046 §5.1; multipart/form-data, RFC 7578) into its parts,
// streaming: the delimiter "\r\n--boundary" is found across any split of the input, and only
// the bytes that could still be the start of a delimiter are held back (at most its length).
// Each part's headers are parsed for its file name and type; its data is handed on as it
// comes, never buffered whole.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/bytes.h"

namespace korgoo::app {

struct MultipartPart {
  std::string name;      // Content-Disposition name
  std::string filename;  // Content-Disposition filename ("" = not a file)
  bool has_filename = false;
  std::string content_type;
};

class MultipartHandler {
 public:
  virtual ~MultipartHandler() = default;
  virtual void part_begin(const MultipartPart& part) = 0;
  virtual void part_data(ByteView data) = 0;
  // Bytes outside every part's data: the preamble, each part's header block, the epilogue.
  // Seen by whoever scans the body, so that a body whose boundary never comes is not hidden.
  virtual void outside_parts(ByteView data) = 0;
  // `complete`: the part's closing delimiter was seen (not cut off by the body's end).
  virtual void part_end(bool complete) = 0;
};

class MultipartParser {
 public:
  MultipartParser(std::string boundary, std::size_t max_part_header_bytes,
                  MultipartHandler& handler);

  void feed(ByteView in);
  // The body ended (or was cut): an open part ends incomplete.
  void finish();
  // Part header blocks that were too long or cut off.
  int errors() const { return errors_; }

 private:
  enum class State : std::uint8_t {
    kPreamble,     // before the first delimiter: discarded
    kAfterDelim,   // "--" (the end) or padding and CRLF (a part follows)
    kAfterDash,    // one '-' of the closing "--" seen
    kPartHeaders,  // header block of a part
    kPartData,
    kEpilogue,  // after the closing delimiter: discarded
  };
  void on_delimiter();
  void begin_part();
  void data_byte_run(const std::uint8_t* p, std::size_t n);
  void flush_run();

  std::string delim_;              // "\r\n--" + boundary
  std::vector<std::size_t> fail_;  // KMP failure function of delim_
  std::size_t max_header_bytes_;
  MultipartHandler& handler_;
  State state_ = State::kPreamble;
  std::size_t matched_ = 2;  // the body's start counts as the CRLF before a delimiter
  // The whole delimiter matched; it is one only if a '-', white space or a line end follows
  // ("--XyZ" inside "--XyZabc" is data).
  bool delim_pending_ = false;
  std::string headers_;  // current part's header block
  std::string run_;      // data collected in one feed call, handed on at its end
  bool part_open_ = false;
  int errors_ = 0;
};

}  // namespace korgoo::app
