// The ICAP service's inspection: the proxy's view of a request (X-Client-IP, the request's
// host, the server address it reports or a resolution) becomes the endpoints of a synthetic
// flow, and the encapsulated messages, re-framed as they crossed the wire, run through the
// worker's app layer, detection, policy and EVE records (Worker::inspect_exchange). A drop
// decision answers with the block page; anything else lets the message through.
#pragma once

#include <string>

#include "engine/runtime.h"
#include "engine/worker.h"
#include "icap/block_page.h"
#include "icap/destination.h"
#include "icap/icap_config.h"
#include "icap/icap_exchange.h"

namespace korgoo::engine {

class IcapInspection final : public icap::IcapInspector {
 public:
  // `worker` must have been made with inline_mode = config.enforce.
  IcapInspection(const Runtime& rt, Worker& worker, const icap::IcapConfig& config);

  icap::IcapVerdict inspect(const icap::IcapExchange& x) override;
  std::string budget_block_page(const icap::IcapRequest& icap) override;

 private:
  const Runtime& rt_;
  Worker& worker_;
  const icap::IcapConfig& config_;
  icap::DestinationResolver resolver_;
  icap::BlockPage block_page_;
};

}  // namespace korgoo::engine
