// Writes EVE records, one JSON object per line, to a file or to a stream the caller owns.
// Serialisation is nlohmann::json's (escaping included); this class only frames and counts.
#pragma once

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "common/json.h"

namespace korgoo::output {

class EveWriter {
 public:
  // Opens (truncating) `path`; throws std::runtime_error naming it when that fails.
  explicit EveWriter(const std::filesystem::path& path);
  // Writes to an already-open stream (stdout), not owned.
  explicit EveWriter(std::FILE* stream);
  ~EveWriter();
  EveWriter(const EveWriter&) = delete;
  EveWriter& operator=(const EveWriter&) = delete;

  void write(const Json& record);
  void flush();
  // logrotate: closes the file and opens `path` again (appending), so that a renamed file is
  // left complete and a new one starts. On failure the old file stays open and the reason is
  // returned; a writer on a caller's stream has nothing to reopen ("").
  std::string reopen();

  std::uint64_t records() const { return records_; }
  // Records written by event_type, for the closing summary.
  const std::map<std::string, std::uint64_t>& by_type() const { return by_type_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::FILE* file_ = nullptr;
  bool owned_ = false;
  std::filesystem::path path_;
  std::uint64_t records_ = 0;
  std::map<std::string, std::uint64_t> by_type_;
  std::string line_;  // reused buffer
};

}  // namespace korgoo::output
