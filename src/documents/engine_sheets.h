// The engine's tables as office sheets: the rates of an indicator set by group (五率),
// the traffic-lights list (红黄绿灯) and a ranking (排名). Each is the table its JSON endpoint
// shows, with the same figures: a percent or amount is the number the JSON gives as a decimal
// string (rates: 万元 for money), an absent one is an empty cell.
#pragma once

#include <string>
#include <vector>

#include "documents/office_workbook.h"
#include "engine/service/lights_service.h"
#include "engine/service/ranking_service.h"
#include "engine/service/rates_service.h"

namespace keyline::documents {

// Column 0 the group's label; then per indicator (its name merged above) 率（%）, 分子, 分母.
// One row per group in key order (the rows of GET /rates), then the area row "全区合计".
inline constexpr int kRatesFirstValueColumn = 1;
OfficeSheet RatesSheet(const engine::RatesService::SetResult& rates, const std::string& title,
                       const std::string& subtitle);

// 序号, 项目代码, 项目名称, 责任单位, 总体灯色, then per dimension that any item has (its name
// merged above) 灯色 and 原因. Colours are 红灯/黄灯/绿灯.
inline constexpr int kLightsOverallColumn = 4;
inline constexpr int kLightsFirstDimensionColumn = 5;
OfficeSheet LightsSheet(const std::vector<engine::LightsItem>& items, const std::string& subtitle);

// 分组, 排名 (不参评 when not ranked), 变化, 单位, 得分, per component (its name merged above)
// 完成率（%） and 得分, 红黑榜 (红榜/黑榜), 豁免说明; the groups one after another.
inline constexpr int kRankingScoreColumn = 4;
inline constexpr int kRankingFirstComponentColumn = 5;
OfficeSheet RankingSheet(const engine::RankingResult& ranking, const std::string& subtitle);

// "红灯" / "黄灯" / "绿灯".
std::string ColourZh(engine::LightColour colour);

}  // namespace keyline::documents
