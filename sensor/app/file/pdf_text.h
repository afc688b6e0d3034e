// The text of a PDF held whole, page by page, with poppler's C++ API (Debian
// libpoppler-cpp-dev; issue 13): the characters a reader sees, in reading order as poppler
// lays them out (lines end with a newline). An encrypted PDF that opens only with a password
// is not decoded and says so. poppler's own error messages are silenced: a hostile file must
// not fill the sensor's stderr.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "common/bytes.h"

namespace korgoo::app {

struct PdfTextResult {
  enum class Status : std::uint8_t {
    kOk,         // every page given (or the callback stopped)
    kEncrypted,  // a password is needed: nothing decoded
    kDamaged,    // poppler could not open it
  };
  Status status = Status::kOk;
  bool encrypted = false;  // encrypted, even if it opened without a password
  int pages = 0;           // pages in the document
  int pages_read = 0;      // pages given to the callback
};

// Calls `page(utf8_text)` for each page in order; `before_page(index)` is asked first for every
// page after the first and may stop the reading (a time limit) by returning false, as may
// `page` (an output limit).
PdfTextResult pdf_text(ByteView pdf, const std::function<bool(std::string_view)>& page,
                       const std::function<bool(int)>& before_page);

}  // namespace korgoo::app
