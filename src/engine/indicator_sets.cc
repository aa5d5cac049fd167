#include "engine/indicator_sets.h"

namespace keyline::engine {
namespace {

// Shared formulas.

// 投资完成率 = 累计完成投资 ÷ 年度计划投资 (research §2.1, checked: 629.0 ÷ 647.4 = 97.2%,
// 482.0 ÷ 565.6 = 85.2%). Cumulative = reports of this year up to the period.
// Only reports the office can rely on count: submitted or approved (drafts and returned
// reports do not). window_start is year_start unless the caller asks for another window.
constexpr const char* kYearCompleted =
    "sum(reports.completed_investment where period between window_start and period"
    " and status in (submitted, approved))";
constexpr const char* kAnnualPlan = "sum(plans.planned_investment)";

// 开工率 = 已开工项目数 ÷ 计划新开工项目数 (research §2.1, Xi'an 123 ÷ 198 = 62%). The numerator
// is every project of this year's new-start plan that has started by the period end, early
// starters (提前开工) included; the denominator varies in published reports (206 ÷ 223 to date
// vs 206 ÷ 255 = 80.8% "完成年度计划开工"), so both are shipped. Against the plan to date the
// rate can pass 100% when projects start early, as in the reports.
constexpr const char* kStartedOfPlan =
    "count(plans where planned_start between year_start and year_end"
    " and project.actual_start between year_start and period_end)";

}  // namespace

namespace {
std::vector<IndicatorDef> InSet(std::vector<IndicatorDef> defs, const char* set) {
  for (auto& d : defs) d.set = set;
  return defs;
}
}  // namespace

std::vector<IndicatorDef> FengxiIndicators() {
  return InSet(
      {
          // 手续办结率 = 已办结手续事项 ÷ 应办手续事项 [inferred, research §2.1]: every procedure
          // of a
          // project still in the pools that is not 无需办理.
          {"fengxi.procedures_done", "手续办结率", "Procedure completion rate",
           "count(procedures where status = done and done <= period_end"
           " and project.stage != withdrawn)",
           "count(procedures where status != not_needed and project.stage != withdrawn)", 1},
          {"fengxi.start_rate_to_date", "项目开工率（截至本月计划）",
           "Start rate (against the plan to date)", kStartedOfPlan,
           "count(plans where planned_start between year_start and period_end)", 1},
          {"fengxi.start_rate_annual", "项目开工率（年度计划）",
           "Start rate (against the annual plan)", kStartedOfPlan,
           "count(plans where planned_start between year_start and year_end)", 1},
          // 入库纳统率 = 已入库项目数 ÷ 应入库项目数 [inferred, research §2.1]; 应入库 = started,
          // planned
          // total investment ≥ 500万元 (research §6, NBS threshold since 2011).
          {"fengxi.stats_inclusion", "入库纳统率", "Statistics inclusion rate",
           "count(projects where actual_start <= period_end and total_investment >= 500万"
           " and stage != withdrawn and stats_status = included and stats_date <= period_end)",
           "count(projects where actual_start <= period_end and total_investment >= 500万"
           " and stage != withdrawn)",
           1},
          {"fengxi.investment_completion", "投资完成率", "Investment completion rate",
           kYearCompleted, kAnnualPlan, 1},
          // 季度贡献率 [inferred, research §2.1: "unknown definition"]: the group's completed
          // investment this quarter ÷ the whole area's. The research names the area's quarterly FAI
          // (a statistics-bureau figure) as the denominator; until that figure is data, the area's
          // reported total stands in for it.
          {"fengxi.quarterly_contribution", "季度贡献率", "Quarterly contribution",
           "sum(reports.completed_investment where period between quarter_start and period"
           " and status in (submitted, approved))",
           "area(sum(reports.completed_investment where period between quarter_start and period"
           " and status in (submitted, approved)))",
           1},
      },
      "fengxi");
}

std::vector<IndicatorDef> ShaanxiIndicators() {
  return InSet(
      {
          // 招商引资落地率 [inferred from the Shaanxi list, research §2.1; same rule as
          // core/attraction/attraction_rates.h]: signed leads that reached 注册 or 落地 ÷ signed
          // leads, terminated ones included.
          {"shaanxi.attraction_landing", "招商引资落地率", "Investment attraction landing rate",
           "count(leads where signed <= period_end and landed <= period_end)",
           "count(leads where signed <= period_end)", 1},
          // 前期手续办结率 [inferred]: procedures due by the period end that are done by then.
          {"shaanxi.preliminary_procedures", "前期手续办结率", "Pre-construction procedure rate",
           "count(procedures where status != not_needed and due <= period_end"
           " and done <= period_end and project.stage != withdrawn)",
           "count(procedures where status != not_needed and due <= period_end"
           " and project.stage != withdrawn)",
           1},
          // 储备项目开工率 [inferred]: pooled projects (储备 onwards) due to start this year that
          // have.
          {"shaanxi.reserve_start", "储备项目开工率", "Reserve project start rate",
           "count(projects where stage not in (conceived, withdrawn)"
           " and planned_start between year_start and year_end"
           " and actual_start between year_start and period_end)",
           "count(projects where stage not in (conceived, withdrawn)"
           " and planned_start between year_start and year_end)",
           1},
          // 计划投资完成率: "年度投资完成率 98%" in the Shaanxi report (research §2.1); the same
          // formula
          // as 投资完成率.
          {"shaanxi.plan_investment_completion", "计划投资完成率",
           "Planned investment completion rate", kYearCompleted, kAnnualPlan, 1},
          // 竣工投产达效率 [inferred]: projects planned to complete this year that have.
          {"shaanxi.completion_production", "竣工投产达效率", "Completion and production rate",
           "count(plans where planned_completion between year_start and year_end"
           " and project.actual_completion between year_start and period_end)",
           "count(plans where planned_completion between year_start and year_end)", 1},
      },
      "shaanxi");
}

std::optional<Rational> ElapsedShare(int months) {
  if (months < 1 || months > 12) return std::nullopt;
  return Rational::Make(months, 12);
}

// research §2.6: 超序时进度 = 投资完成率 − elapsed months ÷ 12, checked against Sanming 2010
// (1–8, 74% → 7.33), a city DRC report (1–10, 97.2% → 13.8), Guang'an (1–8, 92.6% → 25.9) and
// Changzhou (1–9, 93.3% → 18.3).
Result<std::string> ScheduleGapPoints(const Rational& completion_rate, int months, int decimals) {
  auto share = ElapsedShare(months);
  if (!share) {
    return Status::InvalidArgument("月数应为 1 到 12", "months must be 1..12");
  }
  if (decimals < 0 || decimals > 6) {
    return Status::InvalidArgument("小数位数应为 0 到 6", "decimals must be 0..6");
  }
  auto gap = Sub(completion_rate, *share);
  if (!gap) return Status::InvalidArgument("数值超出范围", "value out of range");
  return FormatPercent(*gap, decimals);
}

Result<std::string> ScheduleGapPointsFromAmounts(int64_t completed_cents, int64_t planned_cents,
                                                 int months, int decimals) {
  if (planned_cents <= 0) {
    return Status::InvalidArgument("年度计划投资应大于 0", "the annual plan must be above 0");
  }
  auto rate = Rational::Make(completed_cents, planned_cents);
  if (!rate) return Status::InvalidArgument("数值超出范围", "value out of range");
  return ScheduleGapPoints(*rate, months, decimals);
}

}  // namespace keyline::engine
