#include "app/http/http_body.h"

#include <algorithm>
#include <utility>

#include "app/http/http_headers.h"

namespace korgoo::app {

HttpBody::HttpBody(AppContext& ctx, std::uint32_t& next_view_id, HttpBodyOptions options)
    : ctx_(ctx),
      next_view_id_(next_view_id),
      opt_(std::move(options)),
      content_(parse_content_codings(opt_.content_encoding), ctx.limits, ctx.stats,
               [this](ByteView b) { decoded(b); }),
      file_limits_(wire_file_limits(ctx.limits)) {
  const std::string_view ct = opt_.content_type;
  if (contains_nocase(ct, "multipart/")) {
    if (auto boundary = header_parameter(ct, "boundary"); boundary && !boundary->empty()) {
      format_ = Format::kMultipart;
      MultipartHandler& parts = *this;
      multipart_ = std::make_unique<MultipartParser>(
          *boundary, static_cast<std::size_t>(ctx.limits.max_header_bytes), parts);
    }
  } else if (contains_nocase(ct, "application/x-www-form-urlencoded")) {
    format_ = Format::kForm;
  } else if (contains_nocase(ct, "json")) {  // application/json, application/*+json, ...
    format_ = Format::kJson;
  }
  if (format_ == Format::kPlain && opt_.is_file) open_file(opt_.file_name);
}

HttpBody::~HttpBody() = default;

bool HttpBody::feed(ByteView data) {
  bytes_ += data.size();
  if (broken_) return false;
  content_.feed(data);
  return true;
}

void HttpBody::gap() {
  gaps_ = true;
  if (broken_) return;
  broken_ = true;
  if (multipart_) multipart_->finish();
  flush_scratch();
  close_file();  // what was held of an archive is read (its local headers)
  close_view();
  close_outside();
}

void HttpBody::open_file(std::string_view name) {
  file_handle_ = ctx_.sink.file_begin(opt_.dir, name);
  file_report_ = FileReport{};
  file_group_ = 0;
  file_ = std::make_unique<FileDecoder>(name, static_cast<FileDecoder::Sink&>(*this), file_limits_,
                                        FileDecoder::Layers::kArchivesOnly, ctx_.memory);
  watch_file(*file_, ctx_);
}

void HttpBody::close_file() {
  if (!file_) return;
  file_report_ = close_file_decoder(*file_, ctx_, opt_.dir);
  file_.reset();
}

void HttpBody::end_file(HttpFile& file, bool truncated) {
  file.handle = std::exchange(file_handle_, 0);
  file.report = std::move(file_report_);
  if (gaps_) file.report.cut("gap");
  if (content_.limit_hit()) file.report.cut("max_decompressed_bytes");
  if (truncated) file.report.cut("truncated");
  if (file.handle) ctx_.sink.file_end(opt_.dir, file.handle);
}

void HttpBody::decoded(ByteView data) {
  entity_bytes_ += data.size();
  switch (format_) {
    case Format::kPlain:
      if (file_) {
        file_->feed(data);
      } else {
        emit(data);
      }
      return;
    case Format::kForm:
      form_.decode(data, scratch_);
      flush_scratch();
      return;
    case Format::kJson:
      json_.decode(data, scratch_);
      flush_scratch();
      return;
    case Format::kMultipart:
      multipart_->feed(data);
      return;
  }
}

void HttpBody::flush_scratch() {
  if (scratch_.empty()) return;
  emit(as_bytes(scratch_));
  scratch_.clear();
}

void HttpBody::emit(ByteView data) {
  if (data.empty()) return;
  if (!view_open_) {
    view_ = ContentView{next_view_id_++, ContentKind::kHttpBody};
    if (file_) {  // the file's members and pages are one group: their counts add up
      if (file_group_ == 0) file_group_ = view_.id;
      view_.group = file_group_;
    }
    view_open_ = true;
  }
  ctx_.sink.content(opt_.dir, view_, data);
}

void HttpBody::close_view() {
  if (!view_open_) return;
  ctx_.sink.content_end(opt_.dir, view_);
  view_open_ = false;
}

void HttpBody::part_begin(const MultipartPart& part) {
  close_outside();
  close_view();  // each part is its own view
  part_is_file_ = part.has_filename;
  part_file_ = HttpFile{};
  part_file_.name = part.filename;
  if (part_is_file_) open_file(part.filename);
}

void HttpBody::part_data(ByteView data) {
  part_file_.size += data.size();
  if (file_) {
    file_->feed(data);
  } else {
    emit(data);
  }
}

void HttpBody::outside_parts(ByteView data) {
  if (data.empty()) return;
  close_view();
  if (!outside_open_) {
    outside_ = ContentView{next_view_id_++, ContentKind::kHttpHeaders};
    outside_open_ = true;
  }
  ctx_.sink.content(opt_.dir, outside_, data);
}

void HttpBody::close_outside() {
  if (!outside_open_) return;
  ctx_.sink.content_end(opt_.dir, outside_);
  outside_open_ = false;
}

void HttpBody::part_end(bool complete) {
  close_file();
  close_view();
  if (part_is_file_) {
    part_file_.truncated = !complete || content_.limit_hit();
    part_file_.gaps = gaps_;
    end_file(part_file_, !complete);
    files_.push_back(std::move(part_file_));
  }
  part_is_file_ = false;
}

std::vector<HttpFile> HttpBody::finish(bool complete) {
  if (!broken_) {
    if (format_ == Format::kForm) form_.finish(scratch_);
    if (format_ == Format::kJson) json_.finish(scratch_);
    flush_scratch();
    if (multipart_) multipart_->finish();
    close_file();
  }
  close_view();
  close_outside();
  if (format_ != Format::kMultipart && opt_.is_file) {
    HttpFile file;
    file.name = opt_.file_name;
    file.size = entity_bytes_;
    file.truncated = !complete || gaps_ || content_.limit_hit();
    file.gaps = gaps_;
    end_file(file, !complete);
    if (bytes_ > 0) files_.push_back(std::move(file));
  }
  return std::move(files_);
}

}  // namespace korgoo::app
