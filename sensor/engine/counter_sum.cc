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

Json merge_worker_counters(const std::vector<const Json*>& shares, CaptureCounters capture) {
  Json total = *shares.front();
  for (std::size_t i = 1; i < shares.size(); ++i) add_counters(total, *shares[i]);
  const auto first_capture = shares.front()->find("capture");
  if (capture == CaptureCounters::kShared && first_capture != shares.front()->end())
    total["capture"] = *first_capture;
  total.erase("busy_seconds");
  Json per_worker = Json::array();
  for (const Json* s : shares) {
    const auto decoder = s->find("decoder");
    const auto flow = s->find("flow");
    Json w = {{"packets", decoder != s->end() ? decoder->value("packets", std::uint64_t{0}) : 0},
              {"flows", flow != s->end() ? flow->value("created", std::uint64_t{0}) : 0}};
    if (capture == CaptureCounters::kPerWorker) {
      const auto cap = s->find("capture");
      w["kernel_drops"] = cap != s->end() ? cap->value("kernel_drops", std::uint64_t{0}) : 0;
    }
    if (const auto busy = s->find("busy_seconds"); busy != s->end()) w["busy_seconds"] = *busy;
    per_worker.push_back(std::move(w));
  }
  total["workers"] = std::move(per_worker);
  return total;
}

}  // namespace korgoo::engine
