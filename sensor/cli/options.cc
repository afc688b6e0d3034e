#include "cli/options.h"

#include "config/icap_config_loader.h"

#include <getopt.h>

#include <cstdlib>
#include <iostream>
#include <utility>

namespace korgoo::cli {

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
  -w, --workers N     worker threads for -r and -i (threads:; default one per core); a
                      replay's output is the same for every N; -q runs one; ICAP
                      alone (no -r/-i/-q): its event loops (icap.threads)
      --each-file     with -r DIR: replay each capture on its own (fresh flows) into
                      OUTDIR/NAME.json (NAME with its extension: x.pcap -> x.pcap.json),
                      as separate runs sharing one start-up; colliding names are an error
  -v, --verbose       debug logging on stderr
  -V, --version
  -h, --help
)";

}  // namespace

void print_usage(std::ostream& out) {
  out << kUsage;
}

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
  if (o.workers) c.threads = *o.workers;
  const bool icap_alone = !o.read && !o.iface && !o.queues;
  if (o.workers && icap_alone) c.icap.threads = *o.workers;
  for (const auto& [set, key] : {std::pair{o.queues.has_value(), "inline.queues"},
                                 {o.bpf.has_value(), "capture.bpf"},
                                 {o.user.has_value(), "service.user"},
                                 {o.group.has_value(), "service.group"},
                                 {o.control.has_value(), "service.control_socket"},
                                 {o.pid_file.has_value(), "service.pid_file"},
                                 {o.workers.has_value(), "threads"},
                                 {o.workers.has_value() && icap_alone, "icap.threads"},
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
                                    {"workers", required_argument, nullptr, 'w'},
                                    {"icap", required_argument, nullptr, 'I'},
                                    {"version", no_argument, nullptr, 'V'},
                                    {"help", no_argument, nullptr, 'h'},
                                    {nullptr, 0, nullptr, 0}};
  int c;
  while ((c = getopt_long(argc, argv, "+c:r:i:q:l:F:w:vVhT", longopts, nullptr)) != -1) {
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
      case 'w': {
        char* end = nullptr;
        const unsigned long n = std::strtoul(optarg, &end, 10);
        if (end == optarg || *end != '\0' || n < 1 || n > config::kMaxThreads) {
          std::cerr << "korgoo: --workers: expected 1 to " << config::kMaxThreads << ", got '"
                    << optarg << "'\n";
          return 2;
        }
        o.workers = static_cast<unsigned>(n);
        break;
      }
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

}  // namespace korgoo::cli
