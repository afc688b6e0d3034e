// ISO 3166-1 alpha-2 codes, so that a typo in a country list ("UK", "KZ " or "RUS") is a
// config error at start instead of a rule that silently never matches.
#pragma once

#include <string>
#include <string_view>

namespace korgoo::policy {

// True for the 249 officially assigned ISO 3166-1 alpha-2 codes (upper case).
bool is_iso_country(std::string_view code);

// True for codes accepted in configuration: the assigned codes plus "EU", the exceptionally
// reserved code that geo databases return for ranges registered to the European Union as a whole.
bool is_accepted_country(std::string_view code);

// Upper-cases a code as written in config ("de" -> "DE"); the caller still validates it.
std::string normalize_country(std::string_view code);

}  // namespace korgoo::policy
