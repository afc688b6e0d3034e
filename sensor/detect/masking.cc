#include "detect/masking.h"

#include <algorithm>
#include <vector>

#include "detect/text_fold.h"

namespace korgoo::detect {

std::string mask_value(std::string_view v, std::size_t keep_first, std::size_t keep_last) {
  std::vector<std::size_t> starts;  // byte offset of each code point
  starts.reserve(v.size());
  for (std::size_t i = 0; i < v.size();) {
    starts.push_back(i);
    std::size_t len = 0;
    decode_at(v, i, len);
    i += len;
  }
  const std::size_t n = starts.size();
  const std::size_t first = std::min({keep_first, std::size_t{2}, n / 4});
  const std::size_t last = std::min({keep_last, std::size_t{2}, n / 4});
  std::string out;
  out.reserve(n + 8);
  out.append(v.substr(0, first == n ? v.size() : starts[first]));
  out.append(n - first - last, '*');
  if (last > 0) out.append(v.substr(starts[n - last]));
  return out;
}

}  // namespace korgoo::detect
