#include "documents/engine_lights_source.h"

namespace keyline::documents {
namespace {

// "202606" for a monthly scheme; for a quarterly one the last quarter complete by the end of
// the month ("2026Q2" for 202606 and 202608, "2025Q4" for 202602).
std::string PeriodLabel(const RankingScheme& scheme, int period) {
  if (scheme.period_kind == RankingPeriodKind::kMonth) return std::to_string(period);
  int year = period / 100, quarter = (period % 100) / 3;
  if (quarter == 0) {
    --year;
    quarter = 4;
  }
  return std::to_string(year) + "Q" + std::to_string(quarter);
}

}  // namespace

Result<RankingTable> LightsRankingSource::Rankings(const Caller& caller,
                                                   const BulletinScope& scope) {
  RankingTable table;
  KL_ASSIGN_OR_RETURN(std::vector<RankingScheme> schemes, rankings_.List());
  const RankingScheme* scheme = nullptr;
  for (const RankingScheme& s : schemes) {
    if (scheme_.empty() || s.code == scheme_) {
      scheme = &s;
      break;
    }
  }
  if (scheme == nullptr) {
    table.note = "暂无数据（未定义排名方案）";
    return table;
  }
  auto ranked = rankings_.Rank(caller, scheme->code, PeriodLabel(*scheme, scope.period));
  if (!ranked.ok()) {
    // A scheme that cannot rank this period (e.g. refers to a removed indicator) must not cost
    // the office its whole bulletin: the section says why.
    if (ranked.status().code() != ErrorCode::kInvalidArgument &&
        ranked.status().code() != ErrorCode::kNotFound) {
      return ranked.status();
    }
    table.note = "暂无数据（" + ranked.status().message_zh() + "）";
    return table;
  }
  const engine::RankingResult& result = *ranked;
  table.available = true;
  table.scheme = result.scheme.name_zh + "（" + result.period.label + "）";
  for (const engine::RankingGroupResult& group : result.groups) {
    for (const engine::RankingRow& row : group.rows) {
      if (scope.unit_id && row.ranked.unit_id != *scope.unit_id) continue;
      if (!row.ranked.ranked) continue;  // nothing to measure: 不参评, not listed with rank 0
      RankingTable::Row r;
      r.rank = row.ranked.rank;
      r.previous_rank = row.ranked.previous_rank;
      r.name = row.unit_name;
      if (result.groups.size() > 1) r.group = group.name_zh;
      r.score = engine::ToDouble(row.ranked.score);
      table.rows.push_back(std::move(r));
    }
  }
  if (table.rows.empty()) table.note = "暂无数据";
  return table;
}

Result<LightLists> LightsRankingSource::Lights(const Caller& caller, const BulletinScope& scope) {
  LightLists lists;
  for (engine::LightColour colour : {engine::LightColour::kRed, engine::LightColour::kYellow}) {
    engine::LightsQuery query;
    query.period = scope.period;
    query.colour = colour;
    query.unit_id = scope.unit_id;
    query.page_size = 500;
    for (query.page = 1;; ++query.page) {
      KL_ASSIGN_OR_RETURN(engine::LightsPage page, lights_.List(caller, query));
      for (const engine::LightsItem& item : page.items) {
        LightItem l;
        l.project_name = item.project.name;
        l.unit = item.project.unit_name;
        for (const engine::DimensionLight& d : item.lights.dimensions) {
          if (d.colour != colour || d.reason_zh.empty()) continue;
          if (!l.reason.empty()) l.reason += "；";
          l.reason += d.reason_zh;
        }
        (colour == engine::LightColour::kRed ? lists.red : lists.yellow).push_back(std::move(l));
      }
      if (page.items.empty() || query.page * query.page_size >= page.total) break;
    }
  }
  lists.available = true;
  return lists;
}

}  // namespace keyline::documents
