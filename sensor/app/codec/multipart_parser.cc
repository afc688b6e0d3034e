#include "app/codec/multipart_parser.h"

#include "app/http/http_headers.h"

namespace korgoo::app {

MultipartParser::MultipartParser(std::string boundary, std::size_t max_part_header_bytes,
                                 MultipartHandler& handler)
    : delim_("\r\n--" + boundary), max_header_bytes_(max_part_header_bytes), handler_(handler) {
  fail_.assign(delim_.size(), 0);
  for (std::size_t i = 1, k = 0; i < delim_.size(); ++i) {
    while (k > 0 && delim_[i] != delim_[k]) k = fail_[k - 1];
    if (delim_[i] == delim_[k]) ++k;
    fail_[i] = k;
  }
}

void MultipartParser::flush_run() {
  if (!run_.empty()) {
    if (state_ == State::kPartData || part_open_) {
      handler_.part_data(as_bytes(run_));
    } else {
      handler_.outside_parts(as_bytes(run_));  // the preamble
    }
    run_.clear();
  }
}

void MultipartParser::data_byte_run(const std::uint8_t* p, std::size_t n) {
  if (state_ == State::kPartData || state_ == State::kPreamble)
    run_.append(reinterpret_cast<const char*>(p), n);
}

void MultipartParser::begin_part() {
  MultipartPart part;
  const HttpHeaders h = HttpHeaders::parse(headers_);
  if (const std::string* cd = h.find("Content-Disposition")) {
    if (auto v = header_parameter(*cd, "name")) part.name = *v;
    if (auto v = header_parameter(*cd, "filename")) {
      part.filename = *v;
      part.has_filename = true;
    }
  }
  if (const std::string* ct = h.find("Content-Type")) part.content_type = *ct;
  handler_.outside_parts(as_bytes(headers_));
  headers_.clear();
  part_open_ = true;
  state_ = State::kPartData;
  handler_.part_begin(part);
}

void MultipartParser::on_delimiter() {
  if (state_ == State::kPreamble) flush_run();
  if (state_ == State::kPartData || state_ == State::kPartHeaders) {
    flush_run();
    if (state_ == State::kPartHeaders) {
      ++errors_;  // a part with no end to its headers: still report it, empty
      begin_part();
    }
    part_open_ = false;
    handler_.part_end(true);
  }
  state_ = State::kAfterDelim;
}

void MultipartParser::feed(ByteView in) {
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = static_cast<char>(in[i]);
    switch (state_) {
      case State::kPreamble:
      case State::kPartData: {
        if (delim_pending_) {
          delim_pending_ = false;
          if (c == '-' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            on_delimiter();
            --i;  // the byte belongs to what follows the delimiter
            break;
          }
          // Data after all. Its tail may start another delimiter (it ends in the boundary,
          // which cannot begin with CRLF), so only the matching restarts.
          data_byte_run(reinterpret_cast<const std::uint8_t*>(delim_.data()), delim_.size());
        }
        // KMP match of the delimiter; bytes that stop matching are data (or preamble).
        while (matched_ > 0 && c != delim_[matched_]) {
          const std::size_t keep = fail_[matched_ - 1];
          data_byte_run(reinterpret_cast<const std::uint8_t*>(delim_.data()), matched_ - keep);
          matched_ = keep;
        }
        if (c == delim_[matched_]) {
          if (++matched_ == delim_.size()) {
            matched_ = 0;
            delim_pending_ = true;
          }
        } else {
          data_byte_run(&in[i], 1);
        }
        break;
      }
      case State::kAfterDelim:
        if (c == '-') {
          state_ = State::kAfterDash;
        } else if (c == '\n') {
          state_ = State::kPartHeaders;
        }  // transport padding and CR are skipped
        break;
      case State::kAfterDash:
        state_ = c == '-' ? State::kEpilogue : State::kAfterDelim;
        break;
      case State::kPartHeaders:
        headers_.push_back(c);
        if (c == '\n' && (headers_ == "\n" || headers_ == "\r\n" || headers_.ends_with("\n\n") ||
                          headers_.ends_with("\n\r\n"))) {
          begin_part();
        } else if (headers_.size() > max_header_bytes_) {
          ++errors_;
          headers_.clear();
          begin_part();
        }
        break;
      case State::kEpilogue:
        flush_run();
        handler_.outside_parts(in.subspan(i));
        return;
    }
  }
  flush_run();
}

void MultipartParser::finish() {
  if (delim_pending_) {  // a delimiter at the very end: the part did close
    delim_pending_ = false;
    on_delimiter();
  }
  if (state_ == State::kPartData || state_ == State::kPreamble) {
    // Held-back bytes were data after all: the delimiter never came.
    data_byte_run(reinterpret_cast<const std::uint8_t*>(delim_.data()), matched_);
    matched_ = 0;
    flush_run();
  }
  if (part_open_) {
    part_open_ = false;
    handler_.part_end(false);
  }
  state_ = State::kEpilogue;
}

}  // namespace korgoo::app
