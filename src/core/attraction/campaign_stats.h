// Figures of a campaign round (三个一批): per category and in total, the number of projects,
// their total investment, the year's planned investment (from confirmed annual plans), the
// size bands, and how many have started (在建 or later, or an actual start date) or are in
// production (投产) — the start and production rates of each round's projects.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <vector>

#include "common/money.h"
#include "core/model/attraction.h"

namespace keyline {

// Size bands: total investment ≥ 1亿, ≥ 5亿, ≥ 10亿 (each band includes the larger ones).
inline constexpr Money kBand100M = Money{10'000 * Money::kCentsPerWan};
inline constexpr Money kBand500M = Money{50'000 * Money::kCentsPerWan};
inline constexpr Money kBand1B = Money{100'000 * Money::kCentsPerWan};

struct CampaignFigures {
  std::optional<CampaignCategory> category;  // nullopt: the whole round
  int64_t projects = 0;
  Money total_investment;
  int64_t planned_projects = 0;  // with a confirmed annual plan for the round's year
  Money annual_planned;          // Σ of those plans
  int64_t over_100m = 0;
  int64_t over_500m = 0;
  int64_t over_1b = 0;
  int64_t started = 0;
  int64_t in_production = 0;
  std::optional<double> start_rate;       // started ÷ projects
  std::optional<double> production_rate;  // in_production ÷ projects
};

struct CampaignStats {
  CampaignFigures total;
  std::vector<CampaignFigures> by_category;  // every category of the scheme, in table order
};

// plans: project id → planned investment of its confirmed plan for the year (absent: none).
CampaignStats ComputeCampaignStats(CampaignScheme scheme, std::span<const CampaignEntry> entries,
                                   const std::map<int64_t, Money>& plans);

}  // namespace keyline
