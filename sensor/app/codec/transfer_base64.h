// Streaming base64 decoder (RFC 2045 Content-Transfer-Encoding: base64). Input may be split
// anywhere, a quartet included; whitespace and characters outside the alphabet are skipped as
// RFC 2045 says; decoding stops at padding and resumes at the next quartet (concatenated
// encodings happen in real mail).
#pragma once

#include <cstdint>
#include <string>

#include "common/bytes.h"

namespace korgoo::app {

class Base64Decoder {
 public:
  // Appends the decoded bytes of `in` to `out`.
  void decode(ByteView in, std::string& out);
  // End of input: a dangling partial quartet yields what whole bytes it holds.
  void finish(std::string& out);
  std::uint64_t skipped_bytes() const { return skipped_; }

 private:
  std::uint32_t bits_ = 0;
  int count_ = 0;  // sextets held in bits_ (0..3)
  std::uint64_t skipped_ = 0;
};

}  // namespace korgoo::app
