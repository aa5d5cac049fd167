// Traffic-light rule sets (红黄绿灯) as data: one rule per dimension with its yellow and red
// thresholds, plus the forecast warning threshold and the dispatch-list rule.
//
// The shipped set follows the documented Yinchuan rules (research-china.md §2.2), extended with
// the reporting and procedures dimensions:
//   start       planned to start this month (or up to `yellow` months ago) and not started →
//               yellow; not started `red` (3) months after the planned start month → red
//   progress    behind the project's 序时进度 by ≥ `yellow` (10) points → yellow; by more than
//               `red` (30) points → red
//   statistics  started, not 入库 `yellow` (1) full month after the start → yellow; `red` (2) → red
//   funds       paid ÷ arrived below `yellow` (80) % → yellow; below `red` (50) % → red
//   reporting   the month's report submitted late → yellow (when `yellow` = 1); still missing
//               more than `red` (0) days after its due day → red
//   procedures  ≥ `yellow` (1) approvals overdue → yellow; one overdue more than `red` (10)
//               working days, or ≥ `red_items` (3) overdue → red
// Every threshold is an integer; ValidateLightRules names the bad field in zh and en.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace keyline::engine {

enum class LightColour : uint8_t { kGreen = 0, kYellow = 1, kRed = 2 };
std::string_view ColourCode(LightColour c);  // "green" | "yellow" | "red"
std::optional<LightColour> ParseColour(std::string_view code);
std::string_view ColourNameZh(LightColour c);  // 绿灯 / 黄灯 / 红灯

enum class LightDimension : uint8_t {
  kStart,
  kProgress,
  kStatistics,
  kFunds,
  kReporting,
  kProcedures
};
inline constexpr int kDimensionCount = 6;
inline constexpr std::array<LightDimension, kDimensionCount> kAllDimensions = {
    LightDimension::kStart, LightDimension::kProgress,  LightDimension::kStatistics,
    LightDimension::kFunds, LightDimension::kReporting, LightDimension::kProcedures};
std::string_view DimensionCode(LightDimension d);  // "start", "progress", ...
std::optional<LightDimension> ParseDimension(std::string_view code);

// What the thresholds of a dimension mean: the JSON key of each, the allowed range, and the
// names shown to users. An empty key means the dimension does not use that threshold.
struct LightParamSpec {
  std::string_view key;
  int64_t min = 0, max = 0;
};
struct LightRuleSpec {
  LightDimension dimension;
  std::string_view name_zh, name_en;
  LightParamSpec yellow, red, red_items;
};
const LightRuleSpec& SpecOf(LightDimension d);

struct LightRule {
  LightDimension dimension = LightDimension::kStart;
  bool enabled = true;
  int64_t yellow = 0;
  int64_t red = 0;
  int64_t red_items = 0;  // procedures only
};

struct LightRuleSet {
  std::array<LightRule, kDimensionCount> rules;  // in kAllDimensions order
  // Forecast: warn when the forecast year-end completion is below this percentage of the plan.
  int64_t forecast_warning_percent = 90;
  // Dispatch list: a project yellow overall for this many consecutive months is listed.
  int64_t dispatch_yellow_months = 2;

  const LightRule& rule(LightDimension d) const { return rules[static_cast<int>(d)]; }
  LightRule& rule(LightDimension d) { return rules[static_cast<int>(d)]; }
};

// The shipped (Yinchuan) set described above.
LightRuleSet DefaultLightRules();

// OK, or kInvalidArgument with one FieldError per bad threshold ("rules[progress].red": "红灯
// 阈值应大于黄灯阈值"): each value within its spec's range; for progress and statistics and
// start red > yellow; for funds red < yellow (a lower payment share is worse).
Status ValidateLightRules(const LightRuleSet& set);

}  // namespace keyline::engine
