// Turns a keyword into a Hyperscan pattern for byte mode. Hyperscan's HS_FLAG_CASELESS folds
// only ASCII outside UTF-8 mode, and UTF-8 mode has undefined behaviour on input that is not
// UTF-8 (and the sensor scans arbitrary bytes: binary uploads, gzip seen raw). So each Cyrillic
// letter is spelled out as an alternation of its two case forms, which have the same UTF-8
// length; the match length is then the keyword's byte length, which the keyword validator
// uses to find the word start.
#pragma once

#include <string>
#include <string_view>

namespace korgoo::detect {

// `folded` is lower-case UTF-8; the result is to be compiled with HS_FLAG_CASELESS.
std::string keyword_to_pattern(std::string_view folded);

}  // namespace korgoo::detect
