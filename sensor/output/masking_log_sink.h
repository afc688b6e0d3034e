// A log sink that masks identifiers in each message (a capture file's name, an address in an
// error) before handing it to the real sink, so korgoo.log and stderr are no store of them.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include <spdlog/sinks/base_sink.h>

#include "detect/text_masker.h"

namespace korgoo::output {

class MaskingLogSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  // `engine`: the detect engine the masker was built on. A reload replaces the runtime's engine
  // while this sink lives on, so the sink keeps its own engine alive.
  MaskingLogSink(std::shared_ptr<const detect::DetectEngine> engine,
                 std::shared_ptr<detect::TextMasker> masker, spdlog::sink_ptr inner)
      : engine_(std::move(engine)), masker_(std::move(masker)), inner_(std::move(inner)) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    // The base sink's mutex is held: the masker (not thread-safe) is used by one thread.
    const std::string masked = masker_->mask({msg.payload.data(), msg.payload.size()});
    spdlog::details::log_msg copy(msg);
    copy.payload = masked;
    inner_->log(copy);
  }
  void flush_() override { inner_->flush(); }

 private:
  std::shared_ptr<const detect::DetectEngine> engine_;  // declared first: outlives masker_
  std::shared_ptr<detect::TextMasker> masker_;
  spdlog::sink_ptr inner_;
};

}  // namespace korgoo::output
