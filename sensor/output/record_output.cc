#include "output/record_output.h"

namespace korgoo::output {

std::string serialize_record(const Json& record) {
  // Invalid UTF-8 from the wire is replaced, never allowed to throw away a record.
  return record.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace korgoo::output
