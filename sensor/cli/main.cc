// korgoo: the command line. Parses options, loads configuration, sets up logging and signal
// handling, then runs the mode asked for (cli/run_sensor, cli/run_scan, or a check).
#include <filesystem>
#include <iostream>
#include <system_error>

#include "cli/logging.h"
#include "cli/options.h"
#include "cli/run_scan.h"
#include "cli/run_sensor.h"
#include "config/config_dump.h"
#include "config/korgoo_config.h"
#include "detect/signature_listing.h"
#include "engine/runtime.h"
#include "ops/data_dir.h"
#include "ops/icap_run.h"
#include "ops/service_loop.h"
#include "policy/geo_resolver.h"

namespace fs = std::filesystem;
using namespace korgoo;
using namespace korgoo::cli;

int main(int argc, char** argv) {
  Options o;
  if (int rc = parse_options(argc, argv, o); rc >= 0) return rc;
  ops::block_service_signals();
  setup_logging(o, nullptr, "info");
  try {
    const auto data = ops::default_data_dir();
    config::Config cfg =
        o.config ? config::load_config(*o.config, data.path) : config::default_config(data.path);
    cfg.origins["data_dir"] = data.origin;
    apply_overrides(o, cfg);
    if (o.dump_config) {
      config::dump_config(cfg, std::cout);
      return 0;
    }
    auto rt = engine::Runtime::build(std::move(cfg));
    if (o.test_config) {
      const auto& pc = rt->policy->config();
      std::cout << "korgoo: configuration OK: " << rt->config.source_file << "\n"
                << "  signatures: " << rt->detect->signatures().size() << "\n"
                << "  rules: " << rt->policy->rules().size() << "\n"
                << "  home networks: " << rt->config.flow.home_networks.prefixes().size()
                << " prefixes; home country " << pc.home_country << "\n"
                << "  adequate countries: " << pc.adequate_countries.size()
                << "; legal bases: " << pc.legal_bases.size() << "\n"
                << "  geo: " << rt->policy->geo().describe() << "\n";
      return 0;
    }
    if (o.list_signatures) {
      detect::print_signatures(*rt->detect, std::cout);
      return 0;
    }
    if (o.scan) return run_scan(*rt, o.scan_files);

    std::error_code ec;
    fs::create_directories(o.log_dir, ec);
    if (ec) {
      std::cerr << "korgoo: " << o.log_dir.string() << ": cannot create: " << ec.message() << "\n";
      return 1;
    }
    const fs::path log_file = o.log_dir / rt->config.output.log_filename;
    create_log_file(log_file, rt->config.output.file_mode);
    auto log_sink = setup_logging(o, &log_file, rt->config.output.log_level, rt.get());
    if (!o.read && !o.iface && !o.queues) {
      if (rt->config.icap.enabled)
        return ops::run_icap(*rt, o.log_dir, log_sink.get(),
                             ops::ReloadSource{o.config, data.path,
                                               [&o](config::Config& c) { apply_overrides(o, c); }});
      print_usage(std::cerr);
      return 2;
    }
    return run_sensor(o, *rt, log_sink.get(), data.path);
  } catch (const std::exception& e) {
    std::cerr << "korgoo: " << e.what() << "\n";
    return 1;
  }
}
