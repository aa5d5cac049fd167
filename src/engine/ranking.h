// Rankings (红黑榜, research §2.3): ranking schemes as data, and the pure ranking of units
// within a group from their component rates.
//
// Score: Σ weightᵢ × min(rateᵢ, 1) over the components that apply to the unit, scaled to 100 by
// the weights that apply: score = Σ pointsᵢ × 100 ÷ Σ weightᵢ (applicable). A rate above 100%
// earns no more than full points. A component without a rate (no denominator: the unit had no
// project planned to start, no problem due) does not apply: it is left out and its weight is
// shared among the others ("该项不参评，权重按比例折算"), so a unit is not punished for having
// nothing to measure. A unit to which no component applies is not ranked (ranked = false,
// rank 0, never on a list) and is listed last.
// Ranks are competition ranks ("1, 2, 2, 4") among the ranked units: units with exactly the
// same score share a rank, the next rank skips, and rows are listed by score then unit id.
// Change of rank = previous rank − rank (positive = moved up), computed among the units of
// the group that were ranked in the previous period.
// Red list: rank ≤ top_n and, when require_target, score ≥ target_percent.
// Black list: among the bottom_n (counted from the bottom with the same tie rule) and, when
// missed_target, score < target_percent; units with a recorded exemption (e.g. 不可抗力) are
// exempt and never black-listed. A unit on the red list is never also on the black list.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "core/model/ranking_scheme.h"
#include "engine/rational.h"

namespace keyline::engine {

using keyline::RankingComponent;
using keyline::RankingGroup;
using keyline::RankingPeriodKind;
using keyline::RankingScheme;

// The Mianyang-style demo scheme (research §2.3), code "mianyang_demo": quarterly, two groups
// (乡镇街道和园区 = units of kind township and park; 部门 = kind department), red list = top 5
// with a score ≥ 80, black list = bottom 4 with a score < 80.
RankingScheme MianyangDemoScheme();

// OK, or kInvalidArgument with one FieldError per problem: code [a-z0-9_.-]{1,64}; names
// 1..200 chars; 1..20 groups with unique codes, each with 1..500 positive unit ids, a unit in
// one group only, unit kinds known, each group with at least one id or kind; 1..20 components,
// weights 1..100 summing to 100, indicators for which `known_indicator` is true (each once);
// top_n/bottom_n 0..50; target percents 0..1000.
Status ValidateRankingScheme(const RankingScheme& scheme,
                             const std::function<bool(std::string_view)>& known_indicator);

// A ranking period: "YYYYMM" for a monthly scheme, "YYYYQn" for a quarterly one.
struct RankingPeriod {
  std::string label;    // "202606" / "2026Q2"
  int first_month = 0;  // YYYYMM
  int last_month = 0;   // YYYYMM: indicators are evaluated for this period
};
// kInvalidArgument (field "period") when text does not match the kind.
Result<RankingPeriod> ParseRankingPeriod(std::string_view text, RankingPeriodKind kind);
RankingPeriod PreviousRankingPeriod(const RankingPeriod& p, RankingPeriodKind kind);

struct UnitRates {
  int64_t unit_id = 0;
  std::vector<std::optional<Rational>> rates;  // one per component
};

struct ComponentPoints {
  std::string indicator;
  std::string percent;  // rate × 100 with the indicator's decimals; "" when no rate
  std::string points;   // 2 decimals
};
struct RankedUnit {
  int64_t unit_id = 0;
  Rational score;
  std::string score_text;  // 2 decimals
  std::vector<ComponentPoints> components;
  int applicable_weight = 0;  // Σ weights of the components with a rate (100 = all apply)
  bool ranked = true;         // false: no component applies; rank 0, no list
  int rank = 0;
  bool tied = false;  // shares its rank with another unit
  std::optional<int> previous_rank;
  std::optional<int> change;  // previous_rank − rank
  bool met_target = false;    // score ≥ red target
  std::string list;           // "red" | "black" | ""
  bool exempt = false;
  std::string exemption_reason;
};

// Ranks one group. `previous` may be empty (no previous period); `exemptions` maps unit id →
// reason for this period.
std::vector<RankedUnit> RankGroup(const RankingScheme& scheme,
                                  const std::vector<UnitRates>& current,
                                  const std::vector<UnitRates>& previous,
                                  const std::map<int64_t, std::string>& exemptions);

}  // namespace keyline::engine
