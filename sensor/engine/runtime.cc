#include "engine/runtime.h"

#include "policy/geo_resolver.h"
#include "policy/rule_loader.h"

namespace korgoo::engine {

std::unique_ptr<Runtime> Runtime::build(config::Config config) {
  auto rt = std::make_unique<Runtime>();
  rt->detect = detect::DetectEngine::create(config.detect);
  // Rules may only name data types that some signature produces: a typo must not silently
  // make a rule dead.
  policy::RuleLoadOptions options;
  for (const auto& sig : rt->detect->signatures()) options.known_types.push_back(sig.type);
  auto rules = policy::RuleLoader(options).load_paths(config.rule_paths);
  rt->policy = std::make_unique<policy::PolicyEngine>(
      config.policy, std::move(rules), policy::GeoResolver::from_config(config.policy.geo));
  rt->config = std::move(config);
  return rt;
}

void Runtime::adopt_reload(Runtime&& next) {
  detect = std::move(next.detect);
  policy = std::move(next.policy);
  config.detect = std::move(next.config.detect);
  config.rule_paths = std::move(next.config.rule_paths);
  config.policy = std::move(next.config.policy);
}

}  // namespace korgoo::engine
