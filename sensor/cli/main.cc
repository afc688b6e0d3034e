// korgoo: the command line. Parses options, loads configuration, sets up logging and signal
// handling, then hands packets from the chosen source to the engine.
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "config/config_dump.h"
#include "config/icap_config_loader.h"
#include "config/korgoo_config.h"
#include "detect/signature_listing.h"
#include "detect/text_masker.h"
#include "engine/capture_loop.h"
#include "engine/each_file_names.h"
#include "engine/file_scan.h"
#include "engine/runtime.h"
#include "engine/worker.h"
#include "engine/worker_mailbox.h"
#include "ops/data_dir.h"
#include "ops/icap_run.h"
#include "ops/service_run.h"
#include "output/eve_writer.h"
#include "output/masking_log_sink.h"
#include "policy/geo_resolver.h"
#include "source/live_source.h"
#include "source/nfqueue_source.h"
#include "source/pcap_file_source.h"

namespace fs = std::filesystem;
using namespace korgoo;

namespace {

constexpr const char* kUsage = R"(usage:
  korgoo [-c CONFIG] -r PCAP|DIR [-l OUTDIR]    replay capture file(s)
  korgoo [-c CONFIG] -i IFACE [-F BPF] [-l OUTDIR]   capture from an interface
  korgoo [-c CONFIG] -q QUEUE[,QUEUE...] [-l OUTDIR] inline (NFQUEUE)
  korgoo [-c CONFIG] --icap [ADDR:]PORT [-l OUTDIR]  ICAP service for a proxy (docs/icap.md)
  korgoo [-c CONFIG] --test-config             check configuration, signatures, rules
  korgoo [-c CONFIG] --list-signatures         print the loaded signatures
  korgoo [-c CONFIG] --dump-config             print the effective configuration
  korgoo [-c CONFIG] scan FILE... | -          scan files at rest (decoded), one JSON line per file

options:
  -c, --config FILE   configuration (default: built-in defaults)
  -l, --log-dir DIR   where eve.json and korgoo.log go (default: .)
  -F, --bpf FILTER    BPF filter for -i
      --user USER, --group GROUP  after opening the capture, run as USER:GROUP
      --control SOCKET  control socket for korgoo-ctl (service.control_socket)
      --pid-file FILE   (service.pid_file)
      --dump-config     print every setting in effect and where it came from
      --each-file     with -r DIR: replay each capture on its own (fresh flows) into
                      OUTDIR/NAME.json (NAME with its extension: x.pcap -> x.pcap.json),
                      as separate runs sharing one start-up; colliding names are an error
  -v, --verbose       debug logging on stderr
  -V, --version
  -h, --help
)";

struct Options {
  std::optional<fs::path> config;
  std::optional<fs::path> read;
  std::optional<std::string> iface;
  std::optional<std::string> queues;
  std::optional<std::string> icap;  // --icap [ADDR:]PORT
  std::optional<std::string> bpf;
  fs::path log_dir = ".";
  bool test_config = false;
  bool list_signatures = false;
  bool verbose = false;
  bool each_file = false;
  std::vector<std::string> scan_files;
  bool scan = false;
  bool dump_config = false;
  std::optional<std::string> user, group, control, pid_file;
};

// Command-line settings that override the file; applied again on every reload.
void apply_overrides(const Options& o, config::Config& c) {
  if (o.queues) c.inline_mode.queues = config::parse_queue_list(*o.queues);
  if (o.bpf) c.capture.bpf = *o.bpf;
  if (o.user) c.service.user = *o.user;
  if (o.group) c.service.group = *o.group;
  if (o.control) c.service.control_socket = *o.control;
  if (o.pid_file) c.service.pid_file = *o.pid_file;
  if (o.icap) {
    config::parse_icap_listen(*o.icap, c.icap);
    c.icap.enabled = true;
  }
  for (const auto& [set, key] : {std::pair{o.queues.has_value(), "inline.queues"},
                                 {o.bpf.has_value(), "capture.bpf"},
                                 {o.user.has_value(), "service.user"},
                                 {o.group.has_value(), "service.group"},
                                 {o.control.has_value(), "service.control_socket"},
                                 {o.pid_file.has_value(), "service.pid_file"},
                                 {o.icap.has_value(), "icap.listen"}})
    if (set) c.origins[key] = "command line";
}

int parse_options(int argc, char** argv, Options& o) {
  static const option longopts[] = {{"config", required_argument, nullptr, 'c'},
                                    {"log-dir", required_argument, nullptr, 'l'},
                                    {"bpf", required_argument, nullptr, 'F'},
                                    {"test-config", no_argument, nullptr, 'T'},
                                    {"list-signatures", no_argument, nullptr, 'S'},
                                    {"verbose", no_argument, nullptr, 'v'},
                                    {"each-file", no_argument, nullptr, 'E'},
                                    {"dump-config", no_argument, nullptr, 'D'},
                                    {"user", required_argument, nullptr, 'U'},
                                    {"group", required_argument, nullptr, 'G'},
                                    {"control", required_argument, nullptr, 'C'},
                                    {"pid-file", required_argument, nullptr, 'P'},
                                    {"icap", required_argument, nullptr, 'I'},
                                    {"version", no_argument, nullptr, 'V'},
                                    {"help", no_argument, nullptr, 'h'},
                                    {nullptr, 0, nullptr, 0}};
  int c;
  while ((c = getopt_long(argc, argv, "+c:r:i:q:l:F:vVhT", longopts, nullptr)) != -1) {
    switch (c) {
      case 'c':
        o.config = optarg;
        break;
      case 'r':
        o.read = optarg;
        break;
      case 'i':
        o.iface = optarg;
        break;
      case 'q':
        o.queues = optarg;
        break;
      case 'l':
        o.log_dir = optarg;
        break;
      case 'F':
        o.bpf = optarg;
        break;
      case 'T':
        o.test_config = true;
        break;
      case 'S':
        o.list_signatures = true;
        break;
      case 'v':
        o.verbose = true;
        break;
      case 'E':
        o.each_file = true;
        break;
      case 'D':
        o.dump_config = true;
        break;
      case 'U':
        o.user = optarg;
        break;
      case 'G':
        o.group = optarg;
        break;
      case 'C':
        o.control = optarg;
        break;
      case 'P':
        o.pid_file = optarg;
        break;
      case 'I':
        o.icap = optarg;
        break;
      case 'V':
        std::cout << "korgoo " << KORGOO_VERSION << "\n";
        return 0;
      case 'h':
        std::cout << kUsage;
        return 0;
      default:
        std::cerr << kUsage;
        return 2;
    }
  }
  if (optind < argc && std::string(argv[optind]) == "scan") {
    o.scan = true;
    for (int i = optind + 1; i < argc; ++i) o.scan_files.emplace_back(argv[i]);
    if (o.scan_files.empty()) o.scan_files.emplace_back("-");
  } else if (optind < argc) {
    std::cerr << "korgoo: unexpected argument '" << argv[optind] << "'\n" << kUsage;
    return 2;
  }
  const int sources = (o.read ? 1 : 0) + (o.iface ? 1 : 0) + (o.queues ? 1 : 0);
  if (sources + (o.icap ? 1 : 0) > 1) {
    std::cerr << "korgoo: choose one of -r, -i, -q, --icap\n";
    return 2;
  }
  // No source: --icap, or a configuration whose icap section is enabled (checked once loaded).
  if (sources == 0 && !o.icap && !o.config && !o.test_config && !o.list_signatures && !o.scan &&
      !o.dump_config) {
    std::cerr << kUsage;
    return 2;
  }
  return -1;  // go on
}

// The log is appended to (a restart keeps what an earlier run said, a failed start included)
// and created with the EVE file's permissions.
void create_log_file(const fs::path& file, unsigned mode) {
  const int fd =
      ::open(file.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, static_cast<mode_t>(mode));
  if (fd >= 0) ::close(fd);
}

std::shared_ptr<ops::ReopenableFileSink> setup_logging(const Options& o, const fs::path* log_file,
                                                       const std::string& level,
                                                       const engine::Runtime* rt = nullptr) {
  std::shared_ptr<ops::ReopenableFileSink> reopenable;
  std::vector<spdlog::sink_ptr> sinks;
  auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  console->set_level(o.verbose ? spdlog::level::debug : spdlog::level::warn);
  sinks.push_back(console);
  if (log_file) {
    reopenable = std::make_shared<ops::ReopenableFileSink>(log_file->string());
    reopenable->set_level(spdlog::level::from_str(level));
    sinks.push_back(reopenable);
  }
  if (rt && rt->config.output.metadata != detect::Redaction::kClear) {
    auto masker = std::make_shared<detect::TextMasker>(*rt->detect, rt->config.output.metadata);
    for (auto& sink : sinks) {
      auto wrapped = std::make_shared<output::MaskingLogSink>(rt->detect, masker, sink);
      wrapped->set_level(sink->level());
      sink = wrapped;
    }
  }
  auto logger = std::make_shared<spdlog::logger>("korgoo", sinks.begin(), sinks.end());
  logger->set_level(o.verbose ? spdlog::level::debug : spdlog::level::from_str(level));
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
  return reopenable;
}

int run_scan(const engine::Runtime& rt, const std::vector<std::string>& files) {
  int rc = 0;
  auto scratch = rt.detect->make_scratch();
  detect::TextMasker masker(*rt.detect, rt.config.output.metadata);
  for (const auto& name : files) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (name != "-") {
      file.open(name, std::ios::binary);
      if (!file) {
        std::cerr << "korgoo: " << masker.mask(name) << ": cannot open\n";
        rc = 1;
        continue;
      }
      in = &file;
    }
    // The same tally shape as EVE's `pii`: counts, distinct counts and masked samples only;
    // `decoders` are the layers undone before scanning (gzip, utf16le, mime, base64, ...).
    const engine::FileScan scan = engine::scan_file(*rt.detect, *in, name, *scratch);
    Json line = Json::object();
    line["file"] = masker.mask(name);  // a file name can be personal data too
    line["decoders"] = scan.decoders;
    line["pii"] = scan.tally.to_json();
    if (!scan.problems.empty()) {
      line["problems"] = scan.problems;
      for (const auto& p : scan.problems)
        std::cerr << "korgoo: " << masker.mask(name) << ": " << p << "\n";
      rc = 1;
    }
    std::cout << line.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
  }
  return rc;
}

output::EveFileOptions eve_options(const engine::Runtime& rt) {
  output::EveFileOptions opt;
  opt.mode = rt.config.output.file_mode;
  opt.flush_interval = std::chrono::seconds(rt.config.output.flush_interval);
  return opt;
}

// --each-file: every capture of a folder as its own run (fresh worker, flows and EVE file),
// so that a regression suite of hundreds of captures pays the start-up cost once.
int run_each_file(const Options& o, const engine::Runtime& rt) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(*o.read))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  const engine::EachFilePlan plan = engine::plan_each_file(files, o.log_dir);
  if (!plan.errors.empty()) {
    for (const auto& e : plan.errors) std::cerr << "korgoo: " << e << "\n";
    return 2;
  }
  int rc = 0;
  std::atomic<bool> stop{false};
  for (const auto& [file, eve_path] : plan.runs) {
    try {
      source::PcapFileSource source(file);
      output::EveWriter eve(eve_path, eve_options(rt));
      engine::Worker worker(rt, eve);
      engine::run_capture(source, worker, stop, false);
      eve.flush();
      if (source.stats().read_errors || eve.lost()) rc = 1;
    } catch (const std::exception& e) {
      spdlog::error("{}", e.what());
      rc = 1;
    }
  }
  std::cout << "korgoo: replayed " << files.size() << " captures one by one into "
            << o.log_dir.string() << "\n";
  return rc;
}

int run_sensor(const Options& o, engine::Runtime& rt, ops::ReopenableFileSink* log_sink,
               const fs::path& data_dir) {
  if (o.each_file) {
    if (!o.read || !fs::is_directory(*o.read)) {
      std::cerr << "korgoo: --each-file needs -r DIR\n";
      return 2;
    }
    return run_each_file(o, rt);
  }
  std::unique_ptr<source::PacketSource> source;
  const bool live = o.iface.has_value() || o.queues.has_value();
  if (o.read) {
    source = std::make_unique<source::PcapFileSource>(*o.read, o.bpf.value_or(""));
  } else if (o.iface) {
    auto cfg = rt.config.capture;
    cfg.interface = *o.iface;
    if (o.bpf) cfg.bpf = *o.bpf;
    source = std::make_unique<source::LiveSource>(cfg);
  } else {
    source::NfqueueConfig cfg;
    cfg.queues = rt.config.inline_mode.queues;
    cfg.fail_open = rt.config.inline_mode.fail_open;
    cfg.queue_maxlen = static_cast<std::uint32_t>(rt.config.inline_mode.queue_maxlen);
    cfg.bypass_mark = rt.config.inline_mode.bypass_mark;
    source = std::make_unique<source::NfqueueSource>(cfg);
  }
  const fs::path eve_path = o.log_dir / rt.config.output.eve_filename;
  output::EveWriter eve(eve_path, eve_options(rt));
  // What the log and the summary echo (a capture file's name) is masked like EVE metadata.
  detect::TextMasker masker(*rt.detect, rt.config.output.metadata);
  const std::string described = masker.mask(source->describe());
  spdlog::info("korgoo {} reading {}, writing {}", KORGOO_VERSION, described, eve_path.string());
  if (rt.config.output.metadata == detect::Redaction::kClear)
    spdlog::warn(
        "outputs.eve.metadata is clear: identifiers in URLs, file names, addresses and "
        "DNS names are written unmasked to {}",
        eve_path.string());
  spdlog::default_logger()->flush();  // tools wait for this line to know the sensor is up
  std::atomic<bool> stop{false};
  engine::Worker worker(rt, eve, source->is_inline());
  engine::WorkerMailbox mailbox;
  int stop_signal = 0;
  {
    ops::ServiceRun service(ops::ServiceRunParams{
        rt, mailbox, eve, log_sink, *source,
        ops::ReloadSource{o.config, data_dir, [&o](config::Config& c) { apply_overrides(o, c); }},
        [&](int sig) {
          stop_signal = sig;
          stop.store(true);
          source->stop();
        },
        live, !live && isatty(STDERR_FILENO) != 0});
    engine::run_capture(*source, worker, stop, live, &mailbox);
  }
  const auto& s = source->stats();
  eve.flush();
  std::cout << "korgoo: " << s.packets << " packets from " << described << "; "
            << worker.stats().alerts << " alerts, " << worker.stats().flows_with_pii
            << " flows with personal data" << (stop_signal == SIGINT ? " (interrupted)" : "")
            << "\n";
  if (s.skipped_files)
    std::cout << "korgoo: " << s.skipped_files << " files skipped: not captures\n";
  std::cout << "korgoo: " << eve.records() << " EVE records in " << eve_path.string() << " (";
  bool first = true;
  for (const auto& [type, n] : eve.by_type()) {
    std::cout << (first ? "" : ", ") << type << " " << n;
    first = false;
  }
  std::cout << "); log in " << (o.log_dir / rt.config.output.log_filename).string() << "\n";
  if (eve.lost()) {
    std::cout << "korgoo: " << eve.lost() << " EVE records could not be written ("
              << eve.write_errors() << " failed writes, see the log)\n";
    spdlog::error("{} EVE records could not be written to {}", eve.lost(), eve_path.string());
    return 1;
  }
  if (stop_signal == SIGINT) return 130;
  return s.read_errors ? 1 : 0;
}

}  // namespace

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
      if (rt->config.icap.enabled) return ops::run_icap(*rt, o.log_dir);
      std::cerr << kUsage;
      return 2;
    }
    return run_sensor(o, *rt, log_sink.get(), data.path);
  } catch (const std::exception& e) {
    std::cerr << "korgoo: " << e.what() << "\n";
    return 1;
  }
}
