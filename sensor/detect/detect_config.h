// Configuration of the detect stage. The engine builds it from config/korgoo.yaml; tests and
// `korgoo scan` build it directly.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace korgoo::detect {

struct DetectConfig {
  // Files or directories; a directory contributes every *.yaml / *.yml in it, sorted by name.
  std::vector<std::filesystem::path> signature_paths;
  // Masked samples kept per flow, direction and type.
  std::size_t max_samples = 3;
  // 128-bit key of the keyed hash that makes `distinct` (32 hex digits). Unset: random per
  // run, so hashes cannot be compared across runs or reversed by brute force offline.
  std::optional<std::string> hash_key;
  // Bytes searched for context words on each side of a value, unless a signature sets its own.
  std::size_t context_window = 64;
  // The "today" (31 December of this year) that dates in values are checked against when a
  // scan has no packet time (Scratch::set_time). Unset: the host's UTC date when the engine
  // is created. Packet time always wins, so a replay is deterministic.
  std::optional<int> current_year;
  // Compile the signatures into the faster equivalent database (pattern_database.h). Off: one
  // stream pattern per pattern as written; the tests compare the two, results must agree.
  bool rewrite_patterns = true;
};

}  // namespace korgoo::detect
