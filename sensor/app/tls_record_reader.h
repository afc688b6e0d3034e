// Reassembles the first handshake message of one direction of a TLS stream from its records:
// the message may span several records, and records may span TCP segments in any split.
// Memory is bounded (64 KiB of handshake); anything that is not a TLS 1.x handshake record
// before that message ends the attempt.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "common/bytes.h"

namespace korgoo::app {

class TlsFirstMessageReader {
 public:
  enum class State { kReading, kDone, kFailed };
  static constexpr std::size_t kMaxHandshakeBytes = 64 * 1024;

  // Consumes what it needs from `in`; returns how many bytes it took (the rest belongs to
  // later records, which the caller does not decode).
  std::size_t feed(ByteView in);

  State state() const { return state_; }
  std::uint8_t message_type() const { return static_cast<std::uint8_t>(message_[0]); }
  // The message body (after the 4-byte handshake header); valid in kDone.
  ByteView body() const { return as_bytes(std::string_view(message_).substr(4)); }

 private:
  bool header_complete();

  State state_ = State::kReading;
  std::array<std::uint8_t, 5> header_{};
  std::size_t header_len_ = 0;
  std::size_t record_left_ = 0;
  std::string message_;  // handshake bytes gathered so far
};

}  // namespace korgoo::app
