#include "engine/counter_sum.h"

namespace korgoo::engine {

void add_counters(Json& into, const Json& add) {
  if (into.is_object() && add.is_object()) {
    for (auto it = add.begin(); it != add.end(); ++it) {
      auto at = into.find(it.key());
      if (at == into.end())
        into[it.key()] = it.value();
      else
        add_counters(*at, it.value());
    }
  } else if (into.is_number_unsigned() && add.is_number_unsigned()) {
    into = into.get<std::uint64_t>() + add.get<std::uint64_t>();
  } else if (into.is_number_integer() && add.is_number_integer()) {
    into = into.get<std::int64_t>() + add.get<std::int64_t>();
  } else if (into.is_number() && add.is_number()) {
    into = into.get<double>() + add.get<double>();
  }
}

}  // namespace korgoo::engine
