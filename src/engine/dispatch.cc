#include "engine/dispatch.h"

#include <algorithm>
#include <string>

namespace keyline::engine {

std::vector<DispatchItem> BuildDispatchList(const std::vector<ProjectLights>& lights,
                                            const std::map<int64_t, int>& yellow_streak,
                                            const std::map<int64_t, ProjectForecast>& forecasts,
                                            const LightRuleSet& rules) {
  std::vector<DispatchItem> out;
  for (const ProjectLights& p : lights) {
    DispatchItem item;
    item.project_id = p.project_id;
    int reds = 0, yellows = 0, category = 0;
    for (const DimensionLight& d : p.dimensions) {
      if (d.dimension == LightDimension::kProgress) item.points_behind = d.points_behind;
      if (d.colour == LightColour::kRed) ++reds;
      if (d.colour == LightColour::kYellow) ++yellows;
    }
    auto dimension_reasons = [&](LightColour at_least) {
      for (const DimensionLight& d : p.dimensions) {
        if (d.colour < at_least) continue;
        const LightRuleSpec& spec = SpecOf(d.dimension);
        item.reasons.push_back(
            {std::string(spec.name_zh) + std::string(ColourNameZh(d.colour)) + "：" + d.reason_zh,
             std::string(spec.name_en) + " " + std::string(ColourCode(d.colour)) + ": " +
                 d.reason_en});
      }
    };
    auto streak = yellow_streak.find(p.project_id);
    int months = streak == yellow_streak.end() ? 0 : streak->second;
    if (p.overall == LightColour::kRed) {
      category = 3;
      item.reasons.push_back({"综合红灯", "red overall"});
      dimension_reasons(LightColour::kRed);
    } else if (p.overall == LightColour::kYellow && months >= rules.dispatch_yellow_months) {
      category = 2;
      item.reasons.push_back({"连续 " + std::to_string(months) + " 个月黄灯",
                              "yellow for " + std::to_string(months) + " consecutive months"});
      dimension_reasons(LightColour::kYellow);
    }
    if (auto f = forecasts.find(p.project_id); f != forecasts.end() && f->second.warning) {
      category = std::max(category, 1);
      item.reasons.push_back({f->second.warning_reason_zh, f->second.warning_reason_en});
    }
    if (category == 0) continue;
    item.severity = 100 * category + 10 * reds + yellows;
    out.push_back(std::move(item));
  }
  std::sort(out.begin(), out.end(), [](const DispatchItem& a, const DispatchItem& b) {
    if (a.severity != b.severity) return a.severity > b.severity;
    if (a.points_behind != b.points_behind) return a.points_behind > b.points_behind;
    return a.project_id < b.project_id;
  });
  return out;
}

}  // namespace keyline::engine
