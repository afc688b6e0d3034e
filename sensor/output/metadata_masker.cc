#include "output/metadata_masker.h"

#include <array>
#include <string_view>

namespace korgoo::output {
namespace {

// Keys of smtp and email objects that hold e-mail addresses (strings or lists of them).
bool is_address_key(std::string_view key) {
  static constexpr std::array<std::string_view, 8> kKeys = {
      "mail_from", "rcpt_to", "from", "to", "cc", "bcc", "reply_to", "sender"};
  for (auto k : kKeys)
    if (k == key) return true;
  return false;
}

}  // namespace

void MetadataMasker::walk(Json& node, bool addresses) {
  if (node.is_string()) {
    const auto& s = node.get_ref<const std::string&>();
    node = addresses ? masker_.mask_address(s) : masker_.mask(s);
  } else if (node.is_array()) {
    for (auto& e : node) walk(e, addresses);
  } else if (node.is_object()) {
    for (auto it = node.begin(); it != node.end(); ++it) walk(it.value(), false);
  }
}

void MetadataMasker::mask_objects(Json& body) {
  if (masker_.redaction() == detect::Redaction::kClear) return;
  for (auto it = body.begin(); it != body.end(); ++it) {
    Json& obj = it.value();
    const bool mail = it.key() == "smtp" || it.key() == "email";
    if (!obj.is_object()) {
      walk(obj, false);
      continue;
    }
    for (auto f = obj.begin(); f != obj.end(); ++f)
      walk(f.value(), mail && is_address_key(f.key()));
  }
}

}  // namespace korgoo::output
