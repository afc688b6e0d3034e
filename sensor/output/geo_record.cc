#include "output/geo_record.h"

namespace korgoo::output {

Json geo_object(const policy::GeoFacts& g) {
  Json geo = Json::object();
  geo["dest_country"] = g.dest_country;
  geo["adequate"] = g.adequate;
  geo["domestic"] = g.domestic;
  if (g.is_private) geo["private"] = true;
  if (!g.basis.empty())
    geo["basis"] = {{"type", g.basis}, {"id", g.basis_id}, {"reference", g.basis_reference}};
  return geo;
}

}  // namespace korgoo::output
