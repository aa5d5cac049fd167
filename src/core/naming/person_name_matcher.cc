#include "core/naming/person_name_matcher.h"

#include <algorithm>
#include <set>

#include "core/naming/name_key.h"

namespace keyline::naming {
namespace {

constexpr size_t kMaxSuggestions = 5;
constexpr double kMinSimilarity = 0.5;

// The name part of "张伟（副区长）" / "张伟(副区长)" / "张伟 副区长": the text before the first
// bracket or space; "" when there is none.
std::string NameBeforeTitle(std::string_view text) {
  static constexpr std::string_view kBreaks[] = {"（", "(", " ", "\xE3\x80\x80", "，", ",", "："};
  size_t cut = std::string_view::npos;
  for (std::string_view b : kBreaks) cut = std::min(cut, text.find(b));
  if (cut == std::string_view::npos || cut == 0) return "";
  return FoldName(text.substr(0, cut));
}

// Same surname (first character) and similar as a whole.
double PersonSimilarity(const std::string& a, const std::string& b) {
  std::vector<std::string> ca = CodePoints(a), cb = CodePoints(b);
  if (ca.empty() || cb.empty() || ca.front() != cb.front()) return 0;
  std::multiset<std::string> sa(ca.begin(), ca.end());
  size_t common = 0;
  for (const std::string& c : cb) {
    auto it = sa.find(c);
    if (it != sa.end()) {
      ++common;
      sa.erase(it);
    }
  }
  return static_cast<double>(common) / static_cast<double>(std::max(ca.size(), cb.size()));
}

}  // namespace

PersonNameMatcher::PersonNameMatcher(std::vector<MatchablePerson> people)
    : people_(std::move(people)) {
  for (size_t i = 0; i < people_.size(); ++i) {
    by_id_.emplace(people_[i].id, i);
    std::string key = FoldName(people_[i].name);
    if (!key.empty()) exact_[key].emplace_back(i, false);
    for (const std::string& alias : people_[i].aliases) {
      std::string a = FoldName(alias);
      if (!a.empty()) exact_[a].emplace_back(i, true);
    }
  }
}

const MatchablePerson* PersonNameMatcher::Find(int64_t id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &people_[it->second];
}

PersonCandidate PersonNameMatcher::Candidate(size_t i, double score) const {
  const MatchablePerson& p = people_[i];
  return {p.id, p.name, p.title, p.unit_name, score};
}

PersonMatch PersonNameMatcher::Resolve(std::string_view text) const {
  PersonMatch out;
  std::string folded = FoldName(text);
  if (folded.empty()) return out;
  auto it = exact_.find(folded);
  if (it == exact_.end()) {
    std::string name = NameBeforeTitle(text);
    if (!name.empty()) {
      it = exact_.find(name);
      folded = name;
    }
  }
  if (it != exact_.end()) {
    std::set<size_t> found, by_alias;
    for (const auto& [i, alias] : it->second) (alias ? by_alias : found).insert(i);
    // An alias someone confirmed settles two people of the same name.
    if (by_alias.size() == 1) {
      out.outcome = MatchOutcome::kMatched;
      out.person_id = people_[*by_alias.begin()].id;
      out.via = "alias";
      return out;
    }
    found.insert(by_alias.begin(), by_alias.end());
    if (found.size() == 1) {
      out.outcome = MatchOutcome::kMatched;
      out.person_id = people_[*found.begin()].id;
      out.via = it->second.front().second ? "alias" : "name";
      return out;
    }
    out.outcome = MatchOutcome::kAmbiguous;
    std::vector<size_t> sorted(found.begin(), found.end());
    std::sort(sorted.begin(), sorted.end(),
              [&](size_t a, size_t b) { return people_[a].id < people_[b].id; });
    for (size_t i : sorted) out.candidates.push_back(Candidate(i, 1));
    return out;
  }
  std::vector<std::pair<double, size_t>> scored;
  for (size_t i = 0; i < people_.size(); ++i) {
    double s = PersonSimilarity(folded, FoldName(people_[i].name));
    if (s >= kMinSimilarity) scored.emplace_back(s, i);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = 0; i < scored.size() && i < kMaxSuggestions; ++i) {
    out.candidates.push_back(Candidate(scored[i].second, scored[i].first));
  }
  return out;
}

}  // namespace keyline::naming
