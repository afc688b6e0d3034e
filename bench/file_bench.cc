// Files through `korgoo scan`'s path (engine::scan_file: app::FileDecoder, then the detect
// stage) per format, against the same rows as a plain CSV (issue 13): what reading a
// spreadsheet, a document, an archive or a PDF costs over the text it holds.
//
// The rows are synthetic (`pin,card,note` with valid test PINs and Luhn cards from
// tests/detect/generators.h, as in tests/e2e/cli_test.cc); each format holds the same rows, made at
// start-up: zip, xlsx and docx with the tests' libarchive writer, the PDF with
// tests/app/make_pdf.py (reportlab).
//   bytes_per_second  file bytes per CPU second
//   text_MBps         the CSV-equivalent text per CPU second (comparable across formats)
//
//   ./file_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <sstream>
#include <string>
#include <vector>

#include "app/pdf_maker.h"
#include "app/zip_writer.h"
#include "detect/detect.h"
#include "detect/generators.h"
#include "engine/file_scan.h"

namespace {

using korgoo::detect::DetectConfig;
using korgoo::detect::DetectEngine;
using korgoo::detect::Scratch;

constexpr int kRows = 20000;

struct Files {
  Files() {
    DetectConfig c;
    c.signature_paths = {std::string(KORGOO_SOURCE_DIR) + "/signatures"};
    c.hash_key = "000102030405060708090a0b0c0d0e0f";
    engine = DetectEngine::create(c);
    scratch = engine->make_scratch();
    korgoo::detect::testing::Rng r(13);
    csv = "pin,card,note\n";
    std::string rows, paragraphs = "<w:p><w:r><w:t>pin,card,note</w:t></w:r></w:p>";
    std::vector<std::string> shared;
    for (int i = 0; i < kRows; ++i) {
      const std::string p = korgoo::detect::testing::kg_pin(r);
      const std::string c = korgoo::detect::testing::card(r, "4", 16);
      csv += p + "," + c + ",row\n";
      rows += "<row><c><v>" + p + "</v></c><c t=\"s\"><v>" + std::to_string(shared.size()) +
              "</v></c><c t=\"inlineStr\"><is><t>row</t></is></c></row>";
      shared.push_back(c);
      paragraphs += "<w:p><w:r><w:t>" + p + "," + c + ",row</w:t></w:r></w:p>";
    }
    namespace t = korgoo::app::testing;
    zip = t::make_zip({{"people.csv", csv}});
    xlsx = t::make_xlsx(shared, rows);
    docx = t::make_zip({{"[Content_Types].xml", "<Types/>"},
                        {"word/document.xml", "<w:document xmlns:w=\"w\"><w:body>" + paragraphs +
                                                  "</w:body></w:document>"}});
    pdf = t::make_pdf(csv);
  }
  std::unique_ptr<DetectEngine> engine;
  std::unique_ptr<Scratch> scratch;
  std::string csv, zip, xlsx, docx, pdf;
};

Files& files() {
  static Files f;  // built once, for every benchmark of the run
  return f;
}

void scan(benchmark::State& state, const std::string& name, const std::string& bytes) {
  Files& f = files();
  if (bytes.empty()) {
    state.SkipWithError("no input (tests/app/make_pdf.py needs python3-reportlab)");
    return;
  }
  std::uint64_t found = 0;
  for (auto _ : state) {
    std::istringstream in(bytes);
    const auto result = korgoo::engine::scan_file(*f.engine, in, name, *f.scratch);
    found = result.tally.count("kg_pin") + result.tally.count("payment_card");
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
  state.counters["text_MBps"] = benchmark::Counter(
      static_cast<double>(state.iterations() * f.csv.size()) / 1e6, benchmark::Counter::kIsRate);
  state.counters["file_MB"] = static_cast<double>(bytes.size()) / 1e6;
  state.counters["found"] = static_cast<double>(found);  // 2 x kRows when all were read
}

void BM_Csv(benchmark::State& s) {
  scan(s, "people.csv", files().csv);
}
void BM_Zip(benchmark::State& s) {
  scan(s, "people.zip", files().zip);
}
void BM_Xlsx(benchmark::State& s) {
  scan(s, "people.xlsx", files().xlsx);
}
void BM_Docx(benchmark::State& s) {
  scan(s, "people.docx", files().docx);
}
void BM_Pdf(benchmark::State& s) {
  scan(s, "people.pdf", files().pdf);
}

BENCHMARK(BM_Csv)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Zip)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Xlsx)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Docx)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Pdf)->Unit(benchmark::kMillisecond);

}  // namespace
