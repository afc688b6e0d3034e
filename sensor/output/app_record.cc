#include "output/app_record.h"

namespace korgoo::output {

Json app_record(const EveHeader& header, bool compress_v6, const Json& body, const Json* extra) {
  Json rec = make_record(header, compress_v6);
  append_fields(rec, body);
  if (extra) append_fields(rec, *extra);
  return rec;
}

}  // namespace korgoo::output
