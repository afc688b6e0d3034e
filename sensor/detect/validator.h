// A validator turns a Hyperscan match (a cheap prefilter) into a decision: the value it
// delimits, and whether it is personal data (confirmed), an organisation's identifier
// (suppressed), or not an identifier at all (rejected, with a reason for the stats).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "detect/civil_date.h"
#include "detect/match_window.h"
#include "detect/signature.h"

namespace korgoo::detect {

// What a validator made of a candidate (not to be confused with source::Verdict, what happens
// to a packet inline).
enum class Outcome : std::uint8_t { kRejected, kSuppressed, kConfirmed };

// Why a candidate was suppressed (DetectStats counts each).
enum class Suppression : std::uint8_t { kNone, kOrgInn, kBin, kRoleMailbox };

struct Finding {
  Outcome outcome = Outcome::kRejected;
  std::string_view reason;  // rejected: "<type>.<why>", a static string
  Suppression suppression = Suppression::kNone;
  std::string_view type;     // empty: the signature's type (MRZ also reports the PIN as kg_pin)
  std::string_view subtype;  // counted in the stats only ("phone.mobile", "phone.fixed_line")
  std::size_t begin = 0;     // the value's span in the window
  std::size_t end = 0;
  std::string value;  // normalised (digits only, lower case, E.164, ...): what is hashed
  bool high_confidence = false;
};

// What a validator may ask about the match besides its bytes.
class MatchContext {
 public:
  virtual ~MatchContext() = default;
  virtual const Signature& signature() const = 0;
  // Index of the matching pattern (or keyword) in the signature.
  virtual std::size_t pattern_index() const = 0;
  // A context word of the signature occurs within its window before `begin` or after `end`.
  virtual bool context_near(const MatchWindow& w, std::size_t begin, std::size_t end) const = 0;
  // Bytes each side of the value that context_near() searches (0: the signature has none).
  virtual std::size_t context_window() const = 0;
  // The date of the traffic (packet time; for files at rest, the wall clock): a date-bearing
  // identifier (a PIN's birth date) is never after it.
  virtual CivilDate today() const = 0;
};

struct ValidatorOptions {
  CivilDate today{2025, 12, 31};  // used when the match has no packet time
};

class Validator {
 public:
  virtual ~Validator() = default;
  virtual std::string_view name() const = 0;
  // Bytes before the match end that check() may read (value, delimiter, look-behind rules).
  virtual std::size_t lookbehind() const = 0;
  // Bytes after the match end that check() may read (trailing delimiter, the byte after a
  // possible group separator): with these, check() can always decide.
  virtual std::size_t lookahead() const = 0;
  // Bytes after the match end that check() needs for THIS match, given `w` (which holds what
  // has arrived and may end before lookahead() bytes): once they are there, no later byte can
  // change the verdict. Inline mode drops the packet that completes a value only if the value
  // is decided in that packet, so a value closed by a hard delimiter ("\n", ",", '"') should
  // need just that byte rather than wait for the next packet. A byte the value may continue
  // across (a group separator, a decimal point) is not hard. The default is always safe.
  // Context words that only raise confidence are not needed: confidence is then decided on the
  // context that has arrived, and may depend on where packets end (counts never do).
  virtual std::size_t lookahead_needed(const MatchWindow& /*w*/,
                                       const MatchContext& /*ctx*/) const {
    return lookahead();
  }
  // Promises that let the pattern database compile a signature into something cheaper than
  // its own patterns (pattern_database.h) without changing what is found. Each must hold for
  // every finding check() confirms or suppresses; rejected findings are not bound by them.
  // closed_by_non_alnum(): the byte right after the match end is not an ASCII letter or digit
  // (or the view ends there), so a match followed by one need not be reported at all.
  virtual bool closed_by_non_alnum() const { return false; }
  // candidate_shape() (with closed_by_non_alnum() only): a Hyperscan expression that matches
  // the bytes right before the match end (empty: no such promise). Signatures promising the
  // same shape share one candidate pattern in the stream.
  virtual std::string_view candidate_shape() const { return {}; }
  // check() calls context_near() for some values even when the signature does not require
  // context (kg_passport's generic series), so the window must include the context bytes.
  virtual bool uses_context() const { return false; }
  // Appends at most a few findings; none means "not a candidate" (counted as rejected
  // "<type>.no_value" by the caller).
  virtual void check(const MatchWindow& w, const MatchContext& ctx,
                     std::vector<Finding>& out) const = 0;
};

// The shape of a number that ends with ten digits or more, grouped by spaces, dashes or
// parentheses (never more than two of them between two digits): PINs, IINs, cards, phones.
inline constexpr std::string_view kGroupedDigitsShape = "[0-9](?:[ ()\\-]{0,2}[0-9]){9}";

// The validators by name, as signatures refer to them.
class ValidatorRegistry {
 public:
  explicit ValidatorRegistry(const ValidatorOptions& options);
  ~ValidatorRegistry();
  const Validator* find(std::string_view name) const;
  static bool is_known(std::string_view name);
  static const std::vector<std::string_view>& names();

 private:
  std::vector<std::unique_ptr<Validator>> validators_;
};

// Factories, one per validator_*.cc.
std::unique_ptr<Validator> make_kg_pin_validator(const ValidatorOptions&);
std::unique_ptr<Validator> make_kz_iin_validator(const ValidatorOptions&);
std::unique_ptr<Validator> make_payment_card_validator(const ValidatorOptions&);
std::unique_ptr<Validator> make_kg_passport_validator(const ValidatorOptions&);
std::unique_ptr<Validator> make_mrz_validator(const ValidatorOptions&);
std::unique_ptr<Validator> make_phone_validator(const ValidatorOptions&);
std::unique_ptr<Validator> make_email_validator(const ValidatorOptions&);
std::unique_ptr<Validator> make_iban_validator(const ValidatorOptions&);
std::unique_ptr<Validator> make_keyword_validator(const ValidatorOptions&);

}  // namespace korgoo::detect
