// ZipArchive: the .xlsx container, read from memory with libzip under Limits.
//
// Entries are streamed in chunks (never inflated whole), and the inflated bytes are counted as
// they come out of the decompressor: the sizes in the zip headers are not trusted. An entry that
// inflates beyond Limits::max_entry_uncompressed, a workbook whose entries together inflate
// beyond Limits::max_total_uncompressed (each entry counted once, even when read twice), or an
// entry whose output exceeds max_compression_ratio × its compressed size (a zip bomb; entries
// under 1 MiB of output are exempt, tiny parts compress well) fails with kTooLarge. So does an
// archive of more than kMaxEntries entries, checked in the end-of-central-directory record
// before libzip reads (and allocates for) the directory.
#pragma once

#include <zip.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "common/result.h"
#include "xlsx/workbook_reader.h"

namespace keyline::xlsx {

class ZipArchive {
 public:
  static constexpr uint64_t kMaxEntries = 10000;

  // Takes the bytes (kept alive as long as the archive). kInvalidArgument when they are not a
  // zip archive (with a hint when they look like a legacy .xls or a PDF).
  static Result<std::unique_ptr<ZipArchive>> Open(std::string bytes, const Limits& limits);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // True when an entry of that name exists (OPC part names are case-insensitive).
  bool Has(std::string_view name) const;

  // Streams the inflated bytes of entry `name` to `sink` in chunks of at most 64 KiB. A
  // non-OK Status from the sink stops the read and is returned. kInvalidArgument when the entry
  // is missing, encrypted or corrupt; kTooLarge past the limits.
  Status Read(std::string_view name, const std::function<Status(std::string_view)>& sink);

 private:
  ZipArchive(std::string bytes, const Limits& limits) : bytes_(std::move(bytes)), limits_(limits) {}

  std::string bytes_;
  Limits limits_;
  zip_t* zip_ = nullptr;
  uint64_t total_inflated_ = 0;
  std::set<zip_int64_t> counted_;  // entries already counted towards the total
};

// The Status for "not a valid .xlsx file": zh and en prefixed consistently.
Status NotXlsx(std::string_view zh, std::string_view en);
Status TooLarge(std::string_view zh, std::string_view en);

}  // namespace keyline::xlsx
