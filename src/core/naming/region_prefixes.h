// The region part of a unit's name: which region names a name starts with (西安市雁塔区…,
// also the short forms 西安, 雁塔), and the readings of the name with them dropped. Used by
// UnitNameMatcher; pure.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model/reference.h"

namespace keyline::naming {

enum class RegionLevel { kUnknown, kProvince, kCity, kCounty, kTownship };

// By the code's shape (GB/T 2260): XX0000 province, XXXX00 city, other 6 digits county,
// longer codes (统计用区划代码) township; kUnknown for anything else.
RegionLevel LevelOfRegionCode(std::string_view code);

// One way to read a name: its key (folded, region names dropped as far as this reading goes,
// abbreviations applied), the codes of the most specific region named (several when regions
// share a name), and the level asked for by a leading 区/县/市/省.
struct NameReading {
  std::string key;
  std::vector<std::string> named;
  RegionLevel level = RegionLevel::kUnknown;
};

class RegionPrefixes {
 public:
  // Province, city and county regions are recognised by name; towns are not (their names,
  // such as 电子城街道, are unit names).
  explicit RegionPrefixes(const std::vector<Region>& regions);

  // The readings of a folded name, from the name as written to the most stripped; `canonical`
  // turns a stripped text into its key. Never empty.
  std::vector<NameReading> Readings(
      const std::string& folded,
      const std::function<std::string(std::string_view)>& canonical) const;

  // True when region `code` lies within region `ancestor` (strictly below it).
  bool IsWithin(const std::string& code, const std::string& ancestor) const;
  std::string NameOf(const std::string& code) const;

 private:
  struct Form {
    std::string text;  // folded
    std::vector<std::string> codes;
  };
  const Form* PrefixOf(const std::string& text) const;
  const Form* BeforeBranch(const std::string& text, size_t* pos) const;

  std::unordered_map<std::string, std::pair<std::string, std::string>> regions_;  // name, parent
  std::vector<Form> forms_;                                                       // longest first
  // Indexes into forms_ by the form's first code point (longest first).
  std::unordered_map<std::string, std::vector<size_t>> forms_by_first_;
};

}  // namespace keyline::naming
