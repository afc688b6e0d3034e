// The EVE file: the first RecordOutput. Writes EVE records, one JSON object per line, to a file
// or to a stream the caller owns.
// Serialisation is nlohmann::json's (escaping included); this class frames, buffers and counts.
//
// The file is opened for append (a restart never erases earlier records) and created with
// the configured permissions. Records are buffered and written whole: at the latest
// `flush_interval` of wall time after they were made (0 = every record), at flush() and at
// close. A write that fails (full disk, I/O error) is cut back to the last whole record; the
// records it could not write are counted as lost, the first failure is logged, and the next
// flush tries again, so writing resumes when space returns.
//
// Thread-safe: the ICAP service's event loops (and, alongside them, the packet path) append
// to one file. A record is serialised by the calling thread and appended whole under a
// mutex, so lines never interleave.
#pragma once

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "common/json.h"
#include "output/record_output.h"

namespace korgoo::output {

struct EveFileOptions {
  unsigned mode = 0640;                            // permissions when the file is created
  std::chrono::milliseconds flush_interval{1000};  // 0 = write every record at once
};

class EveWriter final : public RecordOutput {
 public:
  // Opens `path` for append, creating it; throws std::runtime_error naming it when that fails.
  explicit EveWriter(const std::filesystem::path& path, const EveFileOptions& options = {});
  // Writes to an already-open stream (stdout), not owned.
  explicit EveWriter(std::FILE* stream);
  ~EveWriter() override;
  EveWriter(const EveWriter&) = delete;
  EveWriter& operator=(const EveWriter&) = delete;

  void write(const Json& record) override;
  // A record serialised elsewhere (by serialize(), on a worker thread): `line` without its
  // newline; `event_type` counts it in by_type().
  void write_serialized(std::string_view event_type, std::string_view line) override;
  // How write() serialises a record (serialize_record).
  static std::string serialize(const Json& record) { return serialize_record(record); }
  // Writes what is buffered; false if some of it could not be written.
  bool flush() override;
  // Writes what is buffered if the oldest of it is flush_interval old (called while idle).
  void flush_if_due() override;
  // logrotate: writes what is buffered, then opens `path` again (appending, same mode), so a
  // renamed file is left complete and a new one starts. On failure the old file stays and the
  // reason is returned; a writer on a caller's stream has nothing to reopen ("").
  std::string reopen() override;
  // Writes what is buffered and closes the file (a caller's stream is only flushed).
  void close() override;
  SinkCounts counts() const override {
    std::lock_guard lock(mutex_);
    return {records_ - lost_, lost_, write_errors_};
  }
  std::string describe() const override { return path_.string(); }

  // Records handed to write() and not lost (written, or buffered for the next flush).
  std::uint64_t records() const {
    std::lock_guard lock(mutex_);
    return records_ - lost_;
  }
  // Records that could not be written (write errors), and the failed write calls.
  std::uint64_t lost() const {
    std::lock_guard lock(mutex_);
    return lost_;
  }
  std::uint64_t write_errors() const {
    std::lock_guard lock(mutex_);
    return write_errors_;
  }
  // Records written by event_type, for the closing summary (once no thread writes).
  const std::map<std::string, std::uint64_t, std::less<>>& by_type() const override {
    return by_type_;
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  bool flush_locked();

  mutable std::mutex mutex_;
  int fd_ = -1;
  std::FILE* stream_ = nullptr;  // the not-owned stream, when not a file
  std::filesystem::path path_;
  EveFileOptions options_;
  std::uint64_t records_ = 0;
  std::uint64_t lost_ = 0;
  std::uint64_t write_errors_ = 0;
  std::uint64_t pending_records_ = 0;
  std::map<std::string, std::uint64_t, std::less<>> by_type_;
  std::string pending_;  // whole lines not yet written
  std::chrono::steady_clock::time_point oldest_pending_;
};

}  // namespace korgoo::output
