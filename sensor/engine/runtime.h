// What every worker shares, read-only: the configuration, the compiled signatures and the
// policy. Built at start; a reload builds a new one off the packet path and the worker adopts
// its reloadable parts between packets (adopt_reload). Engines are shared_ptr so that flows
// started before a reload keep the signature database their scan streams were opened on.
#pragma once

#include <memory>

#include "config/korgoo_config.h"
#include "detect/detect_engine.h"
#include "policy/policy_engine.h"

namespace korgoo::engine {

struct Runtime {
  config::Config config;
  std::shared_ptr<const detect::DetectEngine> detect;
  std::shared_ptr<const policy::PolicyEngine> policy;

  // Loads signatures and rules named by `config`; throws with file:line on any error.
  static std::unique_ptr<Runtime> build(config::Config config);

  // Takes signatures, rules and the policy section from `next` (a freshly built Runtime).
  // Other sections size structures built at start (flow table, buffers) and need a restart.
  // Call only on the thread that runs the workers, between packets.
  void adopt_reload(Runtime&& next);
};

}  // namespace korgoo::engine
