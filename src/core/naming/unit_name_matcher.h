// UnitNameMatcher: which registered unit a text names, as clerks write it. Pure; built once
// from the units (with their aliases) and the regions, then asked many times (thread-safe for
// concurrent Resolve calls).
//
// A text matches a unit when, after folding (name_key.h):
//   1. it equals the unit's registered name or one of its aliases (简称/别名); else
//   2. it reaches the same key as the unit's name or an alias once
//      - the abbreviations are applied (unit_abbreviations.h: 发改委 ↔ 发展和改革委员会 …),
//      - region names are dropped from the front (西安市雁塔区教育局 ↔ 雁塔区教育局 ↔ 教育局;
//        full names and their short forms 西安/雁塔) and before 分局 (…局雁塔分局),
//      - a leading 区/县/市/省 is dropped (区教育局: a unit of a county-level region).
//      A region the text names must be the unit's own region (or, for a street/town, one it
//      lies in); a leading 区/县 asks for a county-level unit, 市 a city-level one, 省 a
//      provincial one. A unit's region is its region_code, else the one its name names.
// Exactly one unit → kMatched. Two or more → kAmbiguous with every candidate: the matcher
// never chooses between two units. None → kUnknown with the closest units as suggestions.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model/reference.h"

namespace keyline::naming {

enum class MatchOutcome { kMatched, kAmbiguous, kUnknown };
std::string_view MatchOutcomeCode(MatchOutcome outcome);  // "matched" | "ambiguous" | "unknown"

struct MatchableUnit {
  int64_t id = 0;
  std::string name;
  UnitKind kind = UnitKind::kOther;
  std::optional<std::string> region_code;
  std::vector<std::string> aliases;
};

struct UnitCandidate {
  int64_t id = 0;
  std::string name;
  UnitKind kind = UnitKind::kOther;
  std::string region_name;  // the unit's region ("" when none)
  double score = 1;         // suggestions: NameSimilarity of the keys; candidates: 1
};

struct UnitMatch {
  MatchOutcome outcome = MatchOutcome::kUnknown;
  std::optional<int64_t> unit_id;  // kMatched
  std::string via;                 // kMatched: "name" | "alias" | "abbreviation"
  // kAmbiguous: every unit the text could name (id order); kUnknown: up to 5 suggestions,
  // most alike first.
  std::vector<UnitCandidate> candidates;
};

class UnitNameMatcher {
 public:
  UnitNameMatcher(std::vector<MatchableUnit> units, const std::vector<Region>& regions);
  ~UnitNameMatcher();
  UnitNameMatcher(UnitNameMatcher&&) noexcept;
  UnitNameMatcher& operator=(UnitNameMatcher&&) noexcept;

  // with_suggestions=false skips the (linear) search for suggestions of an unknown text.
  UnitMatch Resolve(std::string_view text, bool with_suggestions = true) const;

  // The unit of an id (nullptr when unknown).
  const MatchableUnit* Find(int64_t id) const;

 private:
  struct Index;
  std::unique_ptr<Index> index_;
};

}  // namespace keyline::naming
