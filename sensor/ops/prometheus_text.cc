#include "ops/prometheus_text.h"

#include <map>
#include <set>
#include <utility>
#include <vector>

namespace korgoo::ops {

namespace {

using Labels = std::vector<std::pair<std::string, std::string>>;

// Levels, not counts of events: they go down again.
const std::set<std::string> kGauges = {"flow.active", "flow.active_peak",
                                       "stream.ooo_buffered_peak"};
// Sections with their own families below (not walked generically).
const std::set<std::string> kByHand = {"alerts", "memory", "reload"};
// Leaves shown by hand under another name.
const std::set<std::string> kRenamed = {"capture.verdicts_accept", "capture.verdicts_drop"};
// The label a nested object's keys become; others are "key".
const std::map<std::string, std::string> kLabelOf = {{"decoder.errors", "error"},
                                                     {"detect.confirmed", "type"},
                                                     {"detect.high_confidence", "type"},
                                                     {"detect.rejected", "reason"}};
// Caps that count entries, not bytes.
const std::set<std::string> kEntryCaps = {"flows"};

std::string metric_name(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    out += ok ? c : '_';
  }
  return out;
}

std::string label_value(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

// Families in order of first use, each with its HELP, TYPE and samples together (the format
// wants a family's lines contiguous).
class Exposition {
 public:
  void sample(const std::string& name, const char* type, const std::string& help,
              const Labels& labels, const Json& value) {
    auto [it, fresh] = index_.try_emplace(name, families_.size());
    if (fresh) families_.push_back({name, type, help, {}});
    std::string line = name;
    if (!labels.empty()) {
      line += '{';
      for (std::size_t i = 0; i < labels.size(); ++i)
        line += (i ? "," : "") + labels[i].first + "=\"" + label_value(labels[i].second) + '"';
      line += '}';
    }
    families_[it->second].lines.push_back(line + ' ' + value.dump());
  }
  // A family announced even with no sample yet (alerts before the first alert).
  void declare(const std::string& name, const char* type, const std::string& help) {
    if (index_.try_emplace(name, families_.size()).second)
      families_.push_back({name, type, help, {}});
  }
  std::string text() const {
    std::string out;
    for (const auto& f : families_) {
      out += "# HELP " + f.name + ' ' + f.help + "\n# TYPE " + f.name + ' ' + f.type + '\n';
      for (const auto& l : f.lines) out += l + '\n';
    }
    return out;
  }

 private:
  struct Family {
    std::string name;
    const char* type;
    std::string help;
    std::vector<std::string> lines;
  };
  std::vector<Family> families_;
  std::map<std::string, std::size_t> index_;
};

void walk_section(Exposition& x, const std::string& section, const Json& obj) {
  for (const auto& [key, value] : obj.items()) {
    const std::string path = section + "." + key;
    const std::string base = "korgoo_" + metric_name(section) + "_" + metric_name(key);
    if (value.is_number() && !kRenamed.count(path)) {
      const bool gauge = kGauges.count(path) > 0;
      x.sample(gauge ? base : base + "_total", gauge ? "gauge" : "counter",
               "stats." + path + " (docs/eve.md)", {}, value);
    } else if (value.is_object()) {
      const auto label = kLabelOf.find(path);
      for (const auto& [sub, n] : value.items())
        if (n.is_number())
          x.sample(base + "_total", "counter", "stats." + path + " by " + key,
                   {{label == kLabelOf.end() ? "key" : label->second, sub}}, n);
    }
  }
}

void alerts(Exposition& x, const Json& a) {
  x.declare("korgoo_alerts_total", "counter", "policy alerts by rule");
  if (a.contains("by_sid"))
    for (const auto& [sid, entry] : a["by_sid"].items())
      x.sample("korgoo_alerts_total", "counter", "policy alerts by rule",
               {{"sid", sid}, {"signature", entry.value("signature", "")}},
               entry.value("alerts", Json(0)));
  if (a.contains("blocked"))
    x.sample("korgoo_alerts_blocked_total", "counter", "alerts whose flow was blocked", {},
             a["blocked"]);
  if (a.contains("packets_dropped"))
    x.sample("korgoo_packets_dropped_total", "counter",
             "packets given a drop verdict by a blocking rule", {}, a["packets_dropped"]);
}

void verdicts(Exposition& x, const Json& capture) {
  for (const auto& [key, verdict] :
       {std::pair{"verdicts_accept", "accept"}, {"verdicts_drop", "drop"}})
    if (capture.contains(key))
      x.sample("korgoo_verdicts_total", "counter", "inline (NFQUEUE) verdicts sent",
               {{"verdict", verdict}}, capture[key]);
}

void memory(Exposition& x, const Json& m) {
  for (const auto& [cap, v] : m.items()) {
    const bool entries = kEntryCaps.count(cap) > 0;
    const std::string unit = entries ? "_entries" : "_bytes";
    const std::string what = entries ? "entries" : "bytes";
    x.sample("korgoo_memory_used" + unit, "gauge", what + " held against a cap", {{"cap", cap}},
             v.value("used", Json(0)));
    x.sample("korgoo_memory_cap" + unit, "gauge", "the configured cap, in " + what, {{"cap", cap}},
             v.value("cap", Json(0)));
  }
}

}  // namespace

std::string prometheus_text(const Json& stats, const std::string& version) {
  Exposition x;
  x.sample("korgoo_build_info", "gauge", "the sensor's version", {{"version", version}}, 1);
  for (const auto& [section, value] : stats.items())
    if (value.is_object() && !kByHand.count(section)) walk_section(x, section, value);
  if (stats.contains("capture")) verdicts(x, stats["capture"]);
  if (stats.contains("alerts")) alerts(x, stats["alerts"]);
  if (stats.contains("memory")) memory(x, stats["memory"]);
  if (stats.contains("reload")) {
    const Json& r = stats["reload"];
    x.sample("korgoo_reloads_total", "counter", "reloads adopted", {}, r.value("count", Json(0)));
    x.sample("korgoo_reload_failures_total", "counter",
             "reloads refused (a bad file; the old set kept running)", {},
             r.value("failures", Json(0)));
  }
  return x.text();
}

}  // namespace korgoo::ops
