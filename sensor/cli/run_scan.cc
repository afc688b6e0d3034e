#include "cli/run_scan.h"

#include <fstream>
#include <iostream>

#include "detect/text_masker.h"
#include "engine/file_scan.h"
#include "output/pii_record.h"

namespace korgoo::cli {

int run_scan(const engine::Runtime& rt, const std::vector<std::string>& files) {
  int rc = 0;
  auto scratch = rt.detect->make_scratch();
  detect::TextMasker masker(*rt.detect, rt.config.output.metadata);
  app::FileMagic magic;  // one libmagic database for the whole run
  for (const auto& name : files) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (name != "-") {
      file.open(name, std::ios::binary);
      if (!file) {
        std::cerr << "korgoo: " << masker.mask(name) << ": cannot open\n";
        rc = 1;
        continue;
      }
      in = &file;
    }
    // The same tally shape as EVE's `pii`: counts, distinct counts and masked samples only;
    // `decoders` are the layers undone before scanning (gzip, utf16le, mime, base64, ...).
    const engine::FileScan scan =
        engine::scan_file(*rt.detect, *in, name, *scratch, rt.config.app, &magic);
    Json line = Json::object();
    line["file"] = masker.mask(name);  // a file name can be personal data too
    line["decoders"] = scan.decoders;
    if (!scan.magic.empty()) line["magic"] = scan.magic;  // what libmagic says the file is
    line["pii"] = output::pii_object(scan.tally);
    if (scan.encrypted) line["encrypted"] = true;  // an encrypted export is a signal of its own
    if (!scan.problems.empty()) {
      line["problems"] = scan.problems;
      for (const auto& p : scan.problems)
        std::cerr << "korgoo: " << masker.mask(name) << ": " << p << "\n";
      rc = 1;
    }
    std::cout << line.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
  }
  return rc;
}

}  // namespace korgoo::cli
