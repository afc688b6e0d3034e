#include "app/protocol_decoder.h"

namespace korgoo::app {

void AppStats::to_json(Json& out) const {
  out["http_transactions"] = http_transactions;
  out["http_parse_errors"] = http_parse_errors;
  out["decompress_errors"] = decompress_errors;
  out["decompress_limit_hits"] = decompress_limit_hits;
  out["encrypted_files"] = encrypted_files;
  out["smtp_transactions"] = smtp_transactions;
  out["smtp_parse_errors"] = smtp_parse_errors;
  out["mime_parts"] = mime_parts;
  out["ftp_commands"] = ftp_commands;
  out["ftp_data_flows"] = ftp_data_flows;
  out["dns_queries"] = dns_queries;
  out["dns_parse_errors"] = dns_parse_errors;
  out["tls_client_hellos"] = tls_client_hellos;
  out["tls_parse_errors"] = tls_parse_errors;
  out["opaque_bytes"] = opaque_bytes;
  out["gaps_in_app"] = gaps_in_app;
}

}  // namespace korgoo::app
