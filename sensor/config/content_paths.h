// Where signatures and rules are found (docs/operations.md, "Search rules"):
//  1. an absolute path in the configuration is used as written;
//  2. a relative path is looked up beside the configuration file, and when nothing is there,
//     in the data folder (KORGOO_DATA_DIR, else the installed share/korgoo, else the source
//     tree for a binary run from its build folder);
//  3. then every *.yaml of KIND.d/ beside the configuration file (signatures.d, rules.d) is
//     added; one named like a shipped file replaces it, and an empty one removes it.
// So /etc/korgoo/korgoo.yaml says `signatures: [signatures]`, the files come from
// /usr/share/korgoo/signatures, and the admin's changes live in /etc/korgoo/signatures.d.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace korgoo::config {

std::vector<std::filesystem::path> resolve_content(const std::vector<std::string>& configured,
                                                   const std::filesystem::path& config_dir,
                                                   const std::filesystem::path& data_dir,
                                                   const std::string& kind);

}  // namespace korgoo::config
