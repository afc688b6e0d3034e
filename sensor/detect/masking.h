// Masked samples: at most the first and last two characters (code points) of a value survive,
// and never more than a quarter of it on each side, so that short values are not revealed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace korgoo::detect {

std::string mask_value(std::string_view normalised, std::size_t keep_first = 2,
                       std::size_t keep_last = 2);

}  // namespace korgoo::detect
