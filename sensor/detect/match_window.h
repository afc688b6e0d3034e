// The bytes around one Hyperscan match, as a validator sees them. Hyperscan reports only where
// a match ends (the database is compiled without start-of-match, see pattern_database.h), so
// validators find the value's start by parsing backwards from `match_end`, which they must do
// anyway to check that the value stands alone.
#pragma once

#include <cstddef>
#include <string_view>

namespace korgoo::detect {

class MatchWindow {
 public:
  // Returned by at() for a position before the first or after the last byte of the view:
  // the view starts or ends there, which counts as a delimiter.
  static constexpr int kEdge = -1;
  // Returned by at() for a position outside the window that is not a view edge. The window is
  // sized so that validators never need such a byte; treat it as "not a delimiter".
  static constexpr int kUnknown = -2;

  MatchWindow(std::string_view bytes, std::size_t match_end, bool starts_view, bool ends_view)
      : bytes_(bytes), match_end_(match_end), starts_view_(starts_view), ends_view_(ends_view) {}

  std::string_view bytes() const { return bytes_; }
  std::size_t match_end() const { return match_end_; }
  std::size_t size() const { return bytes_.size(); }

  // The byte at index `i` (may be negative or past the end), or kEdge / kUnknown.
  int at(std::ptrdiff_t i) const {
    if (i < 0) return starts_view_ ? kEdge : kUnknown;
    if (static_cast<std::size_t>(i) >= bytes_.size()) return ends_view_ ? kEdge : kUnknown;
    return static_cast<unsigned char>(bytes_[static_cast<std::size_t>(i)]);
  }
  std::string_view slice(std::size_t begin, std::size_t end) const {
    return bytes_.substr(begin, end - begin);
  }

 private:
  std::string_view bytes_;
  std::size_t match_end_;
  bool starts_view_;
  bool ends_view_;
};

}  // namespace korgoo::detect
