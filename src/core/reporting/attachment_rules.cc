#include "core/reporting/attachment_rules.h"

#include <algorithm>

#include "common/sha256.h"
#include "core/reporting/exif.h"

namespace keyline {
namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

Status Bad(const std::string& zh, const std::string& en) {
  return Status::InvalidArgument(zh, en, {{"file", zh, en}});
}

}  // namespace

std::optional<std::string> SniffAttachmentType(const std::string& filename,
                                               const std::string& bytes) {
  auto starts = [&](std::string_view magic) {
    return bytes.size() >= magic.size() && bytes.compare(0, magic.size(), magic) == 0;
  };
  if (starts("\xFF\xD8\xFF") && (EndsWith(filename, ".jpg") || EndsWith(filename, ".jpeg"))) {
    return "image/jpeg";
  }
  if (starts("\x89PNG\r\n\x1A\n") && EndsWith(filename, ".png")) return "image/png";
  if (starts("%PDF-") && EndsWith(filename, ".pdf")) return "application/pdf";
  if (starts(std::string_view("PK\x03\x04", 4))) {
    if (EndsWith(filename, ".docx")) {
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }
    if (EndsWith(filename, ".xlsx")) {
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
  }
  return std::nullopt;
}

Result<std::string> AcceptAttachment(const std::string& filename, const std::string& bytes) {
  if (filename.empty() || filename.size() > 200 ||
      std::any_of(filename.begin(), filename.end(), [](char c) {
        return c == '/' || c == '\\' || (static_cast<unsigned char>(c) < 0x20) || c == 0x7f;
      })) {
    return Bad("文件名无效（最多 200 字节，不能含路径）",
               "invalid file name (at most 200 bytes, no path)");
  }
  if (bytes.empty()) return Bad("文件为空", "the file is empty");
  if (static_cast<int64_t>(bytes.size()) > kMaxAttachmentBytes) {
    return Bad("文件超过 10 MB", "the file is larger than 10 MB");
  }
  std::optional<std::string> type = SniffAttachmentType(filename, bytes);
  if (!type) {
    return Bad("只接受 JPG、PNG 照片和 PDF、DOCX、XLSX 文件（按内容检查）",
               "only JPG or PNG photos and PDF, DOCX or XLSX files are accepted (checked by "
               "content)");
  }
  return *type;
}

Attachment DescribeAttachment(AttachmentOwner kind, int64_t owner_id, const std::string& filename,
                              const std::string& content_type, const std::string& bytes,
                              int64_t user_id, int64_t now_ms) {
  Attachment meta;
  meta.owner_kind = kind;
  meta.owner_id = owner_id;
  meta.filename = filename;
  meta.content_type = content_type;
  meta.size = static_cast<int64_t>(bytes.size());
  meta.sha256 = Sha256Hex(bytes);
  meta.created_by = user_id;
  meta.created_at = now_ms;
  if (content_type == "image/jpeg") {
    PhotoExif exif = ReadPhotoExif(bytes);
    meta.taken_at = exif.taken_at;
    meta.latitude = exif.latitude;
    meta.longitude = exif.longitude;
  }
  return meta;
}

Status CheckAttachmentCount(size_t existing) {
  if (existing >= static_cast<size_t>(kMaxAttachmentsPerOwner)) {
    return Status::InvalidArgument("每项最多 20 个附件", "at most 20 attachments each",
                                   {{"file", "每项最多 20 个附件", "at most 20 attachments"}});
  }
  return Status::Ok();
}

}  // namespace keyline
