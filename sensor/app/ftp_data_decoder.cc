// FTP data connection: its bytes are the file (or listing) itself, delivered as a kFtpData
// view, and at the end a `fileinfo` record names the file from the control session.
//
// Direction of the record: `fileinfo` runs from the side that sent the file (Suricata's
// convention: a download has the server as src). Which side of *this* flow that is depends
// on the mode: with PASV the data flow's opener is the control client, so STOR data travels
// kToServer and RETR data kToClient; with PORT the control server opens the data flow, so it
// is the other way round. Rather than re-derive this from the command and mode, the record
// takes the direction in which the bytes actually travelled (the one that carried more).
#include <array>
#include <memory>

#include "app/decoders.h"
#include "app/transfer_text.h"

namespace korgoo::app {

namespace {

bool names_a_file(std::string_view command) {
  return command == "STOR" || command == "RETR" || command == "APPE" || command == "STOU";
}

class FtpDataDecoder final : public ProtocolDecoder {
 public:
  FtpDataDecoder(AppContext& ctx, const Expectation& expectation)
      : ctx_(ctx), control_flow_id_(expectation.control_flow_id) {
    if (!expectation.command.empty()) command_ = {expectation.command, expectation.file_name};
    ++ctx_.stats.ftp_data_flows;
  }

  std::string_view app_proto() const override { return "ftp-data"; }

  void on_data(Direction dir, ByteView data) override {
    if (data.empty() || ended_) return;
    // The STOR/RETR may have been seen only after this flow opened: look once more.
    if (!command_) lookup_command();
    const int d = index_of(dir);
    bytes_[d] += data.size();
    ctx_.sink.content(dir, kView, data);
    open_[d] = true;
  }

  void on_gap(Direction dir, std::uint64_t length) override {
    bytes_[index_of(dir)] += length;  // the file's size still counts the missing bytes
    truncated_ = true;
  }

  void on_end(Direction dir) override {
    const int d = index_of(dir);
    if (open_[d]) ctx_.sink.content_end(dir, kView);
    open_[d] = false;
    ended_dir_[d] = true;
    // The record is written once the file's direction has ended (or both have).
    const Direction file_dir = bytes_[1] > bytes_[0] ? Direction::kToClient : Direction::kToServer;
    if (!ended_ && (dir == file_dir || (ended_dir_[0] && ended_dir_[1]))) finish(file_dir);
  }

 private:
  static constexpr ContentView kView{1, ContentKind::kFtpData};

  void lookup_command() {
    if (auto latest = ctx_.expectations.latest_command(control_flow_id_)) command_ = *latest;
  }

  void finish(Direction file_dir) {
    ended_ = true;
    if (!command_) lookup_command();
    if (!command_ || !names_a_file(command_->command)) return;  // a listing, or unknown
    const std::string name = to_valid_utf8(command_->file_name);
    AppRecord rec;
    rec.event_type = "fileinfo";
    rec.dir = file_dir;
    rec.body["ftp_data"] = {{"command", command_->command}, {"filename", name}};
    rec.body["fileinfo"] = {{"filename", name},
                            {"size", bytes_[index_of(file_dir)]},
                            {"state", truncated_ ? "TRUNCATED" : "CLOSED"}};
    ctx_.sink.record(std::move(rec));
  }

  AppContext& ctx_;
  std::uint64_t control_flow_id_;
  std::optional<ExpectationTable::Command> command_;
  std::array<std::uint64_t, 2> bytes_{};
  std::array<bool, 2> open_{};
  std::array<bool, 2> ended_dir_{};
  bool ended_ = false;
  bool truncated_ = false;
};

}  // namespace

std::unique_ptr<ProtocolDecoder> make_ftp_data_decoder(AppContext& ctx,
                                                       const Expectation& expectation) {
  return std::make_unique<FtpDataDecoder>(ctx, expectation);
}

}  // namespace korgoo::app
