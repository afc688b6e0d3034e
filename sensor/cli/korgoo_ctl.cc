// korgoo-ctl: asks a running sensor, over its control socket, for its counters or to reload,
// reopen its files, say its version or stop. Prints the sensor's JSON answer on stdout.
// Exit status: 0 done, 1 the sensor answered that the command failed, 2 usage, 3 the sensor
// could not be reached (no socket, no permission, not answering).
#include <getopt.h>

#include <cerrno>
#include <cstdlib>
#include <iostream>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "ctl/control_client.h"

namespace {

constexpr const char* kDefaultSocket = "/run/korgoo/korgoo.ctl";
constexpr int kFailed = 1, kUsage = 2, kUnreachable = 3;

constexpr const char* kUsageText = R"(usage: korgoo-ctl [--socket PATH] [--pretty] COMMAND

commands:
  stats      every counter, as the EVE stats record, plus alerts by sid and reload counts
  reload     reload signatures, rules and policy (as SIGHUP); a bad file keeps the old set
  reopen     reopen eve.json and korgoo.log (as SIGUSR2, after logrotate)
  version    the sensor's version
  shutdown   stop the sensor (as SIGTERM)

options:
  -s, --socket PATH  the sensor's control socket (default /run/korgoo/korgoo.ctl,
                     or KORGOO_CTL_SOCKET)
  -p, --pretty       indent the JSON answer
  -t, --timeout SEC  how long to wait for the answer (default 30)
  -h, --help

exit status: 0 done, 1 the command failed, 2 usage, 3 sensor not reachable
)";

// Why a connect failed, in the admin's terms.
std::string hint_for(int error_number) {
  switch (error_number) {
    case ENOENT:
      return "no such socket: is korgoo running with --control (service.control_socket)?";
    case EACCES:
    case EPERM:
      return "permission denied: run as root or as a member of the sensor's group";
    case ECONNREFUSED:
      return "nobody listening: the sensor has stopped (a stale socket)";
    default:
      return "";
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string socket = kDefaultSocket;
  if (const char* env = std::getenv("KORGOO_CTL_SOCKET"); env && *env) socket = env;
  bool pretty = false;
  long timeout = 30;
  static const option longopts[] = {{"socket", required_argument, nullptr, 's'},
                                    {"pretty", no_argument, nullptr, 'p'},
                                    {"timeout", required_argument, nullptr, 't'},
                                    {"help", no_argument, nullptr, 'h'},
                                    {nullptr, 0, nullptr, 0}};
  int c;
  while ((c = getopt_long(argc, argv, "+s:pt:h", longopts, nullptr)) != -1) {
    switch (c) {
      case 's':
        socket = optarg;
        break;
      case 'p':
        pretty = true;
        break;
      case 't': {
        char* end = nullptr;
        timeout = std::strtol(optarg, &end, 10);
        if (*end != '\0' || timeout <= 0) {
          std::cerr << "korgoo-ctl: --timeout wants a positive number of seconds\n";
          return kUsage;
        }
        break;
      }
      case 'h':
        std::cout << kUsageText;
        return 0;
      default:
        std::cerr << kUsageText;
        return kUsage;
    }
  }
  if (optind + 1 != argc) {
    std::cerr << (optind == argc ? "korgoo-ctl: which command?\n" : "korgoo-ctl: one command\n")
              << kUsageText;
    return kUsage;
  }
  const std::string command = argv[optind];
  static const std::set<std::string> known = {"stats", "reload", "reopen", "version", "shutdown"};
  if (!known.count(command)) {
    std::cerr << "korgoo-ctl: unknown command '" << command
              << "' (expected stats, reload, reopen, version, shutdown)\n";
    return kUsage;
  }
  std::string reply;
  try {
    reply = korgoo::ctl::control_request(socket, command, std::chrono::seconds(timeout));
  } catch (const korgoo::ctl::Unreachable& e) {
    const std::string hint = hint_for(e.error_number());
    std::cerr << "korgoo-ctl: " << e.what() << (hint.empty() ? "" : "\n  " + hint) << "\n";
    return kUnreachable;
  } catch (const std::exception& e) {
    std::cerr << "korgoo-ctl: " << e.what() << "\n";
    return kUnreachable;
  }
  if (reply.empty()) {
    std::cerr << "korgoo-ctl: " << socket << ": the sensor closed without answering\n";
    return kUnreachable;
  }
  const auto json = nlohmann::json::parse(reply, nullptr, false);
  if (json.is_discarded()) {
    std::cerr << "korgoo-ctl: " << socket << ": not a JSON answer: " << reply.substr(0, 200)
              << "\n";
    return kFailed;
  }
  std::cout << (pretty ? json.dump(2) : reply) << "\n";
  if (json.is_object() && json.value("result", "") == "failed") {
    std::cerr << "korgoo-ctl: " << command << " failed: " << json.value("error", "no reason given")
              << "\n";
    return kFailed;
  }
  return 0;
}
