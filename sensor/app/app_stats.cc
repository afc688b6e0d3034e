#include "app/protocol_decoder.h"

namespace korgoo::app {

// The keys' order is the stats record's, unchanged since the counters were one flat struct.
void AppStats::to_json(Json& out) const {
  http.to_json(out);
  out["decompress_errors"] = decompress_errors;
  out["decompress_limit_hits"] = decompress_limit_hits;
  out["encrypted_files"] = encrypted_files;
  smtp.to_json(out);
  ftp.to_json(out);
  dns.to_json(out);
  tls.to_json(out);
  out["opaque_bytes"] = opaque_bytes;
  out["gaps_in_app"] = gaps_in_app;
}

}  // namespace korgoo::app
