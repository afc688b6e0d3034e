// Where an HTTP message head ends, read one byte at a time as the receiver reads it.
//
// A request head ends at an empty line: LF alone, or CR LF (servers and libhtp end request
// lines at LF only). A response head is read as browsers and libhtp read it, which is looser,
// and evasions hide a body behind the difference (http-evader 285, 411, 419, 425):
//   - LF then CR is one line end ("a\n\r\r\n" ends the head: the line after "a\n\r" is
//     CR LF, 411), while CR CR LF is not an empty line ("\r\r\r\n" between fields, 285);
//   - a bare CR ends a line, but a line that is only a CR goes on to the next line end;
//   - a line holding one space or one tab then LF ends the head when a byte other than LF
//     follows it (419's "\n \n", 425's "\n\t\n");
//   - after an LF CR line end, the CR LF CR LF that ends the head is read whole.
// Some of these need the byte after a line end to decide, so the head may end just before
// the byte being fed (kEndedBefore).
#pragma once

#include <cstddef>

#include "common/direction.h"

namespace korgoo::app {

class HttpHeadEnd {
 public:
  enum class Step : unsigned char {
    kMore,         // the byte belongs to the head, which goes on
    kEnded,        // the byte ended the head (it is the head's last byte)
    kEndedBefore,  // the head ended before this byte, which is not part of it
  };

  explicit HttpHeadEnd(Direction dir) : response_(dir == Direction::kToClient) {}

  // `c` is the next byte of the head; `at` is its offset in the head.
  Step feed(char c, std::size_t at);
  // The stream ended after the bytes fed: whether the head ended with them (a decision that
  // was waiting for the next byte is taken without one).
  bool ended_at_close();
  // Where the line that ended the head starts: the head without its empty line.
  std::size_t end_line_start() const { return end_line_start_; }
  void reset() { *this = HttpHeadEnd(response_ ? Direction::kToClient : Direction::kToServer); }

 private:
  enum class Pending : unsigned char {
    kNone,
    kCr,      // the last byte is a CR: what it means depends on the next one
    kLf,      // the last byte is an LF: a CR after it belongs to the same line end
    kTail,    // the head ended after LF CR + CR LF; a CR LF after it is read too
    kTailCr,  // ... and its CR came
  };

  Step feed_request(char c, std::size_t at);
  Step fresh(char c);  // `c` added to the current line
  void start_line(std::size_t at);

  bool response_;
  Pending pending_ = Pending::kNone;
  bool after_lf_cr_ = false;  // the previous line ended with LF CR
  std::size_t line_start_ = 0;
  std::size_t line_len_ = 0;
  char first_ = 0;  // the current line's first byte
  std::size_t end_line_start_ = 0;
};

}  // namespace korgoo::app
