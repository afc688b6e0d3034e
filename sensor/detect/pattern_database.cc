#include "detect/pattern_database.h"

#include <string>

#include "detect/keyword_pattern.h"
#include "detect/signature_error.h"

namespace korgoo::detect {

PatternDatabase PatternDatabase::compile(const std::vector<Signature>& signatures) {
  std::vector<std::string> expressions;
  std::vector<unsigned> flags;
  PatternDatabase out;
  for (std::uint32_t s = 0; s < signatures.size(); ++s) {
    const Signature& sig = signatures[s];
    for (std::uint32_t i = 0; i < sig.patterns.size(); ++i) {
      expressions.push_back(sig.patterns[i].regex);
      flags.push_back(sig.caseless ? HS_FLAG_CASELESS : 0);
      out.refs_.push_back({s, i});
    }
    for (std::uint32_t i = 0; i < sig.keywords.size(); ++i) {
      expressions.push_back(keyword_to_pattern(sig.keywords[i].text));
      flags.push_back(HS_FLAG_CASELESS);
      out.refs_.push_back({s, i});
    }
  }
  std::vector<const char*> exprs;
  std::vector<unsigned> ids;
  for (std::size_t i = 0; i < expressions.size(); ++i) {
    exprs.push_back(expressions[i].c_str());
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  if (hs_compile_multi(exprs.data(), flags.data(), ids.data(), static_cast<unsigned>(exprs.size()),
                       HS_MODE_STREAM, nullptr, &db, &err) != HS_SUCCESS) {
    std::string message =
        err != nullptr && err->message != nullptr ? err->message : "unknown error";
    const int which = err != nullptr ? err->expression : -1;
    hs_free_compile_error(err);
    if (which < 0 || static_cast<std::size_t>(which) >= out.refs_.size()) {
      const std::string where = signatures.empty() ? std::string("(none):0")
                                                   : signatures.front().where.file.string() + ":0";
      throw SignatureError(where + ": Hyperscan: " + message);
    }
    const PatternRef& ref = out.refs_[static_cast<std::size_t>(which)];
    const Signature& sig = signatures[ref.signature];
    const SourceLocation& at =
        sig.patterns.empty() ? sig.keywords[ref.index].where : sig.patterns[ref.index].where;
    const std::string text =
        sig.patterns.empty() ? sig.keywords[ref.index].text : sig.patterns[ref.index].regex;
    throw SignatureError(at.file.string() + ":" + std::to_string(at.line) + ": signature " +
                         std::to_string(sig.id) + " (" + sig.type + "): pattern '" + text +
                         "': Hyperscan: " + message);
  }
  out.db_.reset(db);
  return out;
}

std::size_t PatternDatabase::stream_state_size() const {
  std::size_t size = 0;
  hs_stream_size(db_.get(), &size);
  return size;
}

}  // namespace korgoo::detect
