// What the attachment store accepts: a plain file name, 1 byte to 10 MiB, and content that is
// really a JPEG or PNG photo or a PDF, DOCX or XLSX document (judged by its bytes and name,
// never by the client's Content-Type).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/result.h"
#include "core/model/reporting.h"

namespace keyline {

inline constexpr int64_t kMaxAttachmentBytes = 10 * 1024 * 1024;
inline constexpr int kMaxAttachmentsPerOwner = 20;

// The content type of bytes judged by their signature and the file name's extension
// ("image/jpeg", "image/png", "application/pdf", the OOXML types for .docx / .xlsx), or
// nullopt for anything else.
std::optional<std::string> SniffAttachmentType(const std::string& filename,
                                               const std::string& bytes);

// The content type when the file is acceptable; kInvalidArgument (field "file") naming what is
// wrong otherwise.
Result<std::string> AcceptAttachment(const std::string& filename, const std::string& bytes);

// The metadata of an accepted file: type, size and SHA-256 filled in.
Attachment DescribeAttachment(AttachmentOwner kind, int64_t owner_id, const std::string& filename,
                              const std::string& content_type, const std::string& bytes,
                              int64_t user_id, int64_t now_ms);

// kInvalidArgument when an owner already has kMaxAttachmentsPerOwner files.
Status CheckAttachmentCount(size_t existing);

}  // namespace keyline
