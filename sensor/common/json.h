// The JSON type every stage uses for EVE content: insertion-ordered, so records print their
// keys in the order they were written and a replay is byte-identical.
#pragma once

#include <nlohmann/json.hpp>

namespace korgoo {
using Json = nlohmann::ordered_json;
}
