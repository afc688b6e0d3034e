// The shipped default for `policy.adequate_countries`. Kyrgyz law allows cross-border transfer
// to countries that "ensure adequate protection" but no official list was found (see
// docs/rules.md); the default follows the regional precedent of treating the parties to Council
// of Europe Convention 108 as adequate. It is a default the operator must review, not a ruling.
#pragma once

#include <string>
#include <vector>

namespace korgoo::policy {

std::vector<std::string> default_adequate_countries();

}  // namespace korgoo::policy
