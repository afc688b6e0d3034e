// Reassembles the first handshake message of one direction of a TLS stream from its records:
// the message may span several records, and records may span TCP segments in any split.
// Memory is bounded (64 KiB of handshake); anything that is not a TLS 1.x handshake record
// before that message ends the attempt. The gathered bytes are charged to the worker's
// app.memcap; a refusal also ends it (refused(): the bytes are still scanned raw).
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "app/app_memory.h"
#include "common/bytes.h"

namespace korgoo::app {

class TlsFirstMessageReader {
 public:
  enum class State { kReading, kDone, kFailed };
  static constexpr std::size_t kMaxHandshakeBytes = 64 * 1024;

  explicit TlsFirstMessageReader(AppMemory* memory = nullptr) : memory_(memory) {}

  // Consumes what it needs from `in`; returns how many bytes it took (the rest belongs to
  // later records, which the caller does not decode).
  std::size_t feed(ByteView in);

  State state() const { return state_; }
  bool refused() const { return refused_; }  // kFailed because app.memcap refused
  std::uint8_t message_type() const { return static_cast<std::uint8_t>(message_[0]); }
  // The message body (after the 4-byte handshake header); valid in kDone.
  ByteView body() const { return as_bytes(std::string_view(message_).substr(4)); }
  // Once the message was read: gives its bytes and their charge back.
  void release() { memory_.release_buffer(message_); }

 private:
  bool header_complete();

  State state_ = State::kReading;
  std::array<std::uint8_t, 5> header_{};
  std::size_t header_len_ = 0;
  std::size_t record_left_ = 0;
  std::string message_;    // handshake bytes gathered so far
  AppMemoryShare memory_;  // message_'s charge to app.memcap
  bool refused_ = false;
};

}  // namespace korgoo::app
