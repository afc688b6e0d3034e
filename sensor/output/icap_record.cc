#include "output/icap_record.h"

namespace korgoo::output {

Json icap_object(const IcapFacts& f) {
  Json icap = {{"service", f.service},
               {"method", f.method},
               {"client", f.client},
               {"server_address_from", f.address_from.empty() ? "unknown" : f.address_from}};
  if (!f.user_hash.empty()) icap["user_hash"] = f.user_hash;
  if (f.body_truncated) icap["body_truncated"] = true;
  return icap;
}

}  // namespace korgoo::output
