// Streaming quoted-printable decoder (RFC 2045): `=XX` escapes and `=` soft line breaks,
// either of which may be split across calls. Lenient like mail clients: an `=` not followed
// by hex digits or a line break is kept as it is.
#pragma once

#include <string>

#include "common/bytes.h"

namespace korgoo::app {

class QuotedPrintableDecoder {
 public:
  void decode(ByteView in, std::string& out);
  // End of input: a dangling `=X` is emitted literally; a lone `=` is a final soft break.
  void finish(std::string& out);

 private:
  enum class State { kText, kEquals, kHex1, kSoftCr };
  State state_ = State::kText;
  char first_hex_ = 0;
};

}  // namespace korgoo::app
