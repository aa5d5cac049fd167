// XmlStream: expat fed chunk by chunk, hardened for untrusted parts.
//
// - A DOCTYPE (and so any entity declaration: billion laughs, external entities) stops the
//   parse with kInvalidArgument before anything is expanded.
// - A single token (tag, attribute value) longer than kMaxTokenBytes (4 MiB) fails with
//   kTooLarge: expat buffers an unfinished token whole and rescans it on every chunk, so this
//   bounds both its memory and its time.
// - Elements nested deeper than kMaxDepth fail with kInvalidArgument (expat keeps a record per
//   open element; .xlsx parts nest about 10 deep).
// - Element and attribute names are given without their namespace prefix ("x:row" → "row");
//   .xlsx parts use one namespace per element name, so the prefix carries nothing we need.
// Handlers may call Fail() to stop the parse with a Status of their own.
#pragma once

#include <expat.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace keyline::xlsx {

// The value of attribute `name` (local name) in expat's attribute array, or nullptr.
const char* FindAttr(const char** attrs, std::string_view name);

class XmlStream {
 public:
  static constexpr uint64_t kMaxTokenBytes = 4u << 20;
  static constexpr int kMaxDepth = 256;

  explicit XmlStream(std::string part);  // the part name, for messages
  virtual ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Feeds the next chunk (final = the end of the part). Returns the first failure.
  Status Feed(std::string_view chunk, bool final);
  // Stops the parse; Feed returns `status`.
  void Fail(Status status);
  // Stops the parse successfully (nothing more is wanted); Feed returns OK.
  void Finish();
  bool finished() const { return finished_; }
  const std::string& part() const { return part_; }

 protected:
  virtual void OnStart(std::string_view name, const char** attrs) = 0;
  virtual void OnEnd(std::string_view name) = 0;
  virtual void OnText(std::string_view) {}

 private:
  static void StartThunk(void* self, const XML_Char* name, const XML_Char** attrs);
  static void EndThunk(void* self, const XML_Char* name);
  static void TextThunk(void* self, const XML_Char* text, int len);
  static void DoctypeThunk(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int);
  static void EntityThunk(void* self, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                          const XML_Char*, const XML_Char*, const XML_Char*);

  std::string part_;
  XML_Parser parser_;
  Status failure_;
  bool finished_ = false;
  uint64_t bytes_without_event_ = 0;
  int depth_ = 0;
};

}  // namespace keyline::xlsx
