#include "core/attraction/campaign_stats.h"

namespace keyline {
namespace {

bool Started(const CampaignEntry& e) {
  const std::string& s = e.project_stage;
  return e.actual_start.has_value() || s == "construction" || s == "completed" || s == "production";
}

void Add(CampaignFigures* f, const CampaignEntry& e, const std::map<int64_t, Money>& plans) {
  ++f->projects;
  f->total_investment = f->total_investment + e.total_investment;
  if (auto it = plans.find(e.project_id); it != plans.end()) {
    ++f->planned_projects;
    f->annual_planned = f->annual_planned + it->second;
  }
  if (e.total_investment >= kBand100M) ++f->over_100m;
  if (e.total_investment >= kBand500M) ++f->over_500m;
  if (e.total_investment >= kBand1B) ++f->over_1b;
  if (Started(e)) ++f->started;
  if (e.project_stage == "production") ++f->in_production;
}

void Rates(CampaignFigures* f) {
  if (f->projects == 0) return;
  double n = static_cast<double>(f->projects);
  f->start_rate = static_cast<double>(f->started) / n;
  f->production_rate = static_cast<double>(f->in_production) / n;
}

}  // namespace

CampaignStats ComputeCampaignStats(CampaignScheme scheme, std::span<const CampaignEntry> entries,
                                   const std::map<int64_t, Money>& plans) {
  CampaignStats out;
  for (const auto& entry : CampaignCategoryTable()) {
    if (entry.value == CampaignCategory::kPlan && scheme == CampaignScheme::kThree) continue;
    CampaignFigures f;
    f.category = entry.value;
    out.by_category.push_back(f);
  }
  for (const CampaignEntry& e : entries) {
    Add(&out.total, e, plans);
    for (CampaignFigures& f : out.by_category) {
      if (f.category == e.category) Add(&f, e, plans);
    }
  }
  Rates(&out.total);
  for (CampaignFigures& f : out.by_category) Rates(&f);
  return out;
}

}  // namespace keyline
