// The type of a file named by libmagic (Debian libmagic-dev; its database from libmagic-mgc),
// as a MIME type ("application/pdf", "image/png"), for what the decoders do not read: a file
// record can say what left even when its content was not decoded (issue 13). It does not
// choose the decoders: their dispatch stays on the first bytes they know. Loading the
// database costs milliseconds and a magic_t is not safe to share between threads, so there is
// one per owner (a `korgoo scan` run, a worker), never one per file.
#pragma once

#include <string>

#include "common/bytes.h"

struct magic_set;

namespace korgoo::app {

class FileMagic {
 public:
  // The head of a file is this long at most: libmagic's tests look at the first bytes.
  static constexpr std::size_t kHeadBytes = 4096;

  FileMagic();  // loads the default database; if that fails, type() is always ""
  ~FileMagic();
  FileMagic(const FileMagic&) = delete;
  FileMagic& operator=(const FileMagic&) = delete;

  // The MIME type of a file that starts with `head` ("" when the database did not load).
  std::string type(ByteView head);
  // libmagic's description of it ("PDF document, version 1.4"), as Suricata's
  // fileinfo.magic says it ("" when the database did not load).
  std::string describe(ByteView head);
  bool loaded() const { return cookie_ != nullptr; }

 private:
  magic_set* cookie_ = nullptr;
};

}  // namespace korgoo::app
