// JsonWriter: a small, fast, allocation-light JSON text builder for responses and audit
// snapshots. The caller is responsible for well-formed nesting (keys only inside objects);
// strings are escaped per RFC 8259 and invalid UTF-8 is replaced by U+FFFD.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace keyline {

class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Double(double value);  // shortest round-trip form; non-finite -> null
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // Inserts already-serialised JSON as one value.
  JsonWriter& Raw(std::string_view json);

  // Shorthands for optional fields: write null when absent.
  JsonWriter& OptString(const std::optional<std::string>& value);
  JsonWriter& OptInt(const std::optional<int64_t>& value);
  JsonWriter& OptDouble(const std::optional<double>& value);

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }
  // Pre-allocates for an output of about `bytes` (large lists).
  void Reserve(size_t bytes) { out_.reserve(bytes); }

 private:
  void Separate();
  std::string out_;
  bool need_comma_ = false;
};

// Appends the JSON string literal for value (with quotes) to *out.
void AppendJsonString(std::string* out, std::string_view value);

}  // namespace keyline
