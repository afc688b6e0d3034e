#include "app/http/http_head_end.h"

namespace korgoo::app {

void HttpHeadEnd::start_line(std::size_t at) {
  line_start_ = at;
  line_len_ = 0;
  first_ = 0;
}

HttpHeadEnd::Step HttpHeadEnd::fresh(char c) {
  if (++line_len_ == 1) first_ = c;
  if (c == '\r') {
    pending_ = Pending::kCr;
  } else if (c == '\n') {
    pending_ = Pending::kLf;
  } else {
    after_lf_cr_ = false;
  }
  return Step::kMore;
}

HttpHeadEnd::Step HttpHeadEnd::feed_request(char c, std::size_t at) {
  ++line_len_;
  if (line_len_ == 1) first_ = c;
  if (c != '\n') return Step::kMore;
  if (line_len_ == 1 || (line_len_ == 2 && first_ == '\r')) {
    end_line_start_ = line_start_;
    return Step::kEnded;
  }
  start_line(at + 1);
  return Step::kMore;
}

HttpHeadEnd::Step HttpHeadEnd::feed(char c, std::size_t at) {
  if (!response_) return feed_request(c, at);
  switch (pending_) {
    case Pending::kNone:
      return fresh(c);
    case Pending::kCr:
      if (c == '\r') return fresh(c);  // CR CR: the first one is inside the line
      pending_ = Pending::kNone;
      if (c == '\n') {
        fresh(c);
        pending_ = Pending::kNone;
        const bool empty = line_len_ == 2 && first_ == '\r';
        if (empty && after_lf_cr_) {
          // LF CR, then CR LF: the head ends; a CR LF right after belongs to it too.
          end_line_start_ = line_start_;
          pending_ = Pending::kTail;
          return Step::kMore;
        }
        after_lf_cr_ = false;
        if (empty) {
          end_line_start_ = line_start_;
          return Step::kEnded;
        }
        start_line(at + 1);
        return Step::kMore;
      }
      // A bare CR ends its line, unless the line is only that CR.
      after_lf_cr_ = false;
      if (line_len_ >= 2) start_line(at);
      return fresh(c);
    case Pending::kLf:
      pending_ = Pending::kNone;
      if (c == '\r') {
        // LF CR is one line end; such a line is never the empty one.
        after_lf_cr_ = true;
        start_line(at + 1);
        return Step::kMore;
      }
      after_lf_cr_ = false;
      if (line_len_ == 1 || (line_len_ == 2 && (first_ == ' ' || first_ == '\t') && c != '\n')) {
        end_line_start_ = line_start_;
        return Step::kEndedBefore;
      }
      start_line(at);
      return fresh(c);
    case Pending::kTail:
      if (c != '\r') return Step::kEndedBefore;
      pending_ = Pending::kTailCr;
      return Step::kMore;
    case Pending::kTailCr:
      return c == '\n' ? Step::kEnded : Step::kEndedBefore;
  }
  return Step::kMore;
}

bool HttpHeadEnd::ended_at_close() {
  if (pending_ == Pending::kTail || pending_ == Pending::kTailCr) return true;
  if (pending_ == Pending::kLf && line_len_ == 1) {
    end_line_start_ = line_start_;
    return true;
  }
  return false;
}

}  // namespace korgoo::app
