#include "icap/icap_chunk_reader.h"

#include <algorithm>
#include <charconv>

namespace korgoo::icap {

IcapChunkReader::Result IcapChunkReader::fail(std::string why) {
  error_ = std::move(why);
  state_ = State::kDone;
  return Result::kError;
}

bool IcapChunkReader::size_line() {
  std::string_view l = line_;
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  const auto semi = l.find(';');
  std::string_view hex = l.substr(0, semi);
  while (!hex.empty() && (hex.back() == ' ' || hex.back() == '\t')) hex.remove_suffix(1);
  if (hex.empty() || hex.size() > 15) return false;  // 15 hex digits: no overflow
  auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), remaining_, 16);
  if (ec != std::errc() || end != hex.data() + hex.size()) return false;
  if (semi != std::string_view::npos) {
    std::string_view ext = l.substr(semi + 1);
    while (!ext.empty() && (ext.front() == ' ' || ext.front() == '\t')) ext.remove_prefix(1);
    while (!ext.empty() && (ext.back() == ' ' || ext.back() == '\t')) ext.remove_suffix(1);
    if (ext == "ieof") ieof_ = true;
  }
  return true;
}

IcapChunkReader::Result IcapChunkReader::feed(std::string_view in, std::size_t& consumed,
                                              const Data& data) {
  consumed = 0;
  while (consumed < in.size()) {
    switch (state_) {
      case State::kSize: {
        const auto nl = in.find('\n', consumed);
        const auto take = (nl == std::string_view::npos ? in.size() : nl) - consumed;
        if (line_.size() + take > kMaxLine) return fail("chunk size line too long");
        line_.append(in.substr(consumed, take));
        consumed += take;
        if (nl == std::string_view::npos) return Result::kMore;
        ++consumed;  // the '\n'
        if (!size_line()) return fail("chunk size is not hexadecimal");
        line_.clear();
        if (remaining_ == 0) {
          state_ = State::kTrailer;
        } else {
          if (ieof_) return fail("ieof on a chunk that is not the last");
          state_ = State::kData;
        }
        break;
      }
      case State::kData: {
        const auto take =
            static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, in.size() - consumed));
        data(in.substr(consumed, take));
        consumed += take;
        remaining_ -= take;
        body_bytes_ += take;
        if (remaining_ == 0) state_ = State::kDataEnd;
        break;
      }
      case State::kDataEnd: {
        // CRLF after the data; a bare LF is accepted as HTTP parsers do.
        const char c = in[consumed++];
        if (c == '\r') break;
        if (c != '\n') return fail("chunk data not followed by CRLF");
        state_ = State::kSize;
        break;
      }
      case State::kTrailer: {
        const auto nl = in.find('\n', consumed);
        const auto take = (nl == std::string_view::npos ? in.size() : nl) - consumed;
        trailer_bytes_ += take;
        if (trailer_bytes_ > kMaxTrailer) return fail("chunk trailer too long");
        line_.append(in.substr(consumed, std::min<std::size_t>(take, 2)));
        consumed += take;
        if (nl == std::string_view::npos) return Result::kMore;
        ++consumed;
        const bool empty = line_.empty() || line_ == "\r";
        line_.clear();
        if (empty) {
          state_ = State::kDone;
          return Result::kEnd;
        }
        break;
      }
      case State::kDone:
        return error_.empty() ? Result::kEnd : Result::kError;
    }
  }
  if (state_ == State::kDone) return error_.empty() ? Result::kEnd : Result::kError;
  return Result::kMore;
}

}  // namespace korgoo::icap
