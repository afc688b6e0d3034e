// The data folder (signatures, rules) a run falls back to, and why that one:
//  1. KORGOO_DATA_DIR when set;
//  2. the source tree, for a binary inside the build folder it was built in (so the README's
//     build-and-run works without installing);
//  3. share/korgoo beside the binary's bin/ (an installed or DESTDIR layout, any prefix);
//  4. the install prefix's share/korgoo, as configured at build time.
#pragma once

#include <filesystem>
#include <string>

namespace korgoo::ops {

struct DataDir {
  std::filesystem::path path;
  std::string origin;  // for --dump-config: "KORGOO_DATA_DIR", "build tree", ...
};

DataDir default_data_dir();

}  // namespace korgoo::ops
