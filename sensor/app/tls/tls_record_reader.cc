#include "app/tls/tls_record_reader.h"

#include <algorithm>

namespace korgoo::app {

namespace {

constexpr std::uint8_t kContentHandshake = 22;
// RFC 8446 5.2: a record carries at most 2^14 bytes plus expansion.
constexpr std::size_t kMaxRecordPayload = (1u << 14) + 2048;

}  // namespace

bool TlsFirstMessageReader::header_complete() {
  const std::uint8_t type = header_[0];
  const std::uint8_t major = header_[1];
  const std::size_t length = load_be16(header_.data() + 3);
  if (type != kContentHandshake || major != 3 || length == 0 || length > kMaxRecordPayload) {
    state_ = State::kFailed;
    return false;
  }
  record_left_ = length;
  return true;
}

std::size_t TlsFirstMessageReader::feed(ByteView in) {
  std::size_t used = 0;
  while (used < in.size() && state_ == State::kReading) {
    if (header_len_ < header_.size()) {
      header_[header_len_++] = in[used++];
      if (header_len_ == header_.size() && !header_complete()) break;
      continue;
    }
    const std::size_t take = std::min(record_left_, in.size() - used);
    message_.append(reinterpret_cast<const char*>(in.data() + used), take);
    used += take;
    if (!memory_.cover_buffer(message_)) {
      memory_.release_buffer(message_);
      refused_ = true;
      state_ = State::kFailed;
      break;
    }
    record_left_ -= take;
    if (record_left_ == 0) header_len_ = 0;  // next record
    if (message_.size() >= 4) {
      const auto* m = reinterpret_cast<const std::uint8_t*>(message_.data());
      const std::size_t length = (std::size_t{m[1]} << 16) | (std::size_t{m[2]} << 8) | m[3];
      if (length + 4 > kMaxHandshakeBytes) {
        memory_.release_buffer(message_);
        state_ = State::kFailed;
        break;
      }
      if (message_.size() >= length + 4) {
        message_.resize(length + 4);  // later messages of the flight are not needed
        state_ = State::kDone;
      }
    }
  }
  return used;
}

}  // namespace korgoo::app
