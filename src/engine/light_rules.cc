#include "engine/light_rules.h"

#include <string>

namespace keyline::engine {
namespace {

constexpr LightRuleSpec kSpecs[kDimensionCount] = {
    {LightDimension::kStart,
     "开工",
     "start",
     {"months_after_planned", 0, 24},
     {"months_after_planned", 1, 36},
     {"", 0, 0}},
    {LightDimension::kProgress,
     "投资进度",
     "progress",
     {"points_behind", 1, 100},
     {"points_behind", 1, 100},
     {"", 0, 0}},
    {LightDimension::kStatistics,
     "入库纳统",
     "statistics",
     {"months_after_start", 0, 24},
     {"months_after_start", 1, 36},
     {"", 0, 0}},
    {LightDimension::kFunds,
     "资金支付",
     "funds",
     {"paid_percent_below", 1, 100},
     {"paid_percent_below", 0, 100},
     {"", 0, 0}},
    {LightDimension::kReporting,
     "月报报送",
     "reporting",
     {"late", 0, 1},
     {"days_after_due", 0, 60},
     {"", 0, 0}},
    {LightDimension::kProcedures,
     "审批手续",
     "procedures",
     {"overdue_items", 1, 100},
     {"overdue_working_days", 0, 250},
     {"overdue_items", 1, 100}},
};

constexpr std::string_view kColourCodes[] = {"green", "yellow", "red"};
constexpr std::string_view kColourZh[] = {"绿灯", "黄灯", "红灯"};
constexpr std::string_view kDimensionCodes[] = {"start", "progress",  "statistics",
                                                "funds", "reporting", "procedures"};

}  // namespace

std::string_view ColourCode(LightColour c) { return kColourCodes[static_cast<int>(c)]; }
std::string_view ColourNameZh(LightColour c) { return kColourZh[static_cast<int>(c)]; }
std::optional<LightColour> ParseColour(std::string_view code) {
  for (int i = 0; i < 3; ++i) {
    if (kColourCodes[i] == code) return static_cast<LightColour>(i);
  }
  return std::nullopt;
}

std::string_view DimensionCode(LightDimension d) { return kDimensionCodes[static_cast<int>(d)]; }
std::optional<LightDimension> ParseDimension(std::string_view code) {
  for (int i = 0; i < kDimensionCount; ++i) {
    if (kDimensionCodes[i] == code) return static_cast<LightDimension>(i);
  }
  return std::nullopt;
}

const LightRuleSpec& SpecOf(LightDimension d) { return kSpecs[static_cast<int>(d)]; }

LightRuleSet DefaultLightRules() {
  LightRuleSet s;
  s.rules[0] = {LightDimension::kStart, true, 0, 3, 0};
  s.rules[1] = {LightDimension::kProgress, true, 10, 30, 0};
  s.rules[2] = {LightDimension::kStatistics, true, 1, 2, 0};
  s.rules[3] = {LightDimension::kFunds, true, 80, 50, 0};
  s.rules[4] = {LightDimension::kReporting, true, 1, 0, 0};
  s.rules[5] = {LightDimension::kProcedures, true, 1, 10, 3};
  return s;
}

Status ValidateLightRules(const LightRuleSet& set) {
  std::vector<FieldError> errors;
  auto add = [&](LightDimension d, std::string_view which, std::string zh, std::string en) {
    std::string field = "rules[" + std::string(DimensionCode(d)) + "]." + std::string(which);
    errors.push_back({field, std::move(zh), std::move(en)});
  };
  auto range = [&](LightDimension d, std::string_view which, const LightParamSpec& spec,
                   int64_t v) {
    if (spec.key.empty()) return;
    if (v < spec.min || v > spec.max) {
      std::string r = std::to_string(spec.min) + ".." + std::to_string(spec.max);
      add(d, std::string(which) + "." + std::string(spec.key), "阈值应在 " + r + " 之间",
          "the threshold must be within " + r);
    }
  };
  for (int i = 0; i < kDimensionCount; ++i) {
    const LightRule& r = set.rules[i];
    LightDimension d = kAllDimensions[i];
    if (r.dimension != d) {
      add(d, "dimension", "维度顺序错误", "dimensions out of order");
      continue;
    }
    const LightRuleSpec& spec = SpecOf(d);
    range(d, "yellow", spec.yellow, r.yellow);
    range(d, "red", spec.red, r.red);
    range(d, "red", spec.red_items, r.red_items);
    bool lower_is_worse = d == LightDimension::kFunds;
    bool ordered = d == LightDimension::kStart || d == LightDimension::kProgress ||
                   d == LightDimension::kStatistics || lower_is_worse;
    if (ordered && !lower_is_worse && r.red <= r.yellow) {
      add(d, "red", "红灯阈值应大于黄灯阈值", "the red threshold must be above the yellow one");
    }
    if (lower_is_worse && r.red >= r.yellow) {
      add(d, "red", "红灯阈值应低于黄灯阈值（支付比例越低越严重）",
          "the red threshold must be below the yellow one (a lower paid share is worse)");
    }
    if (d == LightDimension::kProcedures && r.red_items < r.yellow) {
      add(d, "red.overdue_items", "红灯逾期事项数不应少于黄灯",
          "red overdue_items must not be below the yellow one");
    }
  }
  if (set.forecast_warning_percent < 1 || set.forecast_warning_percent > 100) {
    errors.push_back({"forecast.warning_percent_below", "预测预警阈值应在 1..100 之间",
                      "the forecast warning threshold must be within 1..100"});
  }
  if (set.dispatch_yellow_months < 1 || set.dispatch_yellow_months > 12) {
    errors.push_back({"dispatch.yellow_months", "连续黄灯月数应在 1..12 之间",
                      "dispatch yellow_months must be within 1..12"});
  }
  if (errors.empty()) return Status::Ok();
  std::string zh = "灯色规则无效：" + errors.front().field + " " + errors.front().message_zh;
  std::string en = "invalid light rules: " + errors.front().field + " " + errors.front().message_en;
  return Status::InvalidArgument(std::move(zh), std::move(en), std::move(errors));
}

}  // namespace keyline::engine
