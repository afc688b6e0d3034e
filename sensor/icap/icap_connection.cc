#include "icap/icap_connection.h"

#include "app/http/http_headers.h"
#include "icap/icap_responses.h"

namespace korgoo::icap {

IcapConnection::IcapConnection(const IcapConfig& config, std::string_view istag,
                               IcapInspector& inspector, IcapCounters& counters)
    : config_(config), istag_(istag), inspector_(inspector), counters_(counters) {}

bool IcapConnection::feed(std::string_view in, std::string& out, Clock::time_point now) {
  if (state_ == State::kClosed) return false;
  in_.append(in);
  bool keep = true, progressed = true;
  while (keep && progressed) {
    progressed = false;
    if (!started_ && consumed_ < in_.size()) started_ = true, started_at_ = now;
    keep = step(out, progressed);
  }
  in_.erase(0, consumed_);
  scanned_ -= std::min(scanned_, consumed_);
  consumed_ = 0;
  if (!keep) state_ = State::kClosed;
  return keep;
}

bool IcapConnection::step(std::string& out, bool& progressed) {
  switch (state_) {
    case State::kHead:
      return read_head(out, progressed);
    case State::kHttpHeads:
      if (!read_http_heads(out, progressed)) return false;
      if (progressed && state_ == State::kHead) return answer(out);  // null-body
      return true;
    case State::kBody:
      if (!read_body(out, progressed)) return false;
      if (progressed && state_ == State::kHead) return answer(out);
      return true;
    case State::kClosed:
      return false;
  }
  return false;
}

bool IcapConnection::fail(int status, std::string_view why, std::string& out) {
  out += error_response(status, why, istag_);
  return false;
}

bool IcapConnection::read_head(std::string& out, bool& progressed) {
  // Blank lines between requests are tolerated, as HTTP servers do.
  while (consumed_ < in_.size() && (in_[consumed_] == '\r' || in_[consumed_] == '\n')) {
    ++consumed_;
    scanned_ = std::max(scanned_, consumed_);
  }
  if (consumed_ == in_.size()) {
    started_ = false;  // nothing of a request yet: the budget starts with its first byte
    return true;
  }
  const auto from = scanned_ > consumed_ + 3 ? scanned_ - 3 : consumed_;
  const auto end = in_.find("\r\n\r\n", from);
  if (end == std::string::npos) {
    scanned_ = in_.size();
    if (in_.size() - consumed_ > config_.max_header_bytes) {
      ++counters_.header_too_large;
      return fail(400, "ICAP head larger than max_header_bytes", out);
    }
    return true;
  }
  progressed = true;
  const std::string_view head(in_.data() + consumed_, end - consumed_);
  consumed_ = end + 4;
  scanned_ = consumed_;
  req_ = IcapRequest{};
  if (const auto err = parse_icap_head(head, req_)) {
    ++counters_.malformed;
    return fail(err->status, err->reason, out);
  }
  if (req_.service != config_.service) {
    ++counters_.unknown_service;
    return fail(404, "no such ICAP service", out);
  }
  if (req_.method == IcapMethod::kOptions) {
    ++counters_.options;
    if (req_.encapsulated.opt_body) {
      ++counters_.malformed;
      return fail(400, "OPTIONS with a body is not supported", out);
    }
    out += options_response(config_, istag_);
    next_request();
    return !req_.close;
  }
  ++(req_.method == IcapMethod::kReqmod ? counters_.reqmod : counters_.respmod);
  if (req_.encapsulated.heads_length() > config_.max_header_bytes) {
    ++counters_.header_too_large;
    return fail(413, "encapsulated HTTP heads larger than max_header_bytes", out);
  }
  state_ = State::kHttpHeads;
  return true;
}

bool IcapConnection::read_http_heads(std::string& out, bool& progressed) {
  const auto need = static_cast<std::size_t>(req_.encapsulated.heads_length());
  if (in_.size() - consumed_ < need) return true;
  progressed = true;
  heads_.assign(in_, consumed_, need);
  consumed_ += need;
  const auto& e = req_.encapsulated;
  const std::string_view heads = heads_;
  if ((e.req_hdr && *e.req_hdr > need) || (e.res_hdr && *e.res_hdr > need)) {
    ++counters_.malformed;
    return fail(400, "Encapsulated offsets beyond the heads", out);
  }
  request_head_ = response_head_ = {};
  if (e.req_hdr)
    request_head_ = heads.substr(*e.req_hdr, (e.res_hdr ? *e.res_hdr : need) - *e.req_hdr);
  if (e.res_hdr) response_head_ = heads.substr(*e.res_hdr);
  // Each head must be a whole HTTP head: a start line and the blank line that ends it.
  for (const auto head : {request_head_, response_head_}) {
    if (head.empty()) continue;
    const auto eol = head.find('\n');
    const bool ok = head.size() >= 4 && head.substr(head.size() - 4) == "\r\n\r\n" &&
                    eol != std::string_view::npos;
    if (!ok || (head == request_head_ && !app::parse_request_line(head.substr(0, eol))) ||
        (head == response_head_ && !app::parse_status_line(head.substr(0, eol)))) {
      ++counters_.malformed;
      return fail(400, "encapsulated HTTP head is malformed", out);
    }
  }
  body_.clear();
  truncated_ = false;
  if (!e.has_body()) {
    state_ = State::kHead;
    return true;
  }
  in_preview_ = req_.preview.has_value();
  if (in_preview_) ++counters_.previews;
  chunks_.reset();
  state_ = State::kBody;
  return true;
}

bool IcapConnection::read_body(std::string& out, bool& progressed) {
  if (consumed_ == in_.size()) return true;
  std::size_t used = 0;
  const auto result =
      chunks_.feed(std::string_view(in_).substr(consumed_), used, [this](std::string_view d) {
        counters_.body_bytes += d.size();
        const auto room = config_.max_buffered_body -
                          std::min<std::uint64_t>(config_.max_buffered_body, body_.size());
        if (d.size() > room) {
          if (!truncated_) ++counters_.body_truncated;
          truncated_ = true;
        }
        body_.append(
            d.substr(0, static_cast<std::size_t>(std::min<std::uint64_t>(room, d.size()))));
      });
  consumed_ += used;
  if (used > 0) progressed = true;
  if (result == IcapChunkReader::Result::kError) {
    ++counters_.malformed;
    return fail(400, chunks_.error(), out);
  }
  if (result == IcapChunkReader::Result::kMore) return true;
  progressed = true;
  if (in_preview_ && !chunks_.ieof()) {
    if (req_.preview && chunks_.body_bytes() > *req_.preview) {
      ++counters_.malformed;
      return fail(400, "preview longer than announced", out);
    }
    // The rest of the body follows in the same chunked form.
    out += continue_response();
    ++counters_.continues;
    in_preview_ = false;
    chunks_.reset();
    return true;
  }
  if (in_preview_) ++counters_.preview_ieof;
  state_ = State::kHead;
  return true;
}

bool IcapConnection::answer(std::string& out) {
  const IcapExchange x{req_, request_head_, response_head_, body_, truncated_};
  const auto verdict = inspector_.inspect(x);
  // Inspection is not interrupted: a request it made late is answered, and counted.
  if (Clock::now() - started_at_ > std::chrono::milliseconds(config_.time_budget_ms))
    ++counters_.over_budget;
  if (verdict.kind == IcapVerdict::Kind::kBlock) {
    ++counters_.blocked;
    out += replacement_response(verdict.http_response, istag_);
  } else if (may_send_204()) {
    ++counters_.no_content;
    out += no_content_response(istag_);
  } else if (truncated_) {
    ++counters_.malformed;
    return fail(500, "body larger than max_buffered_body and 204 not allowed", out);
  } else {
    ++counters_.echoed;
    out += echo_response(req_.method, request_head_, response_head_, body_,
                         req_.encapsulated.has_body(), istag_);
  }
  next_request();
  return !req_.close;
}

void IcapConnection::next_request() {
  state_ = State::kHead;
  started_ = false;
  in_preview_ = false;
  body_.clear();
  body_.shrink_to_fit();  // an idle connection does not keep a large body's buffer
}

bool IcapConnection::check_budget(Clock::time_point now, std::string& out) {
  if (state_ == State::kClosed) return false;
  if (!started_ || !mid_request() ||
      now - started_at_ <= std::chrono::milliseconds(config_.time_budget_ms))
    return true;
  ++counters_.over_budget;
  const bool head_read = state_ != State::kHead;
  state_ = State::kClosed;
  if (!head_read) {
    out += error_response(408, "request not complete within time_budget_ms", istag_);
  } else if (!config_.fail_open) {
    ++counters_.blocked;
    out += replacement_response(inspector_.budget_block_page(req_), istag_);
  } else if (may_send_204()) {
    ++counters_.no_content;
    out += no_content_response(istag_);
  } else {
    // Fail open without 204: an error, which Squid with bypass=on answers by forwarding.
    out += error_response(500, "request not complete within time_budget_ms", istag_);
  }
  return false;
}

}  // namespace korgoo::icap
