#include "app/file/file_magic.h"

#include <magic.h>

namespace korgoo::app {

FileMagic::FileMagic() {
  // MIME type only; no decompression (the decoders undo compression themselves) and no
  // looking outside the buffer.
  cookie_ = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR);
  if (cookie_ && magic_load(cookie_, nullptr) != 0) {
    magic_close(cookie_);
    cookie_ = nullptr;
  }
}

FileMagic::~FileMagic() {
  if (cookie_) magic_close(cookie_);
}

std::string FileMagic::type(ByteView head) {
  if (!cookie_ || head.empty()) return "";
  if (head.size() > kHeadBytes) head = head.subspan(0, kHeadBytes);
  const char* t = magic_buffer(cookie_, head.data(), head.size());
  return t ? std::string(t) : std::string();
}

std::string FileMagic::describe(ByteView head) {
  if (!cookie_ || head.empty()) return "";
  if (head.size() > kHeadBytes) head = head.subspan(0, kHeadBytes);
  // One cookie, two answers: the flags are switched for this call only.
  magic_setflags(cookie_, MAGIC_ERROR);
  const char* t = magic_buffer(cookie_, head.data(), head.size());
  std::string out = t ? std::string(t) : std::string();
  magic_setflags(cookie_, MAGIC_MIME_TYPE | MAGIC_ERROR);
  return out;
}

}  // namespace korgoo::app
