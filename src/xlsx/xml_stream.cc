#include "xlsx/xml_stream.h"

#include <cstring>

#include "xlsx/zip_archive.h"

namespace keyline::xlsx {
namespace {

std::string_view LocalName(const char* name) {
  const char* colon = std::strrchr(name, ':');
  return colon != nullptr ? std::string_view(colon + 1) : std::string_view(name);
}

}  // namespace

const char* FindAttr(const char** attrs, std::string_view name) {
  for (size_t i = 0; attrs[i] != nullptr; i += 2) {
    if (LocalName(attrs[i]) == name) return attrs[i + 1];
  }
  return nullptr;
}

XmlStream::XmlStream(std::string part) : part_(std::move(part)) {
  parser_ = XML_ParserCreate(nullptr);
  XML_SetUserData(parser_, this);
  XML_SetElementHandler(parser_, &XmlStream::StartThunk, &XmlStream::EndThunk);
  XML_SetCharacterDataHandler(parser_, &XmlStream::TextThunk);
  XML_SetStartDoctypeDeclHandler(parser_, &XmlStream::DoctypeThunk);
  XML_SetEntityDeclHandler(parser_, &XmlStream::EntityThunk);
  // External entities are never loaded: no XML_SetExternalEntityRefHandler, and parameter
  // entities are off.
  XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlStream::~XmlStream() { XML_ParserFree(parser_); }

void XmlStream::Fail(Status status) {
  if (failure_.ok() && !finished_) failure_ = std::move(status);
  XML_StopParser(parser_, XML_FALSE);
}

void XmlStream::Finish() {
  if (!finished_ && failure_.ok()) finished_ = true;
  XML_StopParser(parser_, XML_FALSE);
}

Status XmlStream::Feed(std::string_view chunk, bool final) {
  if (!failure_.ok()) return failure_;
  if (finished_) return Status::Ok();
  if (XML_Parse(parser_, chunk.data(), static_cast<int>(chunk.size()),
                final ? XML_TRUE : XML_FALSE) == XML_STATUS_ERROR) {
    if (!failure_.ok()) return failure_;
    if (finished_) return Status::Ok();
    std::string where = part_ + " " + std::to_string(XML_GetCurrentLineNumber(parser_)) + ":" +
                        std::to_string(XML_GetCurrentColumnNumber(parser_));
    std::string what = XML_ErrorString(XML_GetErrorCode(parser_));
    return NotXlsx("XML 格式错误（" + where + "，" + what + "）",
                   "malformed XML (" + where + ": " + what + ")");
  }
  bytes_without_event_ += chunk.size();
  if (bytes_without_event_ > kMaxTokenBytes) {
    return TooLarge(part_ + " 中有超过 4 MB 的 XML 标记", part_ + " has an XML token over 4 MB");
  }
  return failure_;
}

void XmlStream::StartThunk(void* self, const XML_Char* name, const XML_Char** attrs) {
  auto* s = static_cast<XmlStream*>(self);
  s->bytes_without_event_ = 0;
  if (++s->depth_ > kMaxDepth) {
    s->Fail(
        NotXlsx(s->part_ + " 的 XML 嵌套超过 " + std::to_string(kMaxDepth) + " 层",
                s->part_ + ": XML nested deeper than " + std::to_string(kMaxDepth) + " levels"));
    return;
  }
  s->OnStart(LocalName(name), attrs);
}

void XmlStream::EndThunk(void* self, const XML_Char* name) {
  auto* s = static_cast<XmlStream*>(self);
  s->bytes_without_event_ = 0;
  --s->depth_;
  s->OnEnd(LocalName(name));
}

void XmlStream::TextThunk(void* self, const XML_Char* text, int len) {
  auto* s = static_cast<XmlStream*>(self);
  s->bytes_without_event_ = 0;
  s->OnText(std::string_view(text, static_cast<size_t>(len)));
}

void XmlStream::DoctypeThunk(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto* s = static_cast<XmlStream*>(self);
  s->Fail(NotXlsx(s->part_ + " 含有 DOCTYPE 声明（xlsx 不使用，拒绝处理）",
                  s->part_ + " has a DOCTYPE declaration (never used by .xlsx; refused)"));
}

void XmlStream::EntityThunk(void* self, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                            const XML_Char*, const XML_Char*, const XML_Char*) {
  auto* s = static_cast<XmlStream*>(self);
  s->Fail(NotXlsx(s->part_ + " 含有实体声明（拒绝处理）",
                  s->part_ + " declares an XML entity (refused)"));
}

}  // namespace keyline::xlsx
