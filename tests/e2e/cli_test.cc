// The command line as an operator meets it: clear one-line errors and non-zero exits for bad
// input, and a working --test-config.
#include <gtest/gtest.h>

#include "app/code_page.h"
#include "app/pdf_maker.h"
#include "app/zip_writer.h"
#include "app/zlib_util.h"
#include "common/json.h"
#include "detect/generators.h"
#include "e2e/run_sensor.h"

namespace korgoo::e2e {
namespace {

TEST(Cli, MissingCaptureIsOneClearLine) {
  const auto run = run_korgoo("-r /nonexistent/capture.pcap", scratch_dir("cli-missing"));
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.stdout_text.find("/nonexistent/capture.pcap"), std::string::npos)
      << run.stdout_text;
}

TEST(Cli, UnknownInterfaceFails) {
  const auto run = run_korgoo("-i korgoo-no-such-if0", scratch_dir("cli-iface"));
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.stdout_text.find("korgoo-no-such-if0"), std::string::npos) << run.stdout_text;
}

TEST(Cli, TestConfigAcceptsTheShippedConfig) {
  const auto run = run_korgoo(
      "-c " + shell_quote((source_dir() / "config" / "korgoo.yaml").string()) + " --test-config",
      scratch_dir("cli-testconfig"));
  EXPECT_EQ(run.exit_code, 0) << run.stdout_text;
  EXPECT_NE(run.stdout_text.find("configuration OK"), std::string::npos) << run.stdout_text;
}

TEST(Cli, ConfigErrorNamesFileLineAndKey) {
  const fs::path dir = scratch_dir("cli-badconfig-in");
  fs::create_directories(dir);
  const fs::path cfg = dir / "bad.yaml";
  std::ofstream(cfg) << "flow:\n  max_flows: 100\n  timeouts:\n    tcp_nwe: 5\n";
  const auto run = run_korgoo("-c " + shell_quote(cfg.string()) + " --test-config",
                              scratch_dir("cli-badconfig"));
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.stdout_text.find(cfg.string() + ":4:5: unknown key 'flow.timeouts.tcp_nwe'"),
            std::string::npos)
      << run.stdout_text;
}

TEST(Cli, BrokenYamlNamesLine) {
  const fs::path dir = scratch_dir("cli-broken-in");
  fs::create_directories(dir);
  const fs::path cfg = dir / "broken.yaml";
  std::ofstream(cfg) << "flow:\n  max_flows: [1, 2\n";
  const auto run =
      run_korgoo("-c " + shell_quote(cfg.string()) + " --test-config", scratch_dir("cli-broken"));
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.stdout_text.find(cfg.string() + ":"), std::string::npos) << run.stdout_text;
  EXPECT_NE(run.stdout_text.find("YAML syntax error"), std::string::npos) << run.stdout_text;
}

// A valid synthetic personal number (gender 2, born 15.03.1985): no real person's.
std::string synthetic_pin() {
  return std::string("2") + "15031985" + "00012";
}

TEST(Cli, ScanReportsTalliesOfFilesAndStdinWithMaskedSamplesOnly) {
  const fs::path dir = scratch_dir("cli-scan-in");
  fs::create_directories(dir);
  const fs::path file = dir / "export.csv";
  std::ofstream(file) << "id,name,pin\n1,A. Person," << synthetic_pin() << "\n2,org,0"
                      << "15031985"
                      << "00012\n";
  const fs::path empty = dir / "empty.txt";
  std::ofstream(empty) << "nothing personal here\n";
  const fs::path out = scratch_dir("cli-scan") / "out.txt";
  fs::create_directories(out.parent_path());
  const std::string cmd = shell_quote(KORGOO_BINARY) + " scan " + shell_quote(file.string()) +
                          " - < " + shell_quote(empty.string()) + " > " +
                          shell_quote(out.string()) + " 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  const std::string text = read_text(out);
  std::istringstream lines(text);
  std::string first, second;
  std::getline(lines, first);
  std::getline(lines, second);
  // One person's PIN; the organisation's INN (leading 0) is not personal data.
  EXPECT_NE(first.find("\"kg_pin\":{\"count\":1,\"distinct\":1"), std::string::npos) << first;
  EXPECT_EQ(text.find(synthetic_pin()), std::string::npos) << "a value was printed in clear";
  EXPECT_NE(second.find("\"file\":\"-\""), std::string::npos) << second;
  EXPECT_NE(second.find("\"pii\":{}"), std::string::npos) << second;
}

// Each file carries the same synthetic PIN under one encoding the network path decodes too;
// scan undoes it, says which decoders ran, and counts the PIN once.
std::string cat(std::initializer_list<std::string_view> parts) {
  std::string out;  // appended piece by piece: GCC 12 warns falsely (-Wrestrict) on operator+
  for (auto p : parts) out.append(p);
  return out;
}

// Writes `files` into `dir` and runs `korgoo scan` on them all; its output (stdout and stderr)
// into `text`; returns the exit status.
// An empty scratch directory of its own for a test.
fs::path fresh_dir(const std::string& name) {
  const fs::path dir = scratch_dir(name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// `korgoo scan`'s output, one JSON object a line.
std::vector<Json> scan_lines(const std::string& text) {
  std::istringstream lines(text);
  std::vector<Json> scans;
  for (std::string line; std::getline(lines, line);) scans.push_back(Json::parse(line));
  return scans;
}

int scan_files(const fs::path& dir, const std::vector<std::pair<std::string, std::string>>& files,
               std::string& text) {
  std::string args;
  for (const auto& [name, bytes] : files) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
    args.append(" ").append(shell_quote((dir / name).string()));
  }
  const fs::path out = dir / "out.txt";
  const std::string cmd =
      cat({shell_quote(KORGOO_BINARY), " scan", args, " > ", shell_quote(out.string()), " 2>&1"});
  const int rc = std::system(cmd.c_str());
  text = read_text(out);
  return rc;
}

TEST(Cli, ScanDecodesWhatTheNetworkPathDecodes) {
  const fs::path dir = scratch_dir("cli-scan-decoders");
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string pin = synthetic_pin();
  std::string percent;
  for (char c : pin) percent.append("%3").push_back(c);
  std::string json_escaped;
  for (char c : pin) json_escaped.append("\\u003").push_back(c);
  std::string utf16 = "\xFF\xFE";
  for (char16_t u : std::u16string_view(u"ПИН ")) {
    utf16.push_back(static_cast<char>(u & 0xFF));
    utf16.push_back(static_cast<char>(u >> 8));
  }
  for (char c : pin + "\r\n") {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  const std::string base64_pin = "MjE1MDMxOTg1MDAwMTI=";  // base64 of the synthetic PIN
  const std::vector<std::pair<std::string, std::string>> files = {
      {"form.txt", cat({"name=Test+User&pin=", percent, "&x=1\n"})},
      {"export.json", cat({"{\"pin\":\"", json_escaped, "\"}\n"})},
      {"export.csv.gz", app::testing::compress(cat({"id,pin\n1,", pin, "\n"}), 31)},
      {"message.eml",
       cat({"From: a@example.kg\r\nTo: b@example.kg\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n",
            base64_pin, "\r\n"})},
      {"unicode.txt", utf16},
  };
  const std::vector<std::string> decoders = {"[\"percent\"]", "[\"json_escapes\"]", "[\"gzip\"]",
                                             "[\"mime\",\"base64\"]", "[\"utf16le\"]"};
  std::string text;
  ASSERT_EQ(scan_files(dir, files, text), 0) << "korgoo scan failed";
  EXPECT_EQ(text.find(pin), std::string::npos) << "a value was printed in clear";
  std::istringstream lines(text);
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::string line;
    ASSERT_TRUE(std::getline(lines, line)) << files[i].first;
    SCOPED_TRACE(files[i].first);
    EXPECT_NE(line.find(cat({"\"decoders\":", decoders[i]})), std::string::npos) << line;
    EXPECT_NE(line.find("\"kg_pin\":{\"count\":1,\"distinct\":1"), std::string::npos) << line;
  }
}

// The same people as a CSV, an .xlsx (PINs as number cells, cards as shared strings), a .zip
// of the CSV and a .docx (one row a paragraph): scan finds the same tally in each (issue 13).
TEST(Cli, ScanFindsInOfficeDocumentsAndArchivesWhatItFindsInTheCsv) {
  const fs::path dir = fresh_dir("cli-scan-documents");
  detect::testing::Rng rng(13);
  std::string csv = "pin,card,note\n";
  std::string rows =
      "<row><c t=\"inlineStr\"><is><t>pin</t></is></c><c t=\"inlineStr\"><is>"
      "<t>card</t></is></c><c t=\"inlineStr\"><is><t>note</t></is></c></row>";
  std::string paragraphs;
  std::vector<std::string> shared;
  std::vector<std::string> values;
  for (int i = 0; i < 20; ++i) {
    const std::string pin = detect::testing::kg_pin(rng);
    const std::string pan = detect::testing::card(rng, "4", 16);
    values.push_back(pin);
    values.push_back(pan);
    csv.append(pin).append(",").append(pan).append(",row\n");
    rows.append("<row><c><v>").append(pin).append("</v></c><c t=\"s\"><v>");
    rows.append(std::to_string(shared.size())).append("</v></c><c t=\"inlineStr\"><is><t>row");
    rows.append("</t></is></c></row>");
    shared.push_back(pan);
    paragraphs.append("<w:p><w:r><w:t>").append(pin).append(",").append(pan);
    paragraphs.append(",row</w:t></w:r></w:p>");
  }
  const std::string docx = app::testing::make_zip(
      {{"[Content_Types].xml", "<Types/>"},
       {"word/document.xml", cat({"<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>pin,card,"
                                  "note</w:t></w:r></w:p>",
                                  paragraphs, "</w:body></w:document>"})}});
  const std::vector<std::pair<std::string, std::string>> files = {
      {"people.csv", csv},
      {"people.xlsx", app::testing::make_xlsx(shared, rows)},
      {"people.zip", app::testing::make_zip({{"people.csv", csv}})},
      {"people.docx", docx},
      {"people.pdf", app::testing::make_pdf(csv)},
  };
  std::string text;
  ASSERT_EQ(scan_files(dir, files, text), 0) << "korgoo scan failed";
  for (const auto& v : values) ASSERT_EQ(text.find(v), std::string::npos) << "printed in clear";
  const std::vector<Json> scans = scan_lines(text);
  ASSERT_EQ(scans.size(), files.size());
  EXPECT_EQ(scans[0]["pii"]["kg_pin"]["count"], 20);
  EXPECT_EQ(scans[0]["pii"]["payment_card"]["count"], 20);
  const std::vector<Json> decoders = {Json::array(), Json{"zip", "xlsx"}, Json{"zip"},
                                      Json{"zip", "docx"}, Json{"pdf"}};
  for (std::size_t i = 1; i < files.size(); ++i) {
    SCOPED_TRACE(files[i].first);
    EXPECT_TRUE(scans[i]["pii"] == scans[0]["pii"]) << "tallies differ from the CSV's";
    EXPECT_EQ(scans[i]["decoders"], decoders[i]);
  }
  // libmagic names each file's type.
  EXPECT_EQ(scans[0]["magic"], "text/csv");
  EXPECT_EQ(scans[2]["magic"], "application/zip");
  EXPECT_EQ(scans[4]["magic"], "application/pdf");
}

// A Windows (CP1251) or old Unix (KOI8-R) export is read as the UTF-8 one: its Cyrillic
// context words count. A generic passport series and a 13-digit Visa are found only next to
// a context word (паспорт, карта), so the counts fall to 0 if the code page is not undone.
TEST(Cli, ScanFindsInCp1251AndKoi8rWhatItFindsInUtf8) {
  const fs::path dir = fresh_dir("cli-scan-code-pages");
  detect::testing::Rng rng(1251);
  std::string csv = "ФИО;документ;номер;карта\n";
  for (int i = 0; i < 10; ++i) {
    csv.append("Иванова Анна Сергеевна;паспорт;XY");
    csv.append(detect::testing::pad(rng.uniform(1, 9'999'999), 7)).append(";карта ");
    csv.append(detect::testing::card(rng, "4", 13)).append("\n");
  }
  const std::vector<std::pair<std::string, std::string>> files = {
      {"utf8.csv", csv},
      {"cp1251.csv", app::testing::in_code_page(csv, "CP1251")},
      {"koi8r.csv", app::testing::in_code_page(csv, "KOI8-R")},
  };
  std::string text;
  ASSERT_EQ(scan_files(dir, files, text), 0) << text;
  const std::vector<Json> scans = scan_lines(text);
  ASSERT_EQ(scans.size(), files.size());
  EXPECT_EQ(scans[0]["pii"]["kg_passport"]["count"], 10);
  EXPECT_EQ(scans[0]["pii"]["payment_card"]["count"], 10);
  EXPECT_TRUE(scans[1]["pii"] == scans[0]["pii"]) << scans[1].dump();
  EXPECT_TRUE(scans[2]["pii"] == scans[0]["pii"]) << scans[2].dump();
  EXPECT_EQ(scans[1]["decoders"], Json{"cp1251"});
  EXPECT_EQ(scans[2]["decoders"], Json{"koi8r"});
}

// A value in two members of one archive, or on two pages of one PDF, was sent twice: members
// and pages are disjoint bytes, so their counts add (flow_detector.h); once it counted 1.
TEST(Cli, ScanCountsAValueInTwoMembersOrPagesTwice) {
  const fs::path dir = fresh_dir("cli-scan-two-members");
  const std::string pin = synthetic_pin();
  const std::string row = cat({"id,pin\n1,", pin, "\n"});
  const std::string pdf = app::testing::make_pdf(cat({row, "\f", row}));
  ASSERT_FALSE(pdf.empty()) << "tests/app/make_pdf.py (python3-reportlab) failed";
  const std::vector<std::pair<std::string, std::string>> files = {
      {"two.zip", app::testing::make_zip({{"a.csv", row}, {"b.csv", row}})},
      {"stored.zip", app::testing::make_zip({{"a.csv", row, true}, {"b.csv", row, true}})},
      {"two.pdf", pdf},
  };
  std::string text;
  ASSERT_EQ(scan_files(dir, files, text), 0) << text;
  EXPECT_EQ(text.find(pin), std::string::npos) << "a value was printed in clear";
  const std::vector<Json> scans = scan_lines(text);
  ASSERT_EQ(scans.size(), files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    SCOPED_TRACE(files[i].first);
    EXPECT_EQ(scans[i]["pii"]["kg_pin"]["count"], 2);
    EXPECT_EQ(scans[i]["pii"]["kg_pin"]["distinct"], 1);
  }
}

// A password-protected export is reported: "encrypted": true, a problem, exit status 1.
TEST(Cli, ScanFlagsAnEncryptedArchive) {
  const fs::path dir = scratch_dir("cli-scan-encrypted");
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string text;
  EXPECT_NE(
      scan_files(dir,
                 {{"secret.zip", app::testing::make_zip(
                                     {{"a.csv", cat({"id,pin\n1,", synthetic_pin()})}}, true)}},
                 text),
      0);
  EXPECT_NE(text.find("\"encrypted\":true"), std::string::npos) << text;
  EXPECT_NE(text.find("encrypted member(s) not decoded"), std::string::npos) << text;
  EXPECT_NE(text.find("\"pii\":{}"), std::string::npos) << text;
}

TEST(Cli, ScanFlagsAnEncryptedPdf) {
  const fs::path dir = fresh_dir("cli-scan-encrypted-pdf");
  std::string text;
  const std::string pdf = app::testing::make_pdf(cat({"id,pin\n1,", synthetic_pin(), "\n"}), "pw");
  ASSERT_FALSE(pdf.empty()) << "tests/app/make_pdf.py (python3-reportlab) failed";
  EXPECT_NE(scan_files(dir, {{"secret.pdf", pdf}}, text), 0);
  EXPECT_NE(text.find("\"encrypted\":true"), std::string::npos) << text;
  EXPECT_NE(text.find("pdf: encrypted document not decoded"), std::string::npos) << text;
  EXPECT_NE(text.find("\"magic\":\"application/pdf\""), std::string::npos) << text;
}

TEST(Cli, DamagedCaptureIsReadUpToTheDamageAndReported) {
  const fs::path pcap = shared_dir() / "pcaps" / "stress" / "bug-1450-05.pcap";
  if (!fs::exists(pcap)) GTEST_SKIP() << "shared captures not present";
  const auto run = run_korgoo("-r " + shell_quote(pcap.string()), scratch_dir("cli-damaged"));
  // Exit 1 says "input was damaged", but the packets before the damage were processed.
  EXPECT_EQ(run.exit_code, 1) << run.stdout_text;
  EXPECT_NE(run.stdout_text.find("packet"), std::string::npos) << run.stdout_text;
  EXPECT_NE(run.eve_text.find("\"read_errors\":1"), std::string::npos);
}

TEST(Cli, CaptureWithoutPacketsWritesAStatsRecordOfToday) {
  const fs::path dir = scratch_dir("cli-no-packets-in");
  fs::remove_all(dir);
  fs::create_directories(dir);
  // A pcap global header (little-endian, v2.4, snaplen 65535, Ethernet) and no packets.
  const unsigned char header[24] = {0xd4, 0xc3, 0xb2, 0xa1, 2,    0,    4, 0, 0, 0, 0, 0,
                                    0,    0,    0,    0,    0xff, 0xff, 0, 0, 1, 0, 0, 0};
  std::ofstream(dir / "empty.pcap", std::ios::binary)
      .write(reinterpret_cast<const char*>(header), sizeof header);
  const auto run =
      run_korgoo("-r " + shell_quote((dir / "empty.pcap").string()), scratch_dir("cli-no-packets"));
  EXPECT_EQ(run.exit_code, 0) << run.stdout_text;
  ASSERT_EQ(run.eve_lines.size(), 1u) << run.eve_text;
  const Json stats = Json::parse(run.eve_lines[0]);
  EXPECT_EQ(stats["event_type"], "stats");
  // No packet time to go by: the wall clock, never the epoch.
  EXPECT_GE(stats["timestamp"].get<std::string>().substr(0, 4), "2024");
  EXPECT_EQ(stats["stats"]["decoder"]["pkts"], 0);
}

// A fresh folder holding copies of one bundled capture under each of `names`.
fs::path folder_of_captures(const std::string& folder, std::initializer_list<const char*> names) {
  const fs::path dir = scratch_dir(folder);
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const char* name : names)
    fs::copy_file(source_dir() / "pcaps" / "basic-http.pcap", dir / name);
  return dir;
}

// --each-file keeps each capture's extension in its EVE name, so x.pcap, x.pcapng and x.cap no
// longer overwrite one another.
TEST(Cli, EachFileKeepsTheExtensionSoNamesDoNotCollide) {
  const fs::path dir = folder_of_captures("cli-each-in", {"x.pcap", "x.pcapng", "x.cap"});
  const fs::path out = scratch_dir("cli-each");
  const auto run = run_korgoo("-r " + shell_quote(dir.string()) + " --each-file", out);
  EXPECT_EQ(run.exit_code, 0) << run.stdout_text;
  for (const char* name : {"x.pcap.json", "x.pcapng.json", "x.cap.json"}) {
    SCOPED_TRACE(name);
    const std::string eve = read_text(out / name);
    EXPECT_NE(eve.find("\"event_type\":\"http\""), std::string::npos);
    EXPECT_NE(eve.find("\"event_type\":\"stats\""), std::string::npos);
  }
  EXPECT_FALSE(fs::exists(out / "x.json"));
}

// Names that would still meet (equal but for case, or the sensor's own eve.json) are refused
// before any capture is replayed, naming both inputs.
TEST(Cli, EachFileRefusesInputsThatWouldShareAnOutput) {
  const fs::path dir = folder_of_captures("cli-each-clash-in", {"a.pcap", "A.pcap", "eve"});
  const fs::path out = scratch_dir("cli-each-clash");
  const auto run = run_korgoo("-r " + shell_quote(dir.string()) + " --each-file", out);
  EXPECT_EQ(run.exit_code, 2) << run.stdout_text;
  EXPECT_NE(run.stdout_text.find((dir / "a.pcap").string() + " and " + (dir / "A.pcap").string()),
            std::string::npos)
      << run.stdout_text;
  EXPECT_NE(run.stdout_text.find((dir / "eve").string() + " and the sensor's own eve.json"),
            std::string::npos)
      << run.stdout_text;
  EXPECT_FALSE(fs::exists(out / "a.pcap.json"));  // nothing was replayed
}

// --test-config refuses a configuration that would blind the sensor, naming file:line:col.
TEST(Cli, TestConfigRefusesBlindingSettings) {
  const fs::path dir = scratch_dir("cli-blind-in");
  fs::remove_all(dir);
  fs::create_directories(dir / "norules");
  std::ofstream(dir / "norules" / "off.yaml")
      << "rules:\n  - {id: 1, signature: off, enabled: false, condition: {direction: any}}\n"
         "  - {id: 2, signature: only pass, action: pass, condition: {direction: any}}\n";
  std::ofstream(dir / "memcap.yaml") << "stream:\n  memcap: 0\n";
  std::ofstream(dir / "norules.yaml") << "home_networks: [10.0.0.0/8]\nrules: [norules]\n";
  const auto memcap =
      run_korgoo("-c " + shell_quote((dir / "memcap.yaml").string()) + " --test-config",
                 scratch_dir("cli-blind-memcap"));
  EXPECT_NE(memcap.exit_code, 0);
  EXPECT_NE(memcap.stdout_text.find((dir / "memcap.yaml").string() + ":2:11: key 'stream.memcap'"),
            std::string::npos)
      << memcap.stdout_text;
  const auto norules =
      run_korgoo("-c " + shell_quote((dir / "norules.yaml").string()) + " --test-config",
                 scratch_dir("cli-blind-rules"));
  EXPECT_NE(norules.exit_code, 0);
  EXPECT_NE(norules.stdout_text.find((dir / "norules.yaml").string() +
                                     ":2: key 'rules': no enabled alert or drop rule in "),
            std::string::npos)
      << norules.stdout_text;
}

}  // namespace
}  // namespace korgoo::e2e
