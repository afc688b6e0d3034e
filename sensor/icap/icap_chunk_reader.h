// The chunked body of an ICAP message (RFC 3507 §4.5): hex size lines with optional
// extensions, data, and a last chunk "0" that may carry the "ieof" extension (the preview
// already held the whole body). Incremental: fed whatever arrived, it reports data as it goes.
// Bounded: a size line longer than kMaxLine or a trailer longer than kMaxTrailer is an error.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace korgoo::icap {

class IcapChunkReader {
 public:
  static constexpr std::size_t kMaxLine = 1024;
  static constexpr std::size_t kMaxTrailer = 8192;

  enum class Result : std::uint8_t { kMore, kEnd, kError };
  using Data = std::function<void(std::string_view)>;

  // Consumes from `in` (sets `consumed`) up to the end of the last chunk; calls `data` with
  // body bytes. kEnd: the zero chunk and its trailer were read (bytes after it are not taken).
  Result feed(std::string_view in, std::size_t& consumed, const Data& data);

  bool ieof() const { return ieof_; }
  const std::string& error() const { return error_; }
  std::uint64_t body_bytes() const { return body_bytes_; }
  // Ready for the next body (after a preview, the rest of the same body follows this way).
  void reset() { *this = IcapChunkReader(); }

 private:
  enum class State : std::uint8_t { kSize, kData, kDataEnd, kTrailer, kDone };

  bool size_line();  // parses line_; false on error
  Result fail(std::string why);

  State state_ = State::kSize;
  std::string line_;
  std::uint64_t remaining_ = 0;
  std::uint64_t body_bytes_ = 0;
  std::size_t trailer_bytes_ = 0;
  bool ieof_ = false;
  std::string error_;
};

}  // namespace korgoo::icap
