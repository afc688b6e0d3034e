// One archive held in memory, read member by member with libarchive (issue 13): ZIP (stored,
// deflate and the other methods libarchive knows), tar, and a single bzip2/xz/zstd stream
// (read as one member). The archive is given whole: ZIP's central directory is at its end, and
// libarchive reads by pulling. Never throws; a damaged archive ends the members early and
// error() says why.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/bytes.h"

struct archive;

namespace korgoo::app {

class ArchiveReader {
 public:
  // kZip trusts the central directory (at the end); kZipStream reads local headers only (a
  // truncated archive: the members before the cut).
  enum class Kind : std::uint8_t { kZip, kZipStream, kTar, kStream };

  struct Entry {
    std::string name;        // the member's path inside the archive (may be personal data)
    std::int64_t size = -1;  // declared uncompressed size; -1 when unknown
    bool encrypted = false;  // password-protected: its data cannot be read
    bool regular = true;     // a file (not a directory, link, ...)
  };

  ArchiveReader(Kind kind, ByteView archive);
  ~ArchiveReader();
  ArchiveReader(const ArchiveReader&) = delete;
  ArchiveReader& operator=(const ArchiveReader&) = delete;

  // The next member's header; false at the end or on damage (see error()).
  bool next(Entry& out);
  // Up to `cap` bytes of the current member's data into `out` (replaced); 0 at its end or on
  // damage.
  std::size_t read(std::string& out, std::size_t cap);
  // What went wrong ("" if nothing): libarchive's message, without member names.
  const std::string& error() const { return error_; }

 private:
  struct archive* a_ = nullptr;
  std::string error_;
};

// What the first bytes say a file is, if libarchive should open it: ZIP (a local header or an
// empty archive), tar (ustar at 257), bzip2, xz or zstd. gzip is left to the streaming inflater.
bool sniff_archive(ByteView head, ArchiveReader::Kind& kind, std::string& name);

}  // namespace korgoo::app
