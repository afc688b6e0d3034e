#include "output/flow_record.h"

#include "output/geo_record.h"
#include "output/pii_record.h"

namespace korgoo::output {

Json flow_record(const FlowRecordFacts& f) {
  Json rec = make_record(f.header, f.compress_v6);
  Json& fl = rec["flow"];
  fl["pkts_toserver"] = f.pkts_toserver;
  fl["pkts_toclient"] = f.pkts_toclient;
  fl["bytes_toserver"] = f.bytes_toserver;
  fl["bytes_toclient"] = f.bytes_toclient;
  fl["start"] = format_iso8601(f.start);
  fl["end"] = format_iso8601(f.end);
  fl["age"] = (f.end.usec - f.start.usec) / kUsecPerSec;
  fl["state"] = f.state;
  fl["reason"] = f.reason;
  fl["alerted"] = f.alerted;
  if (f.blocked) fl["action"] = "blocked";
  if (f.pii && !f.pii->empty()) rec["pii"] = pii_object(*f.pii);
  rec["geo"] = geo_object(f.geo);
  return rec;
}

}  // namespace korgoo::output
