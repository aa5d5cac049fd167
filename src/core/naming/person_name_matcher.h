// PersonNameMatcher: which registered person a text names (an import's 包抓领导 cell). Pure.
//
// A text matches a person when, folded (name_key.h), it equals the person's name or one of
// their aliases; a title written after the name ("张伟（副区长）", "张伟 副区长") is ignored
// when the name alone matches. Exactly one person → kMatched; two people of the same name →
// kAmbiguous with both (their unit and title tell them apart); none → kUnknown with the
// people whose names are closest (same surname and similar given name) as suggestions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/naming/unit_name_matcher.h"

namespace keyline::naming {

struct MatchablePerson {
  int64_t id = 0;
  std::string name;
  std::string title;      // 职务
  std::string unit_name;  // "" when none
  std::vector<std::string> aliases;
};

struct PersonCandidate {
  int64_t id = 0;
  std::string name, title, unit_name;
  double score = 1;
};

struct PersonMatch {
  MatchOutcome outcome = MatchOutcome::kUnknown;
  std::optional<int64_t> person_id;
  std::string via;  // "name" | "alias"
  std::vector<PersonCandidate> candidates;
};

class PersonNameMatcher {
 public:
  explicit PersonNameMatcher(std::vector<MatchablePerson> people);
  PersonMatch Resolve(std::string_view text) const;
  const MatchablePerson* Find(int64_t id) const;

 private:
  PersonCandidate Candidate(size_t i, double score) const;

  std::vector<MatchablePerson> people_;
  std::unordered_map<int64_t, size_t> by_id_;
  std::unordered_map<std::string, std::vector<std::pair<size_t, bool>>> exact_;
};

}  // namespace keyline::naming
