#include "app/codec/inflater.h"

#include <cstring>

namespace korgoo::app {
namespace {

constexpr std::size_t kOutChunk = 16 * 1024;
// Input kept for a retry as raw deflate or a pass-through while nothing has come out yet.
// Compressed data yields output within its first few hundred bytes; this much without any
// means the retry is not worth its memory.
constexpr std::size_t kMaxHead = 64 * 1024;

bool looks_like_zlib(std::uint8_t cmf, std::uint8_t flg) {
  return (cmf & 0x0F) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0;
}

// Length of the gzip header (RFC 1952 §2.3) at the start of `b`, flags taken at their word
// and reserved bits ignored; 0 if `b` does not hold all of it.
std::size_t gzip_header_length(ByteView b) {
  if (b.size() < 10) return 0;
  const std::uint8_t flags = b[3];
  std::size_t n = 10;
  if (flags & 0x04) {  // FEXTRA
    if (b.size() < n + 2) return 0;
    n += 2 + (b[n] | (b[n + 1] << 8));
  }
  for (const std::uint8_t zero_ended : {std::uint8_t{0x08}, std::uint8_t{0x10}}) {  // name, comment
    if (!(flags & zero_ended)) continue;
    while (n < b.size() && b[n] != 0) ++n;
    ++n;
  }
  if (flags & 0x02) n += 2;  // FHCRC
  return n < b.size() ? n : 0;
}

}  // namespace

Inflater::Inflater(Output out, bool allow_raw) : out_(std::move(out)), allow_raw_(allow_raw) {}

Inflater::~Inflater() {
  if (started_) inflateEnd(&zs_);
}

bool Inflater::start(Format format) {
  if (started_) inflateEnd(&zs_);
  std::memset(&zs_, 0, sizeof zs_);
  const int bits = format == Format::kGzip   ? 16 + MAX_WBITS
                   : format == Format::kZlib ? MAX_WBITS
                                             : -MAX_WBITS;
  started_ = inflateInit2(&zs_, bits) == Z_OK;
  format_ = format;
  if (!buf_) buf_ = std::make_unique<std::uint8_t[]>(kOutChunk);
  return started_;
}

Inflater::Status Inflater::feed(ByteView in) {
  if (in.empty()) return status_;
  if (status_ == Status::kPassthrough) {
    if (!out_(in)) status_ = Status::kStopped;
    return status_;
  }
  if (status_ != Status::kOk) return status_;
  if (!started_) {
    head_.insert(head_.end(), in.begin(), in.end());
    if (head_.size() < 2) return status_;  // the format is told by two bytes
    Format f = Format::kRaw;
    if (head_[0] == 0x1F && head_[1] == 0x8B) {
      f = Format::kGzip;
    } else if (looks_like_zlib(head_[0], head_[1])) {
      f = Format::kZlib;
    }
    if (f == Format::kRaw && !allow_raw_) {
      status_ = Status::kPassthrough;
      const std::vector<std::uint8_t> first = std::move(head_);
      head_ = {};
      if (!out_(first)) status_ = Status::kStopped;
      return status_;
    }
    if (!start(f)) return status_ = Status::kError;
    const std::vector<std::uint8_t> first = std::move(head_);
    head_.clear();
    return attempt(first);
  }
  return attempt(in);
}

// Inflates `in`, keeping a copy of the input while nothing has come out, so that a stream
// that fails from its first byte can be read again another way.
Inflater::Status Inflater::attempt(ByteView in) {
  if (produced_ == 0 && keep_head_) head_.insert(head_.end(), in.begin(), in.end());
  Status s = inflate_bytes(in);
  if (s == Status::kError && produced_ == 0 && keep_head_) {
    const std::vector<std::uint8_t> all = std::move(head_);
    head_.clear();
    s = fall_back(all);
  }
  if (produced_ > 0 || head_.size() > kMaxHead) {
    keep_head_ = keep_head_ && produced_ == 0;
    head_ = {};
  }
  return s;
}

// Nothing came out of what looked compressed: a zlib-looking header may have been raw
// deflate by chance; otherwise the bytes were never compressed and go on as they are.
Inflater::Status Inflater::fall_back(ByteView all) {
  // A gzip header zlib refuses (reserved flag bits, a wrong header CRC) does not stop a
  // browser: skip it by hand and inflate what follows (http-evader 200, 212).
  if (format_ == Format::kGzip) {
    if (const std::size_t skip = gzip_header_length(all); skip > 0 && start(Format::kRaw)) {
      status_ = Status::kOk;
      const Status s = inflate_bytes(all.subspan(skip));
      if (s != Status::kError) return s;
    }
  }
  if (format_ == Format::kZlib && allow_raw_ && start(Format::kRaw)) {
    status_ = Status::kOk;
    const Status s = inflate_bytes(all);
    if (s != Status::kError) return s;
  }
  if (produced_ > 0) return status_ = Status::kError;
  status_ = Status::kPassthrough;
  if (!all.empty() && !out_(all)) status_ = Status::kStopped;
  return status_;
}

Inflater::Status Inflater::inflate_bytes(ByteView in) {
  zs_.next_in = const_cast<Bytef*>(in.data());  // zlib's API is not const-correct
  zs_.avail_in = static_cast<uInt>(in.size());
  while (true) {
    zs_.next_out = buf_.get();
    zs_.avail_out = kOutChunk;
    const int rc = inflate(&zs_, Z_NO_FLUSH);
    const std::size_t n = kOutChunk - zs_.avail_out;
    if (n > 0) {
      produced_ += n;
      if (!out_(ByteView(buf_.get(), n))) return status_ = Status::kStopped;
    }
    if (rc == Z_STREAM_END) return status_ = Status::kEnd;
    if (rc == Z_BUF_ERROR || (rc == Z_OK && zs_.avail_in == 0 && zs_.avail_out != 0)) {
      return status_;  // needs more input
    }
    if (rc != Z_OK) return status_ = Status::kError;
  }
}

}  // namespace korgoo::app
