#include "app/mime/mime_parser.h"

#include "app/codec/mime_header_text.h"
#include "app/transfer_text.h"

namespace korgoo::app {

namespace {

// Lines longer than this reach the parser in pieces; no boundary or header keyword is that
// long, so only body text is ever split.
constexpr std::size_t kMaxLine = 8192;

// "To: a <a@x>, \"B, b\" <b@y>" -> {"a <a@x>", "\"B, b\" <b@y>"}: commas inside quotes or
// angle brackets do not separate addresses.
std::vector<std::string> split_addresses(std::string_view value) {
  std::vector<std::string> out;
  bool quoted = false;
  int angle = 0;
  std::size_t start = 0;
  auto push = [&](std::size_t end) {
    const std::string_view item = trim(value.substr(start, end - start));
    if (!item.empty()) out.emplace_back(item);
  };
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == '<') {
      ++angle;
    } else if (!quoted && c == '>' && angle > 0) {
      --angle;
    } else if (!quoted && angle == 0 && c == ',') {
      push(i);
      start = i + 1;
    }
  }
  push(value.size());
  return out;
}

// "Name: value" -> name (lowercase) and value (trimmed); false when there is no colon.
bool split_header(std::string_view line, std::string& name, std::string_view& value) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return false;
  name = ascii_lowercase(trim(line.substr(0, colon)));
  value = trim(line.substr(colon + 1));
  return true;
}

}  // namespace

MimeParser::MimeParser(MimeEvents& events, std::uint32_t max_depth, std::size_t max_header_bytes,
                       AppMemory* memory)
    : events_(events),
      max_depth_(max_depth),
      max_header_bytes_(max_header_bytes),
      lines_(kMaxLine, memory),
      header_memory_(memory) {}

void MimeParser::feed(ByteView bytes) {
  while (!bytes.empty()) {
    if (state_ == State::kRaw) {
      events_.on_undecoded(as_chars(bytes));
      return;
    }
    const std::size_t n = lines_.feed(bytes);
    bytes = bytes.subspan(n);
    if (lines_.refused()) {
      give_up(lines_.text(), false);
      lines_.next();
    } else if (lines_.ready()) {
      on_line(lines_.text(), lines_.starts_line(), lines_.ends_line());
      lines_.next();
    }
  }
}

// app.memcap refused a buffer: what the parser holds (header lines gathered so far, the
// current line) and everything after it are handed out undecoded, so detection still sees
// every byte; the part being decoded ends truncated.
void MimeParser::give_up(std::string_view pending, bool ends) {
  for (const std::string& line : headers_) {
    events_.on_undecoded(line);
    events_.on_undecoded("\r\n");
  }
  release_headers();
  if (state_ == State::kBody) end_part(false);
  undecoded_line(pending, ends);
  state_ = State::kRaw;
}

void MimeParser::release_headers() {
  headers_ = {};  // gives the vector's storage back, not only its strings
  header_bytes_ = 0;
  header_memory_.reset();
}

void MimeParser::finish(bool complete) {
  if (state_ == State::kRaw) return;
  if (lines_.flush()) {
    on_line(lines_.text(), lines_.starts_line(), false);
    lines_.next();
  }
  if (state_ == State::kHeaders && (!headers_.empty() || top_level_)) {
    // A message (or part) that ends inside its headers still has them reported; its empty
    // body is a part of its own so that a named attachment is still listed.
    end_headers();
  }
  // An unterminated multipart body is a truncated message even if the transport ended well.
  if (state_ == State::kBody) end_part(complete && levels_.empty());
  state_ = State::kSkip;
}

void MimeParser::on_line(std::string_view text, bool starts, bool ends) {
  if (starts && ends && try_boundary(text)) return;
  switch (state_) {
    case State::kHeaders:
      if (starts && ends && text.empty()) {
        end_headers();
      } else {
        header_line(text, starts);
      }
      break;
    case State::kBody:
      if (pending_newline_) {
        body_bytes("\r\n");
        pending_newline_ = false;
      }
      body_bytes(text);
      pending_newline_ = ends;
      break;
    case State::kSkip:
    case State::kRaw:
      undecoded_line(text, ends);
      break;
  }
}

void MimeParser::undecoded_line(std::string_view text, bool ends) {
  if (!text.empty()) events_.on_undecoded(text);
  if (ends) events_.on_undecoded("\r\n");
}

bool MimeParser::try_boundary(std::string_view text) {
  if (levels_.empty() || text.size() < 3 || text[0] != '-' || text[1] != '-') return false;
  // Transport padding (trailing whitespace) is allowed after a boundary (RFC 2046 5.1.1).
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  for (std::size_t k = levels_.size(); k-- > 0;) {
    const std::string& delim = levels_[k].delimiter;
    if (delim.empty() || text.size() < delim.size() || text.substr(0, delim.size()) != delim) {
      continue;
    }
    const std::string_view rest = text.substr(delim.size());
    const bool closing = rest == "--";
    if (!rest.empty() && !closing) continue;
    if (state_ == State::kBody) end_part(true);
    if (state_ == State::kHeaders && !headers_.empty()) ++anomalies_;  // part without body
    levels_.resize(k + 1);  // inner levels end with an outer boundary
    release_headers();
    if (closing) {
      levels_.pop_back();
      state_ = State::kSkip;  // epilogue
    } else {
      state_ = State::kHeaders;
    }
    return true;
  }
  return false;
}

void MimeParser::header_line(std::string_view text, bool starts) {
  if (header_bytes_ + text.size() > max_header_bytes_) {
    ++anomalies_;
    undecoded_line(text, true);
    return;
  }
  // Charged with each line's own overhead, so that many short lines cost what they take.
  if (!header_memory_.cover(header_bytes_ + text.size() +
                            (headers_.size() + 1) * sizeof(std::string))) {
    give_up(text, true);
    return;
  }
  header_bytes_ += text.size();
  const bool folded = starts && !text.empty() && (text[0] == ' ' || text[0] == '\t');
  if ((folded || !starts) && !headers_.empty()) {
    headers_.back().append(text);  // unfolding removes only the line break (RFC 5322 2.2.3)
  } else {
    headers_.emplace_back(text);
  }
}

void MimeParser::end_headers() {
  std::string text;
  std::string content_type_value;
  std::string disposition_value;
  std::string encoding;
  MimeMessageHeaders message;
  for (const std::string& line : headers_) {
    std::string name;
    std::string_view value;
    const std::string decoded = decode_encoded_words(line);
    text += decoded;
    text += "\r\n";
    if (!split_header(line, name, value)) continue;
    if (name == "content-type") {
      content_type_value = value;
    } else if (name == "content-disposition") {
      disposition_value = value;
    } else if (name == "content-transfer-encoding") {
      encoding = ascii_lowercase(value);
    } else if (top_level_) {
      const std::string decoded_value = decode_encoded_words(value);
      if (name == "from") {
        if (!message.from) message.from = decoded_value;
      } else if (name == "to") {
        for (auto& a : split_addresses(decoded_value)) message.to.push_back(std::move(a));
      } else if (name == "cc") {
        for (auto& a : split_addresses(decoded_value)) message.cc.push_back(std::move(a));
      } else if (name == "subject") {
        if (!message.subject) message.subject = decoded_value;
      }
    }
  }
  release_headers();
  if (!text.empty()) events_.on_mime_headers(text);
  if (top_level_) {
    events_.on_message_headers(message);
    top_level_ = false;
  }

  const std::string type = header_main_value(content_type_value);
  const auto type_params = header_params(content_type_value);
  const bool room = levels_.size() < max_depth_;
  if (type.starts_with("multipart/") && room) {
    const auto boundary = find_param(type_params, "boundary");
    if (boundary && !boundary->empty() && boundary->size() <= 200) {
      levels_.push_back({"--" + *boundary});
      state_ = State::kSkip;  // preamble
      return;
    }
    ++anomalies_;  // multipart without a usable boundary: its body is scanned as one part
  }
  if (type == "message/rfc822" && room) {
    levels_.push_back({""});  // the encapsulated message's headers follow at once
    state_ = State::kHeaders;
    return;
  }
  if (!room && (type.starts_with("multipart/") || type == "message/rfc822")) ++anomalies_;

  std::optional<std::string> name = find_param(header_params(disposition_value), "filename");
  if (!name || name->empty()) name = find_param(type_params, "name");
  std::string filename = name ? decode_encoded_words(*name) : std::string();
  filename = truncate_utf8(to_valid_utf8(filename), kMaxAttachmentNameBytes);
  start_leaf(type, std::move(filename), encoding);
}

void MimeParser::start_leaf(std::string content_type, std::string filename,
                            std::string_view encoding) {
  part_ = MimePartInfo{std::move(content_type), std::move(filename),
                       static_cast<std::uint32_t>(levels_.size())};
  if (encoding == "base64") {
    encoding_ = Encoding::kBase64;
  } else if (encoding == "quoted-printable") {
    encoding_ = Encoding::kQuotedPrintable;
  } else {
    encoding_ = Encoding::kIdentity;
  }
  base64_ = Base64Decoder{};
  qp_ = QuotedPrintableDecoder{};
  pending_newline_ = false;
  part_size_ = 0;
  ++parts_;
  state_ = State::kBody;
  events_.on_part_begin(part_);
}

bool MimeParser::looks_like_base64(std::string_view line) {
  for (const char c : line) {
    const bool alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                          (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
    if (!alphabet && c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

void MimeParser::body_bytes(std::string_view bytes) {
  if (bytes.empty()) return;
  std::string_view out = bytes;
  if (encoding_ != Encoding::kIdentity) {
    scratch_.clear();
    if (encoding_ == Encoding::kBase64) {
      // Text sent under a base64 label would decode to noise: scan such a line as it is.
      if (!looks_like_base64(bytes)) events_.on_undecoded(bytes);
      base64_.decode(as_bytes(bytes), scratch_);
    } else {
      qp_.decode(as_bytes(bytes), scratch_);
    }
    out = scratch_;
  }
  if (out.empty()) return;
  part_size_ += out.size();
  events_.on_part_data(out);
}

void MimeParser::end_part(bool complete) {
  scratch_.clear();
  if (encoding_ == Encoding::kBase64) base64_.finish(scratch_);
  if (encoding_ == Encoding::kQuotedPrintable) qp_.finish(scratch_);
  if (!scratch_.empty()) {
    part_size_ += scratch_.size();
    events_.on_part_data(scratch_);
  }
  pending_newline_ = false;
  state_ = State::kSkip;
  events_.on_part_end(part_, part_size_, complete);
}

}  // namespace korgoo::app
