#include "detect/signature_set.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <limits>
#include <optional>
#include <set>
#include <sstream>

#include "detect/signature_error.h"
#include "detect/signature_options.h"
#include "detect/text_fold.h"
#include "detect/validator.h"
#include "yaml/key_problems.h"
#include "yaml/scalar.h"

namespace korgoo::detect {
namespace {

namespace fs = std::filesystem;

// The identifier types that DESIGN.md's `pii` object names; special categories are
// "special.<word>".
constexpr std::string_view kIdentifierTypes[] = {"kg_pin",       "kz_iin", "kg_passport", "mrz",
                                                 "payment_card", "phone",  "email",       "iban"};

using yaml::line_of;

[[noreturn]] void fail(const fs::path& file, int line, const std::string& message) {
  throw SignatureError(file.string(), line, std::nullopt, message);
}

// Reads one signature entry, reporting every problem at the line of the node that has it. The
// values are read with yaml/scalar.h's signature grammar (decimal numbers, true/false only);
// this class only words the errors, in the signature files' own terms.
class EntryReader {
 public:
  EntryReader(const fs::path& file, const YAML::Node& entry) : file_(file), entry_(entry) {}

  Signature read() {
    if (!entry_.IsMap()) fail(file_, line_of(entry_), "a signature must be a mapping");
    Signature sig;
    sig.where = {file_, line_of(entry_)};
    for (const auto& kv : entry_) {
      const auto key = kv.first.as<std::string>();
      const YAML::Node& v = kv.second;
      if (key == "id") {
        const long long id = integer(v, 1, std::numeric_limits<std::int32_t>::max());
        sig.id = static_cast<std::uint32_t>(id);
      } else if (key == "type") {
        sig.type = scalar(v);
      } else if (key == "name" || key == "description") {
        (key == "name" ? sig.name : description_) = scalar(v);
      } else if (key == "category") {
        const std::string c = scalar(v);
        if (c == "identifier") {
          sig.category = Category::kIdentifier;
        } else if (c == "special") {
          sig.category = Category::kSpecial;
        } else {
          fail(file_, line_of(v), "category must be 'identifier' or 'special', not '" + c + "'");
        }
      } else if (key == "patterns") {
        for (const auto& p : sequence(v, "patterns")) {
          const std::string regex = scalar(p);
          if (regex.empty()) fail(file_, line_of(p), "empty pattern");
          sig.patterns.push_back({regex, {file_, line_of(p)}});
        }
      } else if (key == "keywords") {
        for (const auto& k : sequence(v, "keywords")) sig.keywords.push_back(keyword(k));
      } else if (key == "caseless") {
        sig.caseless = boolean(v);
      } else if (key == "validator") {
        sig.validator = scalar(v);
        if (!ValidatorRegistry::is_known(sig.validator)) {
          fail(file_, line_of(v), "unknown validator '" + sig.validator + "'");
        }
      } else if (key == "context") {
        sig.context = context(v);
      } else if (key == "confidence") {
        sig.confidence = confidence(v);
      } else if (key == "masking") {
        sig.masking = masking(v);
      } else if (key == "options") {
        options_.emplace(v);  // read once the validator is known, whatever the key order
      } else {
        fail(file_, line_of(kv.first), "unknown key '" + key + "' in signature");
      }
    }
    check_whole(sig);
    if (options_) read_signature_options(*options_, sig.validator, file_.string(), sig.options);
    return sig;
  }

 private:
  std::string scalar(const YAML::Node& v) {
    if (!v.IsScalar()) fail(file_, line_of(v), "expected a string");
    return v.Scalar();
  }

  long long integer(const YAML::Node& v, long long min, long long max) {
    const std::string s = scalar(v);
    const auto parsed = yaml::decimal(v);
    if (!parsed) fail(file_, line_of(v), "expected an integer, not '" + s + "'");
    const long long n = *parsed;
    if (n < min || n > max) {
      fail(file_, line_of(v),
           "value " + s + " out of range [" + std::to_string(min) + ", " + std::to_string(max) +
               "]");
    }
    return n;
  }

  bool boolean(const YAML::Node& v) {
    const std::string s = scalar(v);
    if (const auto b = yaml::true_or_false(v)) return *b;
    fail(file_, line_of(v), "expected true or false, not '" + s + "'");
  }

  const YAML::Node& sequence(const YAML::Node& v, const char* what) {
    if (!v.IsSequence() || v.size() == 0) {
      fail(file_, line_of(v), std::string(what) + " must be a non-empty list");
    }
    return v;
  }

  Keyword keyword(const YAML::Node& k) {
    std::string text = scalar(k);
    Keyword kw;
    kw.where = {file_, line_of(k)};
    if (!text.empty() && text.back() == '*') {
      kw.stem = true;
      text.pop_back();
    }
    kw.text = fold_utf8(text);
    if (kw.text.empty() || kw.text.size() > kMaxKeywordBytes) {
      fail(file_, line_of(k),
           "keyword must have 1 to " + std::to_string(kMaxKeywordBytes) + " bytes");
    }
    return kw;
  }

  ContextRule context(const YAML::Node& v) {
    if (!v.IsMap()) fail(file_, line_of(v), "context must be a mapping");
    ContextRule rule;
    for (const auto& kv : v) {
      const auto key = kv.first.as<std::string>();
      if (key == "words") {
        for (const auto& w : sequence(kv.second, "context words")) {
          std::string word = fold_utf8(scalar(w));
          if (word.empty()) fail(file_, line_of(w), "empty context word");
          rule.words.push_back(std::move(word));
        }
      } else if (key == "window") {
        rule.window = static_cast<std::size_t>(
            integer(kv.second, 1, static_cast<long long>(kMaxContextWindow)));
      } else if (key == "required") {
        rule.required = boolean(kv.second);
      } else {
        fail(file_, line_of(kv.first), "unknown key '" + key + "' in context");
      }
    }
    return rule;
  }

  Confidence confidence(const YAML::Node& v) {
    const std::string s = scalar(v);
    if (s == "low") return Confidence::kLow;
    if (s == "medium") return Confidence::kMedium;
    if (s == "high") return Confidence::kHigh;
    fail(file_, line_of(v), "confidence must be low, medium or high, not '" + s + "'");
  }

  Masking masking(const YAML::Node& v) {
    if (!v.IsMap()) fail(file_, line_of(v), "masking must be a mapping");
    Masking m;
    for (const auto& kv : v) {
      const auto key = kv.first.as<std::string>();
      const auto n = static_cast<std::size_t>(integer(kv.second, 0, kMaxMaskKeep));
      if (key == "keep_first") {
        m.keep_first = n;
      } else if (key == "keep_last") {
        m.keep_last = n;
      } else {
        fail(file_, line_of(kv.first), "unknown key '" + key + "' in masking");
      }
    }
    return m;
  }

  // Rules that involve more than one key, reported at the entry's line.
  void check_whole(const Signature& sig) {
    const int line = sig.where.line;
    if (sig.id == 0) fail(file_, line, "signature has no id");
    if (sig.type.empty()) fail(file_, line, "signature " + std::to_string(sig.id) + " has no type");
    if (sig.validator.empty()) {
      fail(file_, line, "signature " + std::to_string(sig.id) + " has no validator");
    }
    const bool special = sig.type.starts_with("special.");
    if (special) {
      const std::string_view word = std::string_view(sig.type).substr(8);
      if (word.empty() || !std::all_of(word.begin(), word.end(),
                                       [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; })) {
        fail(file_, line, "bad special category type '" + sig.type + "'");
      }
    } else if (std::find(std::begin(kIdentifierTypes), std::end(kIdentifierTypes), sig.type) ==
               std::end(kIdentifierTypes)) {
      fail(file_, line, "unknown type '" + sig.type + "'");
    }
    if (special != (sig.category == Category::kSpecial)) {
      fail(file_, line,
           "type '" + sig.type + "' needs category '" + (special ? "special" : "identifier") + "'");
    }
    const bool keyword = sig.validator == "keyword";
    if (keyword && (sig.keywords.empty() || !sig.patterns.empty())) {
      fail(file_, line, "validator 'keyword' takes 'keywords' and no 'patterns'");
    }
    if (!keyword && (sig.patterns.empty() || !sig.keywords.empty())) {
      fail(file_, line, "validator '" + sig.validator + "' takes 'patterns' and no 'keywords'");
    }
  }

  const fs::path& file_;
  const YAML::Node& entry_;
  std::string description_;
  std::optional<YAML::Node> options_;
};

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw SignatureError(file.string(), 0, std::nullopt, "cannot open signature file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::string_view to_string(Category c) {
  return c == Category::kSpecial ? "special" : "identifier";
}

std::string_view to_string(Confidence c) {
  switch (c) {
    case Confidence::kLow:
      return "low";
    case Confidence::kMedium:
      return "medium";
    case Confidence::kHigh:
      return "high";
  }
  return "medium";
}

SignatureSet SignatureSet::load(const std::vector<fs::path>& paths) {
  SignatureSet set;
  for (const auto& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(path)) {
        const auto ext = entry.path().extension();
        if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) {
          files.push_back(entry.path());
        }
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) set.add_document(read_file(f), f);
    } else {
      set.add_document(read_file(path), path);
    }
  }
  if (set.signatures_.empty()) {
    throw SignatureError(paths.empty() ? std::string("(none)") : paths.front().string(), 0,
                         std::nullopt, "no signatures loaded");
  }
  return set;
}

SignatureSet SignatureSet::parse(std::string_view yaml, const fs::path& file) {
  SignatureSet set;
  set.add_document(yaml, file);
  return set;
}

void SignatureSet::add_document(std::string_view yaml, const fs::path& file) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    fail(file, e.mark.is_null() ? 0 : e.mark.line + 1, "YAML: " + e.msg);
  }
  if (const auto dup = yaml::find_key_problem(root))
    throw yaml::key_problem_error(file.string(), *dup);
  try {
    add_root(root, file);
  } catch (const YAML::Exception& e) {  // e.g. a key that is not a scalar
    fail(file, e.mark.is_null() ? 0 : e.mark.line + 1, "YAML: " + e.msg);
  }
}

void SignatureSet::add_root(const YAML::Node& root, const fs::path& file) {
  if (!root.IsMap()) fail(file, line_of(root), "expected a mapping with a 'signatures' list");
  for (const auto& kv : root) {
    const auto key = kv.first.as<std::string>();
    if (key != "signatures") fail(file, line_of(kv.first), "unknown top-level key '" + key + "'");
    if (!kv.second.IsSequence()) fail(file, line_of(kv.second), "'signatures' must be a list");
    for (const auto& entry : kv.second) {
      Signature sig = EntryReader(file, entry).read();
      const auto dup = std::find_if(signatures_.begin(), signatures_.end(),
                                    [&](const Signature& s) { return s.id == sig.id; });
      if (dup != signatures_.end()) {
        fail(file, sig.where.line,
             "duplicate signature id " + std::to_string(sig.id) + " (first at " +
                 dup->where.file.string() + ":" + std::to_string(dup->where.line) + ")");
      }
      signatures_.push_back(std::move(sig));
    }
  }
}

}  // namespace korgoo::detect
