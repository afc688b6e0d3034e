// --each-file: which EVE file each capture of a folder goes to. The whole capture name is kept
// and ".json" appended (x.pcap -> x.pcap.json, x.pcapng -> x.pcapng.json), so captures that
// differ only in their extension no longer overwrite each other. What can still collide is
// refused before anything runs: two names equal once case is folded (a case-insensitive
// output file system), an output that is itself one of the inputs, or one of the files the
// sensor writes for itself (eve.json, korgoo.log).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace korgoo::engine {

struct EachFileOutput {
  std::filesystem::path capture;
  std::filesystem::path eve;
};

struct EachFilePlan {
  std::vector<EachFileOutput> runs;  // in the order given
  std::vector<std::string> errors;   // one line per collision; empty: every name is unique
};

// The EVE file name for one capture (its file name plus ".json").
std::string each_file_eve_name(const std::filesystem::path& capture);

EachFilePlan plan_each_file(const std::vector<std::filesystem::path>& captures,
                            const std::filesystem::path& log_dir);

}  // namespace korgoo::engine
