// Passes every string of an EVE record's app-layer objects (http, smtp, email, dns, tls,
// fileinfo, ftp, ...) through the identifier masker before the record is written, so that
// the EVE file never becomes a store of the personal data it reports on. Address fields of
// smtp and email objects get address masking (display name dropped, local part masked, domain
// kept); every other string gets identifier masking. See docs/eve.md.
#pragma once

#include "common/json.h"
#include "detect/text_masker.h"

namespace korgoo::output {

class MetadataMasker {
 public:
  explicit MetadataMasker(detect::TextMasker& masker) : masker_(masker) {}
  // Masks, in place, every string inside the objects of `body` (an app record's objects).
  void mask_objects(Json& body);

 private:
  void walk(Json& node, bool addresses);
  detect::TextMasker& masker_;
};

}  // namespace korgoo::output
