// The stored form of a parsed sheet and of a column mapping (import_sessions rows): a compact
// length-prefixed text ("<n>:<bytes>" per string) that needs no JSON parser and round-trips
// every byte. Decoding checks every length and fails with kInvalidArgument on damage.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "importing/sheet_table.h"

namespace keyline::importing {

struct ColumnMapping {
  std::vector<std::optional<std::string>> fields;  // per table column
  std::vector<std::string> sources;                // "synonym" | "user" | ""
};

std::string EncodeTable(const SheetTable& table);
Result<SheetTable> DecodeTable(const std::string& text);

std::string EncodeMapping(const ColumnMapping& mapping);
Result<ColumnMapping> DecodeMapping(const std::string& text);

std::string EncodeStrings(const std::vector<std::string>& list);
Result<std::vector<std::string>> DecodeStrings(const std::string& text);

}  // namespace keyline::importing
