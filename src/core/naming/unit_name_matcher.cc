#include "core/naming/unit_name_matcher.h"

#include <algorithm>
#include <set>

#include "core/naming/name_key.h"
#include "core/naming/region_prefixes.h"
#include "core/naming/unit_abbreviations.h"

namespace keyline::naming {
namespace {

constexpr size_t kMaxSuggestions = 5;
constexpr double kMinSimilarity = 0.3;

// The key suggestions compare: without the legal-form suffix every company shares
// (有限公司 …), which would make any two companies look alike.
std::string SuggestionKey(std::string key) {
  static constexpr std::string_view kSuffixes[] = {"股份有限公司", "有限责任公司", "有限公司",
                                                   "集团"};
  for (std::string_view suffix : kSuffixes) {
    if (key.size() > suffix.size() && key.ends_with(suffix)) {
      key.resize(key.size() - suffix.size());
      break;
    }
  }
  return key;
}

}  // namespace

std::string_view MatchOutcomeCode(MatchOutcome outcome) {
  switch (outcome) {
    case MatchOutcome::kMatched:
      return "matched";
    case MatchOutcome::kAmbiguous:
      return "ambiguous";
    case MatchOutcome::kUnknown:
      return "unknown";
  }
  return "unknown";
}

struct UnitNameMatcher::Index {
  RegionPrefixes regions;
  std::vector<MatchableUnit> units;
  std::unordered_map<int64_t, size_t> by_id;
  std::vector<std::optional<std::string>> unit_region;  // effective region
  std::vector<RegionLevel> unit_level;
  std::vector<std::vector<std::string>> unit_cores;  // most-stripped key of the name and aliases
  // Folded registered names and aliases → (unit, is alias).
  std::unordered_map<std::string, std::vector<std::pair<size_t, bool>>> exact;
  std::unordered_map<std::string, std::vector<size_t>> keyed;

  explicit Index(const std::vector<Region>& all_regions) : regions(all_regions) {}

  void Add(size_t u, const std::string& text, bool alias) {
    std::string folded = FoldName(text);
    if (folded.empty()) return;
    exact[folded].emplace_back(u, alias);
    std::vector<NameReading> readings = regions.Readings(folded, CanonicalUnitName);
    for (const NameReading& r : readings) {
      auto& list = keyed[r.key];
      if (list.empty() || list.back() != u) list.push_back(u);
    }
    // Suggestions compare both the key and the name as written (区住房建设局 is near
    // 住房和城乡建设局 as written, not near its key 住建局).
    unit_cores[u].push_back(SuggestionKey(readings.back().key));
    unit_cores[u].push_back(SuggestionKey(folded));
    if (alias) return;
    // The unit's own region: its region_code, else the most specific region its name names.
    const MatchableUnit& unit = units[u];
    if (unit.region_code) {
      unit_region[u] = unit.region_code;
      unit_level[u] = LevelOfRegionCode(*unit.region_code);
      return;
    }
    for (auto it = readings.rbegin(); it != readings.rend(); ++it) {
      if (it->named.size() == 1) {
        unit_region[u] = it->named.front();
        unit_level[u] = LevelOfRegionCode(it->named.front());
        return;
      }
    }
    for (const NameReading& r : readings) {
      if (r.level != RegionLevel::kUnknown) unit_level[u] = r.level;
    }
  }

  bool Fits(size_t u, const NameReading& reading) const {
    const std::optional<std::string>& region = unit_region[u];
    if (!reading.named.empty() && region) {
      bool in = false;
      for (const std::string& code : reading.named) {
        if (*region == code) in = true;
        // A street or town lies in the regions above it.
        bool town = units[u].kind == UnitKind::kTownship ||
                    LevelOfRegionCode(*region) == RegionLevel::kTownship;
        if (town && regions.IsWithin(*region, code)) in = true;
      }
      if (!in) return false;
    }
    if (reading.level != RegionLevel::kUnknown) {
      RegionLevel level = unit_level[u];
      if (level == RegionLevel::kTownship && reading.level == RegionLevel::kCounty) return true;
      if (level != RegionLevel::kUnknown && level != reading.level) return false;
    }
    return true;
  }

  UnitCandidate Candidate(size_t u, double score) const {
    const MatchableUnit& unit = units[u];
    UnitCandidate c;
    c.id = unit.id;
    c.name = unit.name;
    c.kind = unit.kind;
    if (unit_region[u]) c.region_name = regions.NameOf(*unit_region[u]);
    c.score = score;
    return c;
  }
};

UnitNameMatcher::UnitNameMatcher(std::vector<MatchableUnit> units,
                                 const std::vector<Region>& regions)
    : index_(std::make_unique<Index>(regions)) {
  Index& ix = *index_;
  ix.units = std::move(units);
  size_t n = ix.units.size();
  ix.unit_region.resize(n);
  ix.unit_level.assign(n, RegionLevel::kUnknown);
  ix.unit_cores.resize(n);
  for (size_t u = 0; u < n; ++u) {
    ix.by_id.emplace(ix.units[u].id, u);
    ix.Add(u, ix.units[u].name, false);
    for (const std::string& alias : ix.units[u].aliases) ix.Add(u, alias, true);
  }
}

UnitNameMatcher::~UnitNameMatcher() = default;
UnitNameMatcher::UnitNameMatcher(UnitNameMatcher&&) noexcept = default;
UnitNameMatcher& UnitNameMatcher::operator=(UnitNameMatcher&&) noexcept = default;

const MatchableUnit* UnitNameMatcher::Find(int64_t id) const {
  auto it = index_->by_id.find(id);
  return it == index_->by_id.end() ? nullptr : &index_->units[it->second];
}

UnitMatch UnitNameMatcher::Resolve(std::string_view text, bool with_suggestions) const {
  const Index& ix = *index_;
  UnitMatch out;
  std::string folded = FoldName(text);
  if (folded.empty()) return out;
  // 1. The registered name or an alias, as written.
  if (auto it = ix.exact.find(folded); it != ix.exact.end()) {
    std::set<size_t> units, by_alias;
    for (const auto& [u, alias] : it->second) (alias ? by_alias : units).insert(u);
    // An alias someone confirmed settles two units of the same registered name.
    if (by_alias.size() == 1) {
      out.outcome = MatchOutcome::kMatched;
      out.unit_id = ix.units[*by_alias.begin()].id;
      out.via = "alias";
      return out;
    }
    units.insert(by_alias.begin(), by_alias.end());
    if (units.size() == 1) {
      out.outcome = MatchOutcome::kMatched;
      out.unit_id = ix.units[*units.begin()].id;
      out.via = it->second.front().second ? "alias" : "name";
      return out;
    }
    out.outcome = MatchOutcome::kAmbiguous;
    for (size_t u : units) out.candidates.push_back(ix.Candidate(u, 1));
    return out;
  }
  // 2. Abbreviations and region prefixes.
  std::vector<NameReading> readings = ix.regions.Readings(folded, CanonicalUnitName);
  std::set<size_t> found;
  for (const NameReading& r : readings) {
    auto it = ix.keyed.find(r.key);
    if (it == ix.keyed.end()) continue;
    for (size_t u : it->second) {
      if (ix.Fits(u, r)) found.insert(u);
    }
  }
  if (found.size() == 1) {
    out.outcome = MatchOutcome::kMatched;
    out.unit_id = ix.units[*found.begin()].id;
    out.via = "abbreviation";
    return out;
  }
  if (found.size() > 1) {
    out.outcome = MatchOutcome::kAmbiguous;
    std::vector<size_t> sorted(found.begin(), found.end());
    std::sort(sorted.begin(), sorted.end(),
              [&](size_t a, size_t b) { return ix.units[a].id < ix.units[b].id; });
    for (size_t u : sorted) out.candidates.push_back(ix.Candidate(u, 1));
    return out;
  }
  // 3. Unknown: the closest units.
  if (!with_suggestions) return out;
  const std::string core = SuggestionKey(readings.back().key);
  const std::string written = SuggestionKey(folded);
  std::vector<std::pair<double, size_t>> scored;
  for (size_t u = 0; u < ix.units.size(); ++u) {
    double best = 0;
    for (const std::string& c : ix.unit_cores[u]) {
      best = std::max({best, NameSimilarity(core, c), NameSimilarity(written, c)});
    }
    if (best >= kMinSimilarity) scored.emplace_back(best, u);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = 0; i < scored.size() && i < kMaxSuggestions; ++i) {
    out.candidates.push_back(ix.Candidate(scored[i].second, scored[i].first));
  }
  return out;
}

}  // namespace keyline::naming
