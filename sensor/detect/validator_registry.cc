#include "detect/validator.h"

#include <algorithm>

namespace korgoo::detect {

ValidatorRegistry::ValidatorRegistry(const ValidatorOptions& options) {
  validators_.push_back(make_kg_pin_validator(options));
  validators_.push_back(make_kz_iin_validator(options));
  validators_.push_back(make_payment_card_validator(options));
  validators_.push_back(make_kg_passport_validator(options));
  validators_.push_back(make_mrz_validator(options));
  validators_.push_back(make_phone_validator(options));
  validators_.push_back(make_email_validator(options));
  validators_.push_back(make_iban_validator(options));
  validators_.push_back(make_keyword_validator(options));
}

ValidatorRegistry::~ValidatorRegistry() = default;

const Validator* ValidatorRegistry::find(std::string_view name) const {
  for (const auto& v : validators_) {
    if (v->name() == name) return v.get();
  }
  return nullptr;
}

// Kept next to the constructor so that the loader can reject an unknown name without building
// validators; a test checks that both lists agree.
const std::vector<std::string_view>& ValidatorRegistry::names() {
  static const std::vector<std::string_view> kNames = {"kg_pin",      "kz_iin", "payment_card",
                                                       "kg_passport", "mrz",    "phone",
                                                       "email",       "iban",   "keyword"};
  return kNames;
}

bool ValidatorRegistry::is_known(std::string_view name) {
  const auto& n = names();
  return std::find(n.begin(), n.end(), name) != n.end();
}

}  // namespace korgoo::detect
