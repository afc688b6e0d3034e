#include "policy/adequate_countries.h"

namespace korgoo::policy {

std::vector<std::string> default_adequate_countries() {
  return {
      // The 46 Council of Europe member states, all parties to Convention 108 (ETS 108).
      "AL",
      "AD",
      "AM",
      "AT",
      "AZ",
      "BE",
      "BA",
      "BG",
      "HR",
      "CY",
      "CZ",
      "DK",
      "EE",
      "FI",
      "FR",
      "GE",
      "DE",
      "GR",
      "HU",
      "IS",
      "IE",
      "IT",
      "LV",
      "LI",
      "LT",
      "LU",
      "MT",
      "MD",
      "MC",
      "ME",
      "NL",
      "MK",
      "NO",
      "PL",
      "PT",
      "RO",
      "SM",
      "RS",
      "SK",
      "SI",
      "ES",
      "SE",
      "CH",
      "TR",
      "UA",
      "GB",
      // Non-member states that acceded: Argentina, Cabo Verde, Mauritius, Mexico, Morocco,
      // Senegal, Tunisia, Uruguay.
      "AR",
      "CV",
      "MU",
      "MX",
      "MA",
      "SN",
      "TN",
      "UY",
      // Russia ratified in 2013 (in force 1 Sep 2013) and left the Council of Europe in 2022;
      // Convention 108 is open to non-members and no denunciation was found [U]. The operator
      // should confirm its status against the CoE treaty office chart before relying on it.
      "RU",
  };
}

}  // namespace korgoo::policy
