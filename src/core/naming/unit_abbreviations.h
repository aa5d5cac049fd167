// The abbreviations offices use for unit names, as data in one place (unit_abbreviations.cc).
//
// Each rule rewrites a written form to one canonical short form; the rules are applied in
// order to a folded name (name_key.h), every occurrence, so that the official full name and
// the way clerks write it reach the same key:
//   西安市雁塔区发展和改革委员会 → 西安市雁塔区发改委      区发改局 → 区发改委
//   西安市雁塔区住房和城乡建设局 → 西安市雁塔区住建局      区住建局 → 区住建局
//   西安市雁塔区城中村和棚户区改造事务中心 → 西安市雁塔区城改办   区城改办 → 区城改办
// To teach Keyline a new abbreviation, add a rule here (longest written form first) and a
// line to the table in unit_name_matcher_test.cc; a single unit's own nickname belongs in its
// aliases (简称/别名) instead.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace keyline::naming {

struct AbbreviationRule {
  std::string_view written;    // folded, as it may appear in a name
  std::string_view canonical;  // what it becomes
};

// The rules, in the order they apply.
std::span<const AbbreviationRule> UnitAbbreviationRules();

// A folded name with every rule applied.
std::string CanonicalUnitName(std::string_view folded);

}  // namespace keyline::naming
