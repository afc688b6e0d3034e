// What every worker shares, read-only, for the life of a run: the configuration, the compiled
// signatures and the policy. Built once at start (and again on reload); never mutated.
#pragma once

#include <memory>

#include "config/korgoo_config.h"
#include "detect/detect_engine.h"
#include "policy/policy_engine.h"

namespace korgoo::engine {

struct Runtime {
  config::Config config;
  std::unique_ptr<detect::DetectEngine> detect;
  std::unique_ptr<policy::PolicyEngine> policy;

  // Loads signatures and rules named by `config`; throws with file:line on any error.
  static std::unique_ptr<Runtime> build(config::Config config);
};

}  // namespace korgoo::engine
