// `korgoo scan`: a file at rest through the layers the network path decodes (app::FileDecoder)
// and the same signatures and validators as on the wire.
#pragma once

#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "app/file/file_magic.h"
#include "app/protocol_decoder.h"
#include "detect/detect_engine.h"
#include "detect/scratch.h"
#include "detect/tally.h"

namespace korgoo::engine {

struct FileScan {
  detect::Tally tally;
  std::vector<std::string> decoders;  // the layers that ran, outermost first
  std::vector<std::string> problems;  // what could not be decoded (said, never dropped)
  bool encrypted = false;             // a password-protected archive member or PDF was seen
  std::string magic;                  // libmagic's MIME type of the file ("" without `magic`)
};

// `limits`: app.max_file_output_bytes and the archive limits (bombs) of the configuration.
// `magic`: the caller's libmagic handle, to name the file's type (nullptr: not named).
FileScan scan_file(const detect::DetectEngine& engine, std::istream& in, std::string_view file_name,
                   detect::Scratch& scratch, const app::AppLimits& limits = app::AppLimits{},
                   app::FileMagic* magic = nullptr);

}  // namespace korgoo::engine
