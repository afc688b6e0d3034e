// An app-layer record (http, smtp, dns, tls, fileinfo, ...): the header, then the app
// decoder's own object as the app stage shaped it (masked before it reached the engine),
// then any objects of a proxied exchange.
#pragma once

#include "common/json.h"
#include "output/eve_header.h"

namespace korgoo::output {

// `body`: {"http": {...}} and the like; `extra`: {"icap": {...}} or null.
Json app_record(const EveHeader& header, bool compress_v6, const Json& body, const Json* extra);

}  // namespace korgoo::output
