#include "app/file/archive_reader.h"

#include <archive.h>
#include <archive_entry.h>

namespace korgoo::app {

ArchiveReader::ArchiveReader(Kind kind, ByteView archive) : a_(archive_read_new()) {
  if (a_ == nullptr) {
    error_ = "out of memory";
    return;
  }
  switch (kind) {
    case Kind::kZip:
      // The central directory is what office suites and unzip trust; local headers can lie.
      archive_read_support_format_zip_seekable(a_);
      break;
    case Kind::kZipStream:
      archive_read_support_format_zip_streamable(a_);
      break;
    case Kind::kTar:
      archive_read_support_format_tar(a_);
      break;
    case Kind::kStream:
      archive_read_support_filter_all(a_);
      archive_read_support_format_tar(a_);  // a .tar.xz is a tar after the filter
      archive_read_support_format_raw(a_);
      break;
  }
  if (archive_read_open_memory(a_, archive.data(), archive.size()) != ARCHIVE_OK) {
    const char* e = archive_error_string(a_);
    error_ = e != nullptr ? e : "not an archive";
    archive_read_free(a_);
    a_ = nullptr;
  }
}

ArchiveReader::~ArchiveReader() {
  if (a_ != nullptr) archive_read_free(a_);
}

bool ArchiveReader::next(Entry& out) {
  if (a_ == nullptr) return false;
  struct archive_entry* e = nullptr;
  const int rc = archive_read_next_header(a_, &e);
  if (rc == ARCHIVE_EOF) return false;
  if (rc < ARCHIVE_WARN || e == nullptr) {
    const char* m = archive_error_string(a_);
    error_ = m != nullptr ? m : "damaged archive";
    return false;
  }
  const char* name = archive_entry_pathname(e);
  out.name = name != nullptr ? name : "";
  out.size = archive_entry_size_is_set(e) != 0 ? archive_entry_size(e) : -1;
  out.encrypted = archive_entry_is_data_encrypted(e) != 0;
  out.regular = archive_entry_filetype(e) == AE_IFREG || archive_entry_filetype(e) == 0;
  return true;
}

std::size_t ArchiveReader::read(std::string& out, std::size_t cap) {
  out.resize(cap);
  const la_ssize_t n = a_ != nullptr ? archive_read_data(a_, out.data(), cap) : 0;
  if (n < 0) {
    const char* m = archive_error_string(a_);
    error_ = m != nullptr ? m : "damaged member";
    out.clear();
    return 0;
  }
  out.resize(static_cast<std::size_t>(n));
  return out.size();
}

bool sniff_archive(ByteView head, ArchiveReader::Kind& kind, std::string& name) {
  const std::string_view h = as_chars(head);
  if (h.starts_with("PK\x03\x04") || h.starts_with("PK\x05\x06")) {
    kind = ArchiveReader::Kind::kZip;
    name = "zip";
  } else if (h.size() >= 262 && h.substr(257, 5) == "ustar") {
    kind = ArchiveReader::Kind::kTar;
    name = "tar";
  } else if (h.starts_with("BZh") && h.size() > 3 && h[3] >= '1' && h[3] <= '9') {
    kind = ArchiveReader::Kind::kStream;
    name = "bzip2";
  } else if (h.starts_with(std::string_view("\xFD"
                                            "7zXZ\x00",
                                            6))) {
    kind = ArchiveReader::Kind::kStream;
    name = "xz";
  } else if (h.starts_with("\x28\xB5\x2F\xFD")) {
    kind = ArchiveReader::Kind::kStream;
    name = "zstd";
  } else {
    return false;
  }
  return true;
}

}  // namespace korgoo::app
