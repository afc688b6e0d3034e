// One direction of an HTTP/1.x connection as a sequence of messages: reads each head (start
// line and header fields, bounded by limits.max_header_bytes), asks its handler how the body
// is framed, then removes the framing (Content-Length, chunked, or until the connection
// closes) and hands the body on. It knows nothing of requests or responses: which is which,
// and what a head means for the body, is the handler's (the decoder's) business.
//
// A streaming state machine: any split of the input, down to one byte at a time, gives the
// same calls to the handler (the same bytes, possibly in more pieces).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "app/app_memory.h"
#include "app/codec/chunked_decoder.h"
#include "app/http/http_head_end.h"
#include "common/bytes.h"
#include "common/direction.h"

namespace korgoo::app {

enum class BodyFraming : std::uint8_t { kNone, kLength, kChunked, kUntilClose };

// What follows a head, as the handler decides.
struct MessagePlan {
  bool valid = true;  // false: not a message head; the direction is lost
  BodyFraming framing = BodyFraming::kNone;
  std::uint64_t length = 0;  // for kLength
  enum class After : std::uint8_t {
    kNext,    // another message head
    kHold,    // keep the bytes until release() says what they are (CONNECT, tunnels)
    kIgnore,  // not HTTP any more (101 Switching Protocols, an opaque tunnel)
  } after = After::kNext;
};

class HttpMessageHandler {
 public:
  virtual ~HttpMessageHandler() = default;
  // `head` is the start line and header lines, line ends included, without the empty line.
  virtual MessagePlan on_head(Direction dir, std::string_view head) = 0;
  virtual void on_body(Direction dir, ByteView data) = 0;
  // Bytes that are not body: message heads, chunk framing, and what is not HTTP (a tunnel, a
  // direction given up, held bytes dropped). The decoder has no view of them, so they are
  // scanned as sent.
  virtual void on_unparsed(Direction dir, ByteView data) = 0;
  virtual void on_body_gap(Direction dir) = 0;
  // The message ended; `complete`: its body was framed to the end (not cut by a gap, a
  // parse error or the end of the flow).
  virtual void on_message_end(Direction dir, bool complete) = 0;
  // The direction was given up (a malformed head, a gap outside a body). It may come back at
  // a later segment that starts with a message head, or, for responses, at a status line
  // that starts a line. `head_lost`: a message was lost with its head (a gap or garbage where
  // one began), not one whose body was cut after on_message_end.
  virtual void on_lost(Direction dir, bool head_lost) = 0;
};

class HttpMessageParser {
 public:
  // `memory`: the worker's app.memcap the head buffer is charged to (nullptr: uncapped).
  HttpMessageParser(Direction dir, std::size_t max_head_bytes, HttpMessageHandler& handler,
                    AppMemory* memory = nullptr);

  void feed(ByteView data);
  void gap(std::uint64_t length);
  void end();  // the direction's stream ended

  // What a direction in kHold has kept.
  std::string_view held() const { return held_; }
  // Ends kHold: parse the held bytes as HTTP (`as_http`) or drop them and ignore the rest.
  // Not to be called from inside the handler's callbacks of this parser.
  void release(bool as_http);
  // Stop parsing: what follows is not HTTP (the other direction switched protocols).
  void ignore();
  // Stop parsing, handing the held bytes to the caller instead of the raw view: they start a
  // stream another decoder reads.
  std::string take_held();

  bool holding() const { return state_ == State::kHold; }
  bool in_body() const;

 private:
  enum class State : std::uint8_t {
    kHead,
    kBodyLength,
    kBodyChunked,
    kBodyUntilClose,
    kHold,
    kIgnore,
    kLost,
  };
  void feed_bytes(ByteView data);
  void drop_held();                      // held bytes that will not be parsed go to on_unparsed
  std::size_t read_head(ByteView data);  // returns bytes consumed
  void head_complete();
  void end_message(bool complete);
  void lose(bool head_lost = true);
  // In kLost, responses: where a status line starts a line of `data` (npos: nowhere).
  std::size_t find_status_line(ByteView data) const;
  void release_head();
  bool starts_message(ByteView data) const;

  Direction dir_;
  std::size_t max_head_bytes_;
  HttpMessageHandler& handler_;
  State state_ = State::kHead;
  MessagePlan::After after_ = MessagePlan::After::kNext;
  std::string head_;             // head being collected (bounded)
  AppMemoryShare head_memory_;   // head_'s charge to app.memcap
  HttpHeadEnd head_end_;         // where head_ ends
  std::uint64_t remaining_ = 0;  // of a Content-Length body
  ChunkedDecoder chunked_;
  std::string held_;
  bool lost_at_line_start_ = false;  // kLost: the last byte seen was an LF
};

}  // namespace korgoo::app
