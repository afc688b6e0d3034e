#include "output/pii_record.h"

namespace korgoo::output {

Json pii_object(const detect::Tally& tally) {
  Json out = Json::object();
  for (const auto& type : tally.types()) {  // sorted
    Json entry = Json::object();
    entry["count"] = tally.count(type);
    entry["distinct"] = tally.distinct(type);
    entry["samples"] = tally.samples(type);
    out[type] = std::move(entry);
  }
  return out;
}

}  // namespace korgoo::output
