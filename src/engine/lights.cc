#include "engine/lights.h"

#include <algorithm>
#include <string>

namespace keyline::engine {
namespace {

using std::to_string;

DimensionLight Light(LightDimension d, LightColour c, std::string zh, std::string en,
                     bool assessed = true) {
  DimensionLight l;
  l.dimension = d;
  l.colour = l.computed_colour = c;
  l.assessed = assessed;
  l.reason_zh = std::move(zh);
  l.reason_en = std::move(en);
  return l;
}

// Builds the reason strings only when the context asks for them (LightContext::reasons): a
// list of 100,000 projects needs every colour but the words of one page only.
#define KL_LIGHT(d, colour, zh, en, ...)                           \
  (c.reasons ? Light(d, colour, zh, en __VA_OPT__(, ) __VA_ARGS__) \
             : Light(d, colour, {}, {} __VA_OPT__(, ) __VA_ARGS__))

std::string PeriodZh(int period) {
  return to_string(period / 100) + "年" + to_string(period % 100) + "月";
}
std::string PeriodEn(int period) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", period / 100, period % 100);
  return buf;
}

DimensionLight StartLight(const Facts& f, const FactsIndex& ix, int32_t row, const LightRule& r,
                          const LightContext& c) {
  const auto d = LightDimension::kStart;
  int32_t actual = f.projects.actual_start[row];
  if (actual != 0 && actual <= c.as_of) {
    return KL_LIGHT(d, LightColour::kGreen, "已于 " + DateText(actual) + " 开工",
                    "started on " + DateText(actual));
  }
  int32_t planned = f.projects.planned_start[row];
  if (auto plan = ix.PlanOf(f, row, c.period / 100); plan && f.plans.planned_start[*plan] != 0) {
    planned = f.plans.planned_start[*plan];
  }
  if (planned == 0) {
    return KL_LIGHT(d, LightColour::kGreen, "无计划开工日期，不评价",
                    "no planned start date; not assessed", false);
  }
  int late = MonthIndex(c.period) - MonthIndex(planned / 100);
  std::string p = c.reasons ? DateText(planned) : std::string();
  if (late < 0 || late < r.yellow) {
    return KL_LIGHT(d, LightColour::kGreen, "计划 " + p + " 开工，尚未到期",
                    "planned to start on " + p + "; not yet due");
  }
  LightColour colour = late >= r.red ? LightColour::kRed : LightColour::kYellow;
  if (late == 0) {
    return KL_LIGHT(d, colour, "计划本月（" + p + "）开工，尚未开工",
                    "planned to start this month (" + p + ") and not started");
  }
  return KL_LIGHT(
      d, colour, "计划 " + p + " 开工，逾期 " + to_string(late) + " 个月仍未开工",
      "planned to start on " + p + ", still not started " + to_string(late) + " month(s) later");
}

bool Counts(ReportStatus s) {
  return s == ReportStatus::kSubmitted || s == ReportStatus::kApproved;
}

DimensionLight ProgressLight(const Facts& f, const FactsIndex& ix, int32_t row, const LightRule& r,
                             const LightContext& c) {
  const auto d = LightDimension::kProgress;
  int year = c.period / 100, month = c.period % 100;
  auto plan = ix.PlanOf(f, row, year);
  if (!plan || f.plans.planned[*plan] <= 0) {
    return KL_LIGHT(d, LightColour::kGreen, "无本年度投资计划，不评价",
                    "no investment plan for the year; not assessed", false);
  }
  int64_t planned = f.plans.planned[*plan];
  int64_t scheduled = 0;
  for (int m = 0; m < month; ++m) scheduled += f.plans.monthly[*plan][m];
  int64_t completed = 0;
  for (int32_t rep : ix.reports[row]) {
    int p = f.reports.period[rep];
    if (p / 100 == year && p <= c.period &&
        Counts(static_cast<ReportStatus>(f.reports.status[rep]))) {
      completed += f.reports.amount[rep];
    }
  }
  // Compared in integers: behind (in points) = (scheduled − completed) × 100 ÷ planned.
  Int128 behind_x100 = static_cast<Int128>(scheduled - completed) * 100;
  bool yellow = behind_x100 >= static_cast<Int128>(r.yellow) * planned;
  bool red = behind_x100 > static_cast<Int128>(r.red) * planned;
  double points_behind = static_cast<double>(behind_x100) / static_cast<double>(planned);
  Rational rate = Rational::Of(0), schedule = Rational::Of(0), gap = Rational::Of(0),
           behind = Rational::Of(0);
  std::string head_zh, head_en;
  if (c.reasons) {
    rate = Ratio(completed, planned);
    schedule = Ratio(scheduled, planned);
    gap = *Sub(rate, schedule);  // a fraction; × 100 = points
    behind = *Sub(schedule, rate);
    std::string rate_text = FormatPercent(rate, 1), sched_text = FormatPercent(schedule, 1);
    head_zh = "投资完成率 " + rate_text + "%（计划进度 " + sched_text + "%），";
    head_en = "investment completion " + rate_text + "% (plan to date " + sched_text + "%), ";
  }
  if (yellow) {
    std::string pts = c.reasons ? FormatPercent(behind, 1) : std::string();
    DimensionLight l = KL_LIGHT(d, red ? LightColour::kRed : LightColour::kYellow,
                                head_zh + "落后计划进度 " + pts + " 个百分点",
                                head_en + pts + " points behind schedule");
    l.points_behind = points_behind;
    return l;
  }
  if (completed < scheduled) {
    std::string pts = c.reasons ? FormatPercent(behind, 1) : std::string();
    DimensionLight l = KL_LIGHT(
        d, LightColour::kGreen,
        head_zh + "落后计划进度 " + pts + " 个百分点，在 " + to_string(r.yellow) + " 个百分点以内",
        head_en + pts + " points behind schedule, within " + to_string(r.yellow) + " points");
    l.points_behind = points_behind;
    return l;
  }
  std::string pts = c.reasons ? FormatPercent(gap, 1) : std::string();
  return KL_LIGHT(d, LightColour::kGreen, head_zh + "超计划进度 " + pts + " 个百分点",
                  head_en + pts + " points ahead of schedule");
}

DimensionLight StatisticsLight(const Facts& f, int32_t row, const LightRule& r,
                               const LightContext& c) {
  const auto d = LightDimension::kStatistics;
  auto status = static_cast<StatsStatus>(f.projects.stats_status[row]);
  if (status == StatsStatus::kNotApplicable) {
    return KL_LIGHT(d, LightColour::kGreen, "不属于入库纳统范围，不评价",
                    "not subject to statistics inclusion; not assessed", false);
  }
  int32_t stats_date = f.projects.stats_date[row];
  if (status == StatsStatus::kIncluded && stats_date <= c.as_of) {
    if (stats_date == 0)
      return KL_LIGHT(d, LightColour::kGreen, "已入库", "included in statistics");
    return KL_LIGHT(d, LightColour::kGreen, "已于 " + DateText(stats_date) + " 入库",
                    "included in statistics on " + DateText(stats_date));
  }
  int32_t actual = f.projects.actual_start[row];
  if (actual == 0 || actual > c.as_of) {
    return KL_LIGHT(d, LightColour::kGreen, "尚未开工，暂不要求入库",
                    "not started; inclusion not yet required");
  }
  int months = FullMonthsBetween(actual, c.as_of);
  std::string s = c.reasons ? DateText(actual) : std::string();
  if (months < r.yellow) {
    return KL_LIGHT(d, LightColour::kGreen, s + " 开工，未满 " + to_string(r.yellow) + " 个月",
                    "started on " + s + ", less than " + to_string(r.yellow) + " month(s) ago");
  }
  return KL_LIGHT(
      d, months >= r.red ? LightColour::kRed : LightColour::kYellow,
      s + " 开工，已满 " + to_string(months) + " 个月仍未入库",
      "started on " + s + ", not included in statistics " + to_string(months) + " month(s) later");
}

DimensionLight FundsLight(const Facts& f, const FactsIndex& ix, int32_t row, const LightRule& r,
                          const LightContext& c) {
  const auto d = LightDimension::kFunds;
  int64_t arrived = 0, paid = 0;
  for (int32_t i : ix.funds[row]) {
    if (f.funds.year[i] != c.period / 100) continue;
    arrived += f.funds.arrived[i];
    paid += f.funds.paid[i];
  }
  if (arrived <= 0) {
    return KL_LIGHT(d, LightColour::kGreen, "本年度无到位资金，不评价",
                    "no funds arrived this year; not assessed", false);
  }
  std::string zh, en;
  if (c.reasons) {
    std::string pct = FormatPercent(Ratio(paid, arrived), 1);
    zh = "资金支付率 " + pct + "%（已支付 " + WanText(paid) + " 万元 / 到位 " + WanText(arrived) +
         " 万元）";
    en = "funds paid " + pct + "% (" + WanText(paid) + " of " + WanText(arrived) + " 万元 arrived)";
  }
  // paid ÷ arrived below p % ⟺ paid × 100 < p × arrived.
  auto below = [&](int64_t percent) {
    return static_cast<Int128>(paid) * 100 < static_cast<Int128>(percent) * arrived;
  };
  if (below(r.red)) {
    return KL_LIGHT(d, LightColour::kRed, zh + "，低于 " + to_string(r.red) + "%",
                    en + ", below " + to_string(r.red) + "%");
  }
  if (below(r.yellow)) {
    return KL_LIGHT(d, LightColour::kYellow, zh + "，低于 " + to_string(r.yellow) + "%",
                    en + ", below " + to_string(r.yellow) + "%");
  }
  return KL_LIGHT(d, LightColour::kGreen, zh, en);
}

DimensionLight ReportingLight(const Facts& f, const FactsIndex& ix, int32_t row, const LightRule& r,
                              const LightContext& c) {
  const auto d = LightDimension::kReporting;
  int prev = PeriodOfIndex(MonthIndex(c.period) - 1);
  auto stage = static_cast<Stage>(f.projects.stage[row]);
  bool expected = stage == Stage::kConstruction || ix.PlanOf(f, row, prev / 100).has_value();
  std::optional<int32_t> report;
  for (int32_t i : ix.reports[row]) {
    if (f.reports.period[i] == prev) report = i;
  }
  std::string pz, pe;
  if (c.reasons) pz = PeriodZh(prev) + "月报", pe = "the " + PeriodEn(prev) + " report";
  if (report && Counts(static_cast<ReportStatus>(f.reports.status[*report]))) {
    std::string on = c.reasons ? DateText(f.reports.submitted_on[*report]) : std::string();
    if (f.reports.late[*report] && r.yellow == 1) {
      return KL_LIGHT(d, LightColour::kYellow, pz + "逾期报送（" + on + " 报送）",
                      pe + " was submitted late (on " + on + ")");
    }
    return KL_LIGHT(d, LightColour::kGreen, pz + "已报送", pe + " was submitted");
  }
  if (!expected) {
    return KL_LIGHT(d, LightColour::kGreen, "无需报送" + pz, pe + " is not expected", false);
  }
  // A returned report was reported once: say so, never "not submitted".
  bool returned =
      report && static_cast<ReportStatus>(f.reports.status[*report]) == ReportStatus::kReturned;
  std::string state_zh = returned ? "已退回，尚未重新报送" : "尚未报送";
  std::string state_en =
      returned ? " was returned and is not resubmitted yet" : " is not submitted yet";
  if (c.report_due == 0 || DaysBetween(c.report_due, c.as_of) <= r.red) {
    return KL_LIGHT(d, LightColour::kGreen, pz + state_zh + "，未过截止日",
                    pe + state_en + "; not past its due day");
  }
  std::string due = c.reasons ? DateText(c.report_due) : std::string();
  if (returned) {
    return KL_LIGHT(
        d, LightColour::kRed,
        pz + "已退回，截至 " + DateText(c.as_of) + " 尚未重新报送（应于 " + due + " 前报送）",
        pe + " was returned and is not resubmitted on " + DateText(c.as_of) + " (due on " + due +
            ")");
  }
  return KL_LIGHT(d, LightColour::kRed,
                  pz + "应于 " + due + " 前报送，截至 " + DateText(c.as_of) + " 仍未报送",
                  pe + " was due on " + due + " and is still missing on " + DateText(c.as_of));
}

DimensionLight ProceduresLight(const Facts& f, const FactsIndex& ix, int32_t row,
                               const LightRule& r, const LightContext& c) {
  const auto d = LightDimension::kProcedures;
  int count = 0;
  int32_t earliest = 0;  // the longest overdue is the one due first
  for (int32_t i : ix.procedures[row]) {
    auto s = static_cast<ProcedureStatus>(f.procedures.status[i]);
    int32_t due = f.procedures.due[i];
    if (s == ProcedureStatus::kDone || s == ProcedureStatus::kNotNeeded) continue;
    if (due == 0 || due >= c.as_of) continue;
    ++count;
    if (earliest == 0 || due < earliest) earliest = due;
  }
  int longest = count == 0       ? 0
                : c.working_days ? c.working_days(earliest, c.as_of)
                                 : DaysBetween(earliest, c.as_of);
  if (count == 0) return KL_LIGHT(d, LightColour::kGreen, "无逾期审批手续", "no approval overdue");
  std::string zh, en;
  if (c.reasons) {
    zh = to_string(count) + " 项审批手续逾期，最长逾期 " + to_string(longest) +
         (c.working_days ? " 个工作日" : " 天");
    en = to_string(count) + " approval(s) overdue, the longest by " + to_string(longest) +
         (c.working_days ? " working day(s)" : " day(s)");
  }
  if (longest > r.red || count >= r.red_items) return KL_LIGHT(d, LightColour::kRed, zh, en);
  if (count >= r.yellow) return KL_LIGHT(d, LightColour::kYellow, zh, en);
  return KL_LIGHT(d, LightColour::kGreen, zh, en);
}

}  // namespace

bool HasLights(const Facts& facts, int32_t row) {
  auto stage = static_cast<Stage>(facts.projects.stage[row]);
  return stage != Stage::kConceived && stage != Stage::kWithdrawn;
}

ProjectLights EvaluateProjectLights(const Facts& f, const FactsIndex& ix, int32_t row,
                                    const LightRuleSet& rules, const LightContext& c) {
  ProjectLights out;
  out.project_id = f.projects.id[row];
  out.row = row;
  for (LightDimension d : kAllDimensions) {
    const LightRule& r = rules.rule(d);
    if (!r.enabled) continue;
    DimensionLight l;
    switch (d) {
      case LightDimension::kStart:
        l = StartLight(f, ix, row, r, c);
        break;
      case LightDimension::kProgress:
        l = ProgressLight(f, ix, row, r, c);
        break;
      case LightDimension::kStatistics:
        l = StatisticsLight(f, row, r, c);
        break;
      case LightDimension::kFunds:
        l = FundsLight(f, ix, row, r, c);
        break;
      case LightDimension::kReporting:
        l = ReportingLight(f, ix, row, r, c);
        break;
      case LightDimension::kProcedures:
        l = ProceduresLight(f, ix, row, r, c);
        break;
    }
    out.computed_overall = std::max(out.computed_overall, l.computed_colour);
    out.dimensions.push_back(std::move(l));
  }
  out.overall = out.computed_overall;
  return out;
}

void ApplyJudgements(ProjectLights* lights, const std::vector<LightJudgement>& judgements) {
  std::optional<LightColour> overall;
  for (const LightJudgement& j : judgements) {  // in id order: later ones win
    if (j.project_id != lights->project_id) continue;
    if (!j.dimension) {
      overall = j.colour;
      continue;
    }
    for (DimensionLight& l : lights->dimensions) {
      if (l.dimension != *j.dimension) continue;
      l.colour = std::min(l.computed_colour, j.colour);
      l.judged = true;
    }
  }
  LightColour worst = LightColour::kGreen;
  for (const DimensionLight& l : lights->dimensions) worst = std::max(worst, l.colour);
  lights->overall = worst;
  if (overall) {
    lights->overall = std::min(worst, *overall);
    lights->overall_judged = true;
  }
}

Status CheckJudgement(LightColour computed, LightColour colour) {
  if (colour > computed) {
    return Status::InvalidArgument(
        "人工研判只能降低灯色：计算灯色为" + std::string(ColourNameZh(computed)) + "，不能改为" +
            std::string(ColourNameZh(colour)),
        "a manual judgement may only lower a colour: the computed colour is " +
            std::string(ColourCode(computed)) + ", it cannot become " +
            std::string(ColourCode(colour)),
        {{"colour", "人工研判只能降低灯色", "a manual judgement may only lower a colour"}});
  }
  return Status::Ok();
}

}  // namespace keyline::engine
