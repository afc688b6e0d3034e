// The worker's contract with policy, driven by hand-built packets: policy is asked about a
// flow only when one of its tallies changed, and a flow a drop rule blocks loses every later
// packet of both directions (inline), while passive mode only reports.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "detect/generators.h"
#include "engine/worker.h"
#include "engine/worker_fixtures.h"

namespace korgoo::engine {
namespace {

using namespace fixtures;
namespace f = decode::tcp_flags;

// A synthetic personal number (valid check digit and date), never a real person's.
std::string test_pin() {
  return detect::testing::kg_pin_of('2', 15, 3, 1990, 123);
}

// One drop rule (instead of the shipped rules) for personal numbers leaving the organisation.
class DropRuleRuntime {
 public:
  DropRuleRuntime() {
    dir_ = std::filesystem::temp_directory_path() /
           ("korgoo-worker-policy-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "drop.yaml") << "rules:\n"
                                         "  - id: 9100001\n"
                                         "    rev: 1\n"
                                         "    signature: \"test: personal numbers leaving\"\n"
                                         "    category: \"Test\"\n"
                                         "    action: drop\n"
                                         "    severity: 1\n"
                                         "    condition:\n"
                                         "      direction: outbound\n"
                                         "      types_any: [kg_pin]\n";
    auto c = config::default_config(KORGOO_SOURCE_DIR);
    c.rule_paths = {dir_ / "drop.yaml"};
    rt_ = Runtime::build(std::move(c));
  }
  ~DropRuleRuntime() { std::filesystem::remove_all(dir_); }
  const Runtime& get() const { return *rt_; }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<Runtime> rt_;
};

// Handshake, then a request whose body carries `body`, then the server's answer and more
// client bytes; returns the frames and the index of the packet that carries the body.
Frames upload(const std::string& body, std::size_t& body_packet) {
  Frames fr;
  const std::string head = "POST /u HTTP/1.1\r\nHost: example.com\r\nContent-Length: " +
                           std::to_string(body.size() * 2) + "\r\n\r\n";
  fr.add(true, f::kSyn, 100, 0, "", 0);
  fr.add(false, f::kSyn | f::kAck, 500, 101, "", 0);
  fr.add(true, f::kAck, 101, 501, "", 0);
  std::uint32_t seq = 101;
  fr.add(true, f::kAck | f::kPsh, seq, 501, head, 1);
  seq += static_cast<std::uint32_t>(head.size());
  body_packet = fr.packets.size();
  fr.add(true, f::kAck | f::kPsh, seq, 501, body, 1);
  seq += static_cast<std::uint32_t>(body.size());
  fr.add(false, f::kAck, 501, seq, "", 1);
  fr.add(true, f::kAck | f::kPsh, seq, 501, std::string(body.size(), 'x'), 2);
  seq += static_cast<std::uint32_t>(body.size());
  fr.add(false, f::kAck | f::kPsh, 501, seq, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 2);
  return fr;
}

TEST(WorkerPolicy, PolicyIsAskedOnlyWhenATallyChanges) {
  const auto rt = runtime(0);
  RecordingSink sink;
  Worker w(*rt, sink, WorkerShare{});
  std::size_t body_packet = 0;
  Frames fr = upload("pin: " + test_pin() + "\n", body_packet);
  const auto& packets = fr.done();
  for (std::size_t i = 0; i < packets.size(); ++i) {
    w.process(packets[i]);
    // Nothing was found before the body: policy has not been asked; after it, exactly once,
    // however many packets without new personal data follow.
    EXPECT_EQ(w.stats().policy_evaluations, i < body_packet ? 0u : 1u) << "packet " << i;
  }
  w.finish({});
  EXPECT_EQ(w.stats().policy_evaluations, 1u);
}

TEST(WorkerPolicy, ABlockedFlowLosesEveryLaterPacketOfBothDirections) {
  const DropRuleRuntime rt;
  std::size_t body_packet = 0;
  for (const bool inline_mode : {true, false}) {
    RecordingSink sink;
    Worker w(rt.get(), sink, WorkerShare{}, inline_mode);
    Frames fr = upload("pin: " + test_pin() + "\n", body_packet);
    const auto& packets = fr.done();
    bool saw_to_client_drop = false;
    for (std::size_t i = 0; i < packets.size(); ++i) {
      const Verdict v = w.process(packets[i]);
      const bool dropped = v == Verdict::kDrop;
      EXPECT_EQ(dropped, inline_mode && i >= body_packet)
          << (inline_mode ? "inline" : "passive") << ", packet " << i;
      if (dropped && (i == body_packet + 1 || i == packets.size() - 1)) saw_to_client_drop = true;
    }
    w.finish({});
    EXPECT_EQ(saw_to_client_drop, inline_mode);
    const auto alerts = sink.of_type("alert");
    ASSERT_EQ(alerts.size(), 1u);
    EXPECT_EQ(alerts[0]->record["alert"]["action"], inline_mode ? "blocked" : "allowed");
    EXPECT_EQ(alerts[0]->record["verdict"]["action"], inline_mode ? "drop" : "alert");
    EXPECT_EQ(w.stats().alerts_blocked, inline_mode ? 1u : 0u);
  }
}

}  // namespace
}  // namespace korgoo::engine
