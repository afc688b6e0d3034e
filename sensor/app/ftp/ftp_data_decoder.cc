// FTP data connection: its bytes are the file (or listing) itself, delivered as a kFtpData
// view, and at the end a `fileinfo` record names the file from the control session.
//
// Direction of the record: `fileinfo` runs from the side that sent the file (Suricata's
// convention: a download has the server as src). Which side of *this* flow that is depends
// on the mode: with PASV the data flow's opener is the control client, so STOR data travels
// kToServer and RETR data kToClient; with PORT the control server opens the data flow, so it
// is the other way round. Rather than re-derive this from the command and mode, the record
// takes the direction in which the bytes actually travelled (the one that carried more).
//
// The file's bytes go through FileDecoder (Layers::kArchivesOnly, issue 13) with the caps HTTP
// bodies and SMTP attachments have: a zip or office document stored or retrieved is scanned as
// its members' text, one view per member; anything else passes as it is.
#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <utility>

#include "app/decoders.h"
#include "app/file/file_decoder.h"
#include "app/file/file_report.h"
#include "app/transfer_text.h"

namespace korgoo::app {

namespace {

bool names_a_file(std::string_view command) {
  return command == "STOR" || command == "RETR" || command == "APPE" || command == "STOU";
}

class FtpDataDecoder final : public ProtocolDecoder, private FileDecoder::Sink {
 public:
  FtpDataDecoder(AppContext& ctx, const Expectation& expectation)
      : ctx_(ctx),
        control_flow_id_(expectation.control_flow_id),
        file_limits_(wire_file_limits(ctx.limits)) {
    if (!expectation.command.empty()) command_ = {expectation.command, expectation.file_name};
    ++ctx_.stats.ftp.data_flows;
  }

  std::string_view app_proto() const override { return "ftp-data"; }

  void on_data(Direction dir, ByteView data) override {
    if (data.empty() || ended_) return;
    // The STOR/RETR may have been seen only after this flow opened: look once more.
    if (!command_) lookup_command();
    bytes_[index_of(dir)] += data.size();
    // The first direction to carry bytes carries the file.
    if (!file_dir_) open_file(dir);
    if (dir == *file_dir_ && file_) {
      file_->feed(data);
      return;
    }
    emit(dir, data);
  }

  void on_gap(Direction dir, std::uint64_t length) override {
    bytes_[index_of(dir)] += length;  // the file's size still counts the missing bytes
    truncated_ = true;
    // An archive cannot be resumed after a hole: what was held is read now, and the rest of
    // the file is scanned as sent, in a view of its own.
    if (file_dir_ && dir == *file_dir_) close_file();
    close_view(dir);
  }

  void on_end(Direction dir) override {
    if (file_dir_ && dir == *file_dir_) end_file();
    close_view(dir);
    ended_dir_[index_of(dir)] = true;
    // The record is written once the file's direction has ended (or both have).
    const Direction file_dir = bytes_[1] > bytes_[0] ? Direction::kToClient : Direction::kToServer;
    if (!ended_ && (dir == file_dir || (ended_dir_[0] && ended_dir_[1]))) finish(file_dir);
  }

 private:
  void lookup_command() {
    if (auto latest = ctx_.expectations.latest_command(control_flow_id_)) command_ = *latest;
  }

  void open_file(Direction dir) {
    file_dir_ = dir;
    const std::string_view name = command_ ? std::string_view(command_->file_name) : "";
    if (command_ && names_a_file(command_->command)) handle_ = ctx_.sink.file_begin(dir, name);
    file_ =
        std::make_unique<FileDecoder>(name, static_cast<FileDecoder::Sink&>(*this), file_limits_,
                                      FileDecoder::Layers::kArchivesOnly, ctx_.memory);
    watch_file(*file_, ctx_);
  }

  void close_file() {
    if (!file_) return;
    report_ = close_file_decoder(*file_, ctx_, *file_dir_);
    file_.reset();
  }

  // The file's last view has ended: the engine has its whole tally.
  void end_file() {
    close_file();
    close_view(*file_dir_);
    if (handle_ && !file_ended_) ctx_.sink.file_end(*file_dir_, handle_);
    file_ended_ = true;
  }

  // --- FileDecoder::Sink (the file's decoded text) -----------------------------------------
  void text(std::string_view decoded) override { emit(*file_dir_, as_bytes(decoded)); }
  void boundary() override { close_view(*file_dir_); }  // the next member is a view of its own

  void emit(Direction dir, ByteView data) {
    if (data.empty()) return;
    const int d = index_of(dir);
    // The connection carries one file: its members, and what follows a gap, are one group.
    if (!open_[d]) view_[d] = ContentView{next_view_id_[d]++, ContentKind::kFtpData, kFileGroup};
    open_[d] = true;
    ctx_.sink.content(dir, view_[d], data);
  }

  void close_view(Direction dir) {
    const int d = index_of(dir);
    if (open_[d]) ctx_.sink.content_end(dir, view_[d]);
    open_[d] = false;
  }

  void finish(Direction file_dir) {
    ended_ = true;
    if (file_dir_) end_file();
    if (!command_) lookup_command();
    if (!command_ || !names_a_file(command_->command)) return;  // a listing, or unknown
    if (truncated_) report_.cut("gap");
    const std::string name = to_valid_utf8(command_->file_name);
    AppRecord rec;
    rec.event_type = "fileinfo";
    rec.dir = file_dir;
    rec.file = handle_;
    rec.body["ftp_data"] = {{"command", command_->command}, {"filename", name}};
    rec.body["fileinfo"] = {{"filename", name},
                            {"gaps", truncated_},
                            {"size", bytes_[index_of(file_dir)]},
                            {"state", truncated_ ? "TRUNCATED" : "CLOSED"}};
    report_.add_to(rec.body["fileinfo"]);
    ctx_.sink.record(std::move(rec));
  }

  AppContext& ctx_;
  std::uint64_t control_flow_id_;
  std::optional<ExpectationTable::Command> command_;
  std::array<std::uint64_t, 2> bytes_{};
  std::array<ContentView, 2> view_{};
  std::array<std::uint32_t, 2> next_view_id_{1, 1};  // 0 is the raw stream
  static constexpr std::uint32_t kFileGroup = 1;     // ContentView::group of every data view
  std::array<bool, 2> open_{};
  std::array<bool, 2> ended_dir_{};
  bool ended_ = false;
  bool truncated_ = false;
  AppLimits file_limits_;
  std::optional<Direction> file_dir_;  // the direction whose bytes are the file
  std::unique_ptr<FileDecoder> file_;
  std::uint64_t handle_ = 0;  // AppSink::file_begin's
  bool file_ended_ = false;
  FileReport report_;
};

}  // namespace

std::unique_ptr<ProtocolDecoder> make_ftp_data_decoder(AppContext& ctx,
                                                       const Expectation& expectation) {
  return std::make_unique<FtpDataDecoder>(ctx, expectation);
}

}  // namespace korgoo::app
