// The `icap` object every record of a proxied exchange carries: which service and method the
// proxy used, who the client was and how the server's address was found. The user's name
// never appears, only its keyed hash.
#pragma once

#include <string>
#include <string_view>

#include "common/json.h"

namespace korgoo::output {

struct IcapFacts {
  std::string_view service;       // the ICAP service name (icap.service)
  std::string_view method;        // "REQMOD" / "RESPMOD"
  std::string client;             // X-Client-IP as written in EVE, "" when absent
  std::string_view address_from;  // where the server address came from; "" = unknown
  std::string user_hash;          // hex keyed hash of the user name; "" = no user header
  bool body_truncated = false;
};

Json icap_object(const IcapFacts& f);

}  // namespace korgoo::output
