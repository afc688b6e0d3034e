// Address ranges that never belong to a foreign country: private, loopback, link-local, CGNAT,
// documentation, multicast and other special-purpose blocks (IANA special-purpose registries,
// RFC 6890). Data sent to them has not left for another jurisdiction by routing, so the policy
// treats them as "private" rather than looking them up.
#pragma once

#include "common/cidr_set.h"

namespace korgoo::policy {

CidrSet special_purpose_ranges();

}  // namespace korgoo::policy
