#include "app/http/http_message_parser.h"

#include <algorithm>

#include "app/decoders.h"

namespace korgoo::app {

HttpMessageParser::HttpMessageParser(Direction dir, std::size_t max_head_bytes,
                                     HttpMessageHandler& handler, AppMemory* memory)
    : dir_(dir),
      max_head_bytes_(max_head_bytes),
      handler_(handler),
      head_memory_(memory),
      head_end_(dir) {}

bool HttpMessageParser::in_body() const {
  return state_ == State::kBodyLength || state_ == State::kBodyChunked ||
         state_ == State::kBodyUntilClose;
}

// After a loss, parsing starts again only where a segment begins with a message head: after
// a gap the next transaction usually starts a segment, and guessing inside one would read
// body bytes as heads.
bool HttpMessageParser::starts_message(ByteView data) const {
  if (dir_ == Direction::kToServer) return probe_http(dir_, data) == ProbeResult::kYes;
  const std::string_view s = as_chars(data);
  return s.size() >= 5 && s.substr(0, 5) == "HTTP/";
}

void HttpMessageParser::feed(ByteView data) {
  if (state_ == State::kLost && starts_message(data)) {
    state_ = State::kHead;
    release_head();
  }
  feed_bytes(data);
}

void HttpMessageParser::feed_bytes(ByteView data) {
  while (!data.empty()) {
    switch (state_) {
      case State::kHead:
        data = data.subspan(read_head(data));
        break;
      case State::kBodyLength: {
        const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, data.size()));
        handler_.on_body(dir_, data.first(n));
        data = data.subspan(n);
        remaining_ -= n;
        if (remaining_ == 0) end_message(true);
        break;
      }
      case State::kBodyChunked: {
        const ChunkedDecoder::Step s = chunked_.step(data);
        // A step is either framing (a size line, a trailer) or a run of chunk data.
        if (s.data.empty()) handler_.on_unparsed(dir_, data.first(s.consumed));
        data = data.subspan(s.consumed);
        if (!s.data.empty()) handler_.on_body(dir_, s.data);
        if (chunked_.done()) {
          end_message(true);
        } else if (chunked_.invalid()) {
          // Not chunked after all (libhtp reads such a body as running to the close): the
          // bad size line and all that follows are body.
          handler_.on_body(dir_, as_bytes(chunked_.invalid_line()));
          state_ = State::kBodyUntilClose;
        }
        break;
      }
      case State::kBodyUntilClose:
        handler_.on_body(dir_, data);
        return;
      case State::kHold:
        if (held_.size() + data.size() > max_head_bytes_) {
          drop_held();
          state_ = State::kIgnore;  // too much to be a tunnel's opening: give up on it
          handler_.on_unparsed(dir_, data);
          return;
        }
        held_.append(as_chars(data));
        return;
      case State::kLost:
        // A response head lost in a gap leaves its body: the next status line that starts a
        // line is the next response, in the middle of a segment too.
        if (const std::size_t at = find_status_line(data); at != std::string_view::npos) {
          handler_.on_unparsed(dir_, data.first(at));
          data = data.subspan(at);
          state_ = State::kHead;
          release_head();
          break;
        }
        lost_at_line_start_ = data.back() == '\n';
        handler_.on_unparsed(dir_, data);
        return;
      case State::kIgnore:
        handler_.on_unparsed(dir_, data);
        return;
    }
  }
}

// An emptied head buffer gives its memory back: a flood of long heads must not leave every
// flow holding the capacity of its longest one. What stays (at most one step) is not charged.
void HttpMessageParser::release_head() {
  head_.clear();
  if (head_.capacity() > AppMemoryShare::kStep) head_.shrink_to_fit();
  head_memory_.reset();
  head_end_.reset();
}

void HttpMessageParser::drop_held() {
  if (!held_.empty()) handler_.on_unparsed(dir_, as_bytes(held_));
  held_.clear();
}

std::size_t HttpMessageParser::read_head(ByteView data) {
  std::size_t i = 0;
  while (i < data.size()) {
    const char c = static_cast<char>(data[i]);
    // Blank lines between messages, and white space before a start line (browsers skip it).
    if (head_.empty() && (c == '\r' || c == '\n' || c == ' ' || c == '\t')) {
      ++i;
      continue;
    }
    const HttpHeadEnd::Step step = head_end_.feed(c, head_.size());
    if (step != HttpHeadEnd::Step::kEndedBefore) {
      head_.push_back(c);
      ++i;
    }
    if (step != HttpHeadEnd::Step::kMore) {
      // The head's bytes reach the raw view before what the head leads to (its URI view,
      // its body), however the input was split.
      handler_.on_unparsed(dir_, data.first(i));
      head_complete();
      return i;
    }
    // Too long for one head, or the worker's app.memcap is spent: the direction is read as
    // raw bytes from here on.
    if (head_.size() > max_head_bytes_ || !head_memory_.cover(head_.size())) {
      handler_.on_unparsed(dir_, data);
      lose();
      return data.size();
    }
  }
  handler_.on_unparsed(dir_, data.first(i));
  return i;
}

void HttpMessageParser::head_complete() {
  head_.resize(std::min(head_.size(), head_end_.end_line_start()));  // without the empty line
  const MessagePlan plan = handler_.on_head(dir_, head_);
  release_head();
  if (!plan.valid) {
    lose();
    return;
  }
  after_ = plan.after;
  switch (plan.framing) {
    case BodyFraming::kNone:
      end_message(true);
      break;
    case BodyFraming::kLength:
      if (plan.length == 0) {
        end_message(true);
      } else {
        remaining_ = plan.length;
        state_ = State::kBodyLength;
      }
      break;
    case BodyFraming::kChunked:
      chunked_ = ChunkedDecoder{};
      state_ = State::kBodyChunked;
      break;
    case BodyFraming::kUntilClose:
      state_ = State::kBodyUntilClose;
      break;
  }
}

void HttpMessageParser::end_message(bool complete) {
  handler_.on_message_end(dir_, complete);
  switch (after_) {
    case MessagePlan::After::kNext:
      state_ = State::kHead;
      break;
    case MessagePlan::After::kHold:
      state_ = State::kHold;
      break;
    case MessagePlan::After::kIgnore:
      state_ = State::kIgnore;
      break;
  }
  after_ = MessagePlan::After::kNext;
}

void HttpMessageParser::lose(bool head_lost) {
  release_head();
  state_ = State::kLost;
  lost_at_line_start_ = false;
  handler_.on_lost(dir_, head_lost);
}

// "HTTP/d.d ddd" at the start of a line: the shape of a status line, so that a body that
// mentions HTTP/ at a line start is not taken for one. A status line cut by the end of
// `data` waits for a segment that starts with it.
std::size_t HttpMessageParser::find_status_line(ByteView data) const {
  if (dir_ != Direction::kToClient) return std::string_view::npos;
  const std::string_view s = as_chars(data);
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (std::size_t at = lost_at_line_start_ ? 0 : s.find('\n');
       at != std::string_view::npos && at < s.size(); at = s.find('\n', at + 1)) {
    const std::size_t start = s[at] == '\n' ? at + 1 : at;
    const std::string_view l = s.substr(start);
    if (l.size() >= 12 && l.starts_with("HTTP/") && digit(l[5]) && l[6] == '.' && digit(l[7]) &&
        l[8] == ' ' && digit(l[9]) && digit(l[10]) && digit(l[11])) {
      return start;
    }
  }
  return std::string_view::npos;
}

void HttpMessageParser::gap(std::uint64_t length) {
  switch (state_) {
    case State::kHead:
      lose();
      break;
    case State::kBodyLength:
      handler_.on_body_gap(dir_);
      if (length < remaining_) {
        remaining_ -= length;
      } else if (length == remaining_) {
        end_message(true);
      } else {
        end_message(false);
        lose(false);
      }
      break;
    case State::kBodyChunked:
      handler_.on_body_gap(dir_);
      if (!chunked_.skip(length)) {
        end_message(false);
        lose(false);
      }
      break;
    case State::kBodyUntilClose:
      handler_.on_body_gap(dir_);
      break;
    case State::kHold:
      drop_held();
      state_ = State::kIgnore;
      break;
    case State::kIgnore:
    case State::kLost:
      break;
  }
}

void HttpMessageParser::end() {
  // A line end that waited for the next byte to say whether it ends the head is read without
  // one ("HTTP/1.0 200 OK\n\n" then the close).
  if (state_ == State::kHead && !head_.empty() && head_end_.ended_at_close()) head_complete();
  switch (state_) {
    case State::kHead:
      // The stream ended inside a head: the start line and fields that came were still sent
      // (a request the client gave up on, a capture cut short), so they make a message,
      // incomplete, as libhtp logs them at close.
      if (!head_.empty()) {
        const MessagePlan plan = handler_.on_head(dir_, head_);
        release_head();
        if (plan.valid) end_message(false);
      }
      break;
    case State::kBodyUntilClose:
      end_message(true);
      break;
    case State::kBodyLength:
    case State::kBodyChunked:
      end_message(false);
      break;
    default:
      break;
  }
  state_ = State::kIgnore;
}

void HttpMessageParser::release(bool as_http) {
  if (state_ != State::kHold) return;
  if (!as_http) {
    drop_held();
    state_ = State::kIgnore;
    return;
  }
  std::string held = std::move(held_);
  held_.clear();
  state_ = State::kHead;
  feed_bytes(as_bytes(held));
}

std::string HttpMessageParser::take_held() {
  std::string held = std::move(held_);
  held_.clear();
  state_ = State::kIgnore;
  return held;
}

void HttpMessageParser::ignore() {
  drop_held();
  state_ = State::kIgnore;
}

}  // namespace korgoo::app
