// One entry of signatures/*.yaml: what to look for (Hyperscan patterns or keywords), which
// validator confirms a match, and how the value is reported.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "detect/signature_options.h"

namespace korgoo::detect {

enum class Category : std::uint8_t { kIdentifier, kSpecial };
enum class Confidence : std::uint8_t { kLow, kMedium, kHigh };

std::string_view to_string(Category c);
std::string_view to_string(Confidence c);

// Where something was written, for error messages and --list-signatures.
struct SourceLocation {
  std::filesystem::path file;
  int line = 0;  // 1-based
};

struct Pattern {
  std::string regex;  // Hyperscan syntax, compiled in byte mode
  SourceLocation where;
};

// A special-category keyword: matched case-insensitively (ASCII and Cyrillic), on a word
// start; a trailing '*' in the YAML makes it a stem ("туберкул*" matches "туберкулез").
inline constexpr std::size_t kMaxKeywordBytes = 96;
inline constexpr std::size_t kMaxContextWindow = 1024;
inline constexpr std::size_t kMaxMaskKeep = 2;

struct Keyword {
  std::string text;  // lower-cased UTF-8, without the '*'
  bool stem = false;
  SourceLocation where;
};

struct ContextRule {
  std::vector<std::string> words;  // lower-cased UTF-8
  std::size_t window = 0;          // bytes each side; 0 = DetectConfig::context_window
  bool required = false;           // a value without a context word nearby is rejected
};

struct Masking {
  std::size_t keep_first = 2;  // at most 2 (DESIGN.md: masking keeps at most 2 + 2 characters)
  std::size_t keep_last = 2;
};

struct Signature {
  std::uint32_t id = 0;
  std::string type;  // kg_pin, kz_iin, ..., special.health, ...
  std::string name;
  Category category = Category::kIdentifier;
  std::vector<Pattern> patterns;  // validator != "keyword"
  std::vector<Keyword> keywords;  // validator == "keyword"
  bool caseless = false;          // patterns only; keywords are always caseless
  std::string validator;
  ContextRule context;
  Confidence confidence = Confidence::kMedium;
  Masking masking;
  SignatureOptions options;  // the validator's judgement calls (signature_options.h)
  SourceLocation where;
};

}  // namespace korgoo::detect
