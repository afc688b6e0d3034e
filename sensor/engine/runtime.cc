#include "engine/runtime.h"

#include <algorithm>

#include "config/config_error.h"
#include "policy/geo_resolver.h"
#include "policy/rule_loader.h"

namespace korgoo::engine {

namespace {

// Without one enabled alert or drop rule the policy reports nothing: every flow passes
// unreported, which looks exactly like a network without personal data. Refused at start, on
// reload and by --test-config.
std::string no_rule_message(const config::Config& config) {
  std::string paths;
  for (const auto& p : config.rule_paths) paths += (paths.empty() ? "" : ", ") + p.string();
  const auto origin = config.origins.find("rules");
  const std::string where = origin != config.origins.end() ? origin->second : config.source_file;
  return where + ": key 'rules': no enabled alert or drop rule in " +
         (paths.empty() ? "(none)" : paths) + ": no alert can ever fire";
}

}  // namespace

std::unique_ptr<Runtime> Runtime::build(config::Config config) {
  auto rt = std::make_unique<Runtime>();
  rt->detect = detect::DetectEngine::create(config.detect);
  // Rules may only name data types that some signature produces: a typo must not silently
  // make a rule dead.
  policy::RuleLoadOptions options;
  for (const auto& sig : rt->detect->signatures()) options.known_types.push_back(sig.type);
  auto rules = policy::RuleLoader(options).load_paths(config.rule_paths);
  if (std::none_of(rules.begin(), rules.end(),
                   [](const policy::Rule& r) { return r.action != policy::RuleAction::kPass; }))
    throw config::ConfigError(no_rule_message(config));
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
