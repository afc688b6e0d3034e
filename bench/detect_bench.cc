// Detect stage throughput against a bare Hyperscan scan of the same database, for the database
// as compiled (pattern_database.h: shared candidate shapes confirmed in block mode) and for the
// patterns as written (DetectConfig::rewrite_patterns = false, the database before issue 15's
// "database built for speed"), and where the detect stage's time goes.
//
// The corpus is generated deterministically: prose in Russian, Kyrgyz and English, JSON API
// records and log lines, with identifiers (valid and near misses) at a density of roughly one
// candidate per 300 bytes. Every benchmark scans it as one stream per flow in fixed-size
// chunks.
//
//   BM_DetectStage / BM_DetectStageAsWritten   the whole FlowDetector::scan
//   BM_BareHyperscan / BM_BareAsWritten        hs_scan_stream alone, no-op callback
//   BM_ScanAndConfirm                          the stream scan plus the block-mode
//                                              confirmation of every candidate (no validator)
//   BM_TallyPerValue                           keyed hash + tally + masked sample of one value
// Where the time goes, per MB: scan = BareHyperscan; confirm = ScanAndConfirm - scan;
// tallies = TallyPerValue x values_per_MB; validators (and match bookkeeping) = DetectStage -
// ScanAndConfirm - tallies.
//
//   ./detect_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <hs/hs.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "detect/detect.h"
#include "detect/masking.h"

namespace {

using korgoo::ByteView;
using korgoo::Direction;
using korgoo::detect::DetectConfig;
using korgoo::detect::DetectEngine;
using korgoo::detect::FlowDetector;
using korgoo::detect::Scratch;

constexpr std::size_t kCorpusBytes = 8 << 20;

// Appends pieces (GCC 12 warns falsely on `"literal" + std::string&&` under -O3).
template <class... Parts>
std::string join(const Parts&... parts) {
  std::string out;
  (out.append(parts), ...);
  return out;
}

class CorpusWriter {
 public:
  explicit CorpusWriter(std::uint64_t seed) : rng_(seed) {}

  std::string build(std::size_t size) {
    std::string out;
    out.reserve(size + 4096);
    while (out.size() < size) {
      switch (uniform(0, 9)) {
        case 0:
        case 1:
        case 2:
        case 3:
          prose(out);
          break;
        case 4:
        case 5:
        case 6:
          json(out);
          break;
        default:
          log(out);
          break;
      }
    }
    return out;
  }

 private:
  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  std::string digits(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s.push_back(static_cast<char>('0' + uniform(0, 9)));
    return s;
  }
  std::string pad(int v, int w) {
    std::string s = std::to_string(v);
    s.insert(0, static_cast<std::size_t>(std::max(0, w - static_cast<int>(s.size()))), '0');
    return s;
  }
  std::string pin() {
    return join(std::string(1, static_cast<char>('1' + uniform(0, 1))), pad(uniform(1, 28), 2),
                pad(uniform(1, 12), 2), std::to_string(uniform(1950, 2015)), digits(5));
  }
  std::string card() {
    std::string body = join("4", digits(14));
    int sum = 0;
    bool twice = true;
    for (auto it = body.rbegin(); it != body.rend(); ++it) {
      int d = *it - '0';
      if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
      twice = !twice;
    }
    body.push_back(static_cast<char>('0' + (10 - sum % 10) % 10));
    return body;
  }
  std::string phone() {
    return join("+996 ", std::to_string(uniform(550, 559)), " ", digits(3), " ", digits(3));
  }
  std::string email() {
    static const char* kNames[] = {"aibek", "aidana", "nurlan", "asel", "ivan", "test"};
    return join(kNames[uniform(0, 5)], ".", digits(2), "@mail.kg");
  }
  // Something number-shaped: an identifier, a near miss or an ordinary number.
  std::string value() {
    switch (uniform(0, 9)) {
      case 0:
        return pin();
      case 1:
        return card();
      case 2:
        return phone();
      case 3:
        return email();
      case 4:
        return join("1", digits(12));  // millisecond timestamp
      case 5:
        return join("ORD-", digits(8));
      case 6:
        return join("AN", digits(7));
      default:
        return digits(uniform(1, 6));
    }
  }

  void prose(std::string& out) {
    static const char* kSentences[] = {
        "Сиздин арызыңыз кабыл алынды жана каралууда. ",
        "Уважаемый клиент, ваша заявка принята в обработку, ожидайте ответа специалиста. ",
        "The quarterly report covers revenue, operating costs and the outlook for next year. ",
        "Бишкек шаарында аба ырайы бүгүн ачык болот, кечинде жаан жаашы мүмкүн. ",
        "Пожалуйста, проверьте данные перед отправкой формы. ",
        "Meeting notes: discussed the migration plan, owners assigned, follow-up on Friday. ",
    };
    for (int i = uniform(2, 6); i > 0; --i) out += kSentences[uniform(0, 5)];
    out += join("Маалымат: ", value(), ".\n");
  }
  void json(std::string& out) {
    out += join("{\"id\":", digits(6), ",\"name\":\"Test User\",\"ref\":\"", value(),
                "\",\"status\":\"active\",\"updated\":\"2024-03-", pad(uniform(1, 28), 2),
                "T10:00:00Z\",\"note\":\"", value(), "\",\"tags\":[\"a\",\"b\"]}\n");
  }
  void log(std::string& out) {
    out += join("2024-03-", pad(uniform(1, 28), 2), " 12:", pad(uniform(0, 59), 2), ":",
                pad(uniform(0, 59), 2), ".123 INFO  [worker-", std::to_string(uniform(1, 8)),
                "] request_id=", digits(8), " user=", value(),
                " latency_ms=", std::to_string(uniform(1, 900)), " path=/api/v1/items/", digits(4),
                "\n");
  }

  std::mt19937_64 rng_;
};

struct Fixture {
  explicit Fixture(bool rewrite) {
    DetectConfig c;
    c.signature_paths = {std::string(KORGOO_SOURCE_DIR) + "/signatures"};
    c.hash_key = "000102030405060708090a0b0c0d0e0f";
    c.rewrite_patterns = rewrite;
    engine = DetectEngine::create(c);
    scratch = engine->make_scratch();
    corpus = CorpusWriter(2024).build(kCorpusBytes);
  }
  std::unique_ptr<DetectEngine> engine;
  std::unique_ptr<Scratch> scratch;
  std::string corpus;
};

Fixture& fixture() {
  static Fixture f(true);
  return f;
}

Fixture& as_written() {
  static Fixture f(false);
  return f;
}

// (a) The whole detect stage: Hyperscan, tail keeping, validators, tallies.
void detect_stage(benchmark::State& state, Fixture& f) {
  const auto chunk = static_cast<std::size_t>(state.range(0));
  const ByteView all = korgoo::as_bytes(f.corpus);
  for (auto _ : state) {
    FlowDetector fd(*f.engine);
    for (std::size_t pos = 0; pos < all.size(); pos += chunk) {
      fd.scan(Direction::kToServer, korgoo::kRawView,
              all.subspan(pos, std::min(chunk, all.size() - pos)), *f.scratch);
    }
    fd.end_all(*f.scratch);
    benchmark::DoNotOptimize(fd.tally(Direction::kToServer).count("kg_pin"));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * all.size()));
  const std::uint64_t candidates_before = f.scratch->stats().candidates;
  FlowDetector fd(*f.engine);
  fd.scan(Direction::kToServer, korgoo::kRawView, all, *f.scratch);
  fd.end_all(*f.scratch);
  state.counters["candidates_per_MB"] =
      static_cast<double>(f.scratch->stats().candidates - candidates_before) /
      (static_cast<double>(all.size()) / 1e6);
  std::uint64_t values = 0;
  for (const auto& t : fd.tally(Direction::kToServer).types())
    values += fd.tally(Direction::kToServer).count(t);
  state.counters["values_per_MB"] =
      static_cast<double>(values) / (static_cast<double>(all.size()) / 1e6);
}

void BM_DetectStage(benchmark::State& state) {
  detect_stage(state, fixture());
}
void BM_DetectStageAsWritten(benchmark::State& state) {
  detect_stage(state, as_written());
}

int no_op(unsigned, unsigned long long, unsigned long long, unsigned, void*) {
  return 0;
}

// (b) A bare streaming scan of the same database with a no-op callback.
void bare_scan(benchmark::State& state, Fixture& f) {
  const auto chunk = static_cast<std::size_t>(state.range(0));
  const hs_database_t* db = f.engine->database().get();
  hs_scratch_t* scratch = f.scratch->hs();
  for (auto _ : state) {
    hs_stream_t* stream = nullptr;
    hs_open_stream(db, 0, &stream);
    for (std::size_t pos = 0; pos < f.corpus.size(); pos += chunk) {
      hs_scan_stream(stream, f.corpus.data() + pos,
                     static_cast<unsigned>(std::min(chunk, f.corpus.size() - pos)), 0, scratch,
                     no_op, nullptr);
    }
    hs_close_stream(stream, scratch, no_op, nullptr);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.corpus.size()));
}

void BM_BareHyperscan(benchmark::State& state) {
  bare_scan(state, fixture());
}
void BM_BareAsWritten(benchmark::State& state) {
  bare_scan(state, as_written());
}

struct Confirming {
  unsigned long long length = 0;
  std::uint64_t found = 0;
};

int count_at_end(unsigned, unsigned long long, unsigned long long to, unsigned, void* ctx) {
  auto* c = static_cast<Confirming*>(ctx);
  c->found += to == c->length ? 1 : 0;
  return 0;
}

int collect(unsigned id, unsigned long long, unsigned long long to, unsigned, void* ctx) {
  static_cast<std::vector<korgoo::detect::RawMatch>*>(ctx)->push_back({to, id});
  return 0;
}

// (c) The stream scan and the confirmation of each candidate end in block mode, as
// FlowDetector does them, without validators: what the compiled database costs in all.
void BM_ScanAndConfirm(benchmark::State& state) {
  using korgoo::detect::PatternDatabase;
  Fixture& f = fixture();
  const auto chunk = static_cast<std::size_t>(state.range(0));
  const PatternDatabase& db = f.engine->database();
  hs_scratch_t* scratch = f.scratch->hs();
  std::vector<korgoo::detect::RawMatch> hits;
  std::uint64_t candidates = 0;
  std::uint64_t confirmed = 0;
  for (auto _ : state) {
    candidates = confirmed = 0;
    hs_stream_t* stream = nullptr;
    hs_open_stream(db.get(), 0, &stream);
    for (std::size_t pos = 0; pos < f.corpus.size(); pos += chunk) {
      hits.clear();
      hs_scan_stream(stream, f.corpus.data() + pos,
                     static_cast<unsigned>(std::min(chunk, f.corpus.size() - pos)), 0, scratch,
                     collect, &hits);
      for (const auto& h : hits) {
        if (h.pattern < PatternDatabase::kShapeHit) continue;
        const std::size_t shape = h.pattern - PatternDatabase::kShapeHit;
        const std::uint64_t end = h.end - 1;
        const std::uint64_t from = end > db.shape_width(shape) ? end - db.shape_width(shape) : 0;
        Confirming c{end - from, 0};
        hs_scan(db.shape_db(shape), f.corpus.data() + from, static_cast<unsigned>(end - from), 0,
                scratch, count_at_end, &c);
        ++candidates;
        confirmed += c.found;
      }
    }
    hs_close_stream(stream, scratch, no_op, nullptr);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.corpus.size()));
  const double mb = static_cast<double>(f.corpus.size()) / 1e6;
  state.counters["candidates_per_MB"] = static_cast<double>(candidates) / mb;
  state.counters["confirmed_per_MB"] = static_cast<double>(confirmed) / mb;
}

// (d) What a confirmed value costs after its validator: keyed hash, tally, masked sample.
void BM_TallyPerValue(benchmark::State& state) {
  Fixture& f = fixture();
  std::vector<std::string> values;
  for (int i = 0; i < 4096; ++i) values.push_back("2150119830" + std::to_string(1000 + i));
  for (auto _ : state) {
    korgoo::detect::Tally tally(f.engine->config().max_samples);
    for (const std::string& v : values) {
      const std::uint64_t hash = f.engine->hasher().value("kg_pin", v);
      tally.observe("kg_pin", hash, 1, [&] { return korgoo::detect::mask_value(v, 2, 2); });
    }
    benchmark::DoNotOptimize(tally.count("kg_pin"));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * values.size()));
}

// (e) Start-up: loading and compiling the shipped signatures (arg 1: as compiled, 0: as written).
void BM_CompileSignatures(benchmark::State& state) {
  DetectConfig c;
  c.signature_paths = {std::string(KORGOO_SOURCE_DIR) + "/signatures"};
  c.hash_key = "000102030405060708090a0b0c0d0e0f";
  c.rewrite_patterns = state.range(0) != 0;
  for (auto _ : state) benchmark::DoNotOptimize(DetectEngine::create(c));
}

BENCHMARK(BM_DetectStage)->Arg(1460)->Arg(16384)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DetectStageAsWritten)->Arg(1460)->Arg(16384)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BareHyperscan)->Arg(1460)->Arg(16384)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BareAsWritten)->Arg(1460)->Arg(16384)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ScanAndConfirm)->Arg(1460)->Arg(16384)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TallyPerValue)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CompileSignatures)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

}  // namespace
