#include "detect/signature_options.h"

#include <yaml-cpp/yaml.h>

#include <string>

#include "detect/signature_error.h"
#include "yaml/scalar.h"

namespace korgoo::detect {
namespace {

class OptionReader {
 public:
  OptionReader(std::string_view validator, const std::string& file)
      : validator_(validator), file_(file) {}

  void read(const YAML::Node& node, SignatureOptions& o) const {
    if (!node.IsMap()) fail(node, "options must be a mapping");
    for (const auto& kv : node) {
      const std::string key = kv.first.as<std::string>();
      const YAML::Node& v = kv.second;
      if (key == "visa13" && validator_ == "payment_card") {
        o.visa13 = visa13(v);
      } else if (key == "fixed_line" && validator_ == "phone") {
        o.fixed_line = boolean(v);
      } else if (key == "voip" && validator_ == "phone") {
        o.voip = boolean(v);
      } else if (key == "russia" && validator_ == "phone") {
        o.russia = boolean(v);
      } else if (key == "min_birth_year" && (validator_ == "kg_pin" || validator_ == "mrz")) {
        o.min_birth_year = integer(v, 1800, 2200);
      } else if (key == "max_age" && (validator_ == "kg_pin" || validator_ == "mrz")) {
        o.max_age = integer(v, 1, 200);
      } else {
        fail(kv.first,
             "unknown option '" + key + "' for validator '" + std::string(validator_) + "'");
      }
    }
  }

 private:
  [[noreturn]] void fail(const YAML::Node& n, const std::string& message) const {
    throw SignatureError(file_, yaml::line_of(n), std::nullopt, message);
  }
  std::string scalar(const YAML::Node& v) const {
    if (!v.IsScalar()) fail(v, "expected a string");
    return v.Scalar();
  }
  bool boolean(const YAML::Node& v) const {
    const std::string s = scalar(v);
    if (const auto b = yaml::true_or_false(v)) return *b;
    fail(v, "expected true or false, not '" + s + "'");
  }
  int integer(const YAML::Node& v, int min, int max) const {
    const std::string s = scalar(v);
    const auto n = yaml::decimal(v);
    if (!n || *n < min || *n > max) {
      fail(v, "expected an integer in [" + std::to_string(min) + ", " + std::to_string(max) +
                  "], not '" + s + "'");
    }
    return static_cast<int>(*n);
  }
  Visa13 visa13(const YAML::Node& v) const {
    const std::string s = scalar(v);
    if (s == "off") return Visa13::kOff;
    if (s == "context") return Visa13::kContext;
    if (s == "always") return Visa13::kAlways;
    fail(v, "visa13 must be off, context or always, not '" + s + "'");
  }

  std::string_view validator_;
  const std::string& file_;
};

}  // namespace

void read_signature_options(const YAML::Node& node, std::string_view validator,
                            const std::string& file, SignatureOptions& out) {
  OptionReader(validator, file).read(node, out);
}

}  // namespace korgoo::detect
