#include "engine/forecast.h"

#include <string>

namespace keyline::engine {
namespace {

// n × a ÷ b rounded half away from zero (b > 0).
int64_t MulDivRound(int64_t n, int64_t a, int64_t b) {
  Int128 x = static_cast<Int128>(n) * a;
  Int128 q = x / b, r = x % b;
  if (r < 0) r = -r;
  if (2 * r >= b) q += x < 0 ? -1 : 1;
  return static_cast<int64_t>(q);
}

// Fills warning and reasons from forecast, plan and progress to date.
void Warn(bool* warning, std::string* zh, std::string* en, int64_t forecast, int64_t planned,
          int64_t planned_to_date, int64_t completed, const ForecastOptions& o) {
  if (planned <= 0) return;
  Rational rate = Ratio(forecast, planned);
  if (!Less(rate, Ratio(o.warning_percent, 100))) return;
  *warning = true;
  std::string pct = FormatPercent(rate, 1);
  std::string thr = std::to_string(o.warning_percent);
  *zh = "预计年底完成投资 " + WanText(forecast) + " 万元，为年度计划 " + WanText(planned) +
        " 万元的 " + pct + "%，低于 " + thr + "%";
  *en = "expected year-end completion " + WanText(forecast) + " 万元 is " + pct +
        "% of the annual plan of " + WanText(planned) + " 万元, below " + thr + "%";
  // The current gap against the plan curve, in points of the annual plan.
  Rational behind = *Sub(Ratio(planned_to_date, planned), Ratio(completed, planned));
  if (Less(behind, Ratio(o.yellow_points_behind, 100))) {
    std::string pts = FormatPercent(Less(behind, Rational::Of(0)) ? Rational::Of(0) : behind, 1);
    *zh += "（当前仅落后计划进度 " + pts + " 个百分点，尚未达到黄灯）";
    *en += " (currently only " + pts + " points behind the plan, not yet yellow)";
  }
}

}  // namespace

std::string ForecastPercent(int64_t forecast_cents, int64_t planned_cents) {
  if (planned_cents <= 0) return "";
  return FormatPercent(Ratio(forecast_cents, planned_cents), 1);
}

ProjectForecast ForecastProject(const Facts& f, const FactsIndex& ix, int32_t row,
                                const ForecastOptions& o) {
  ProjectForecast out;
  out.project_id = f.projects.id[row];
  int year = o.period / 100, month = o.period % 100;
  for (int32_t rep : ix.reports[row]) {
    int p = f.reports.period[rep];
    auto s = static_cast<ReportStatus>(f.reports.status[rep]);
    if (p / 100 != year || p > o.period) continue;
    if (s != ReportStatus::kSubmitted && s != ReportStatus::kApproved) continue;
    out.reported[p % 100 - 1] += f.reports.amount[rep];
  }
  for (int m = 0; m < month; ++m) out.completed_to_date += out.reported[m];
  auto plan = ix.PlanOf(f, row, year);
  if (!plan || f.plans.planned[*plan] <= 0) {
    out.forecast_year_end = out.completed_to_date;
    out.forecast.fill(0);
    int64_t cum = 0;
    for (int m = 0; m < 12; ++m) {
      if (m < month) cum += out.reported[m];
      out.forecast[m] = cum;
    }
    out.method = "no_plan";
    return out;
  }
  out.has_plan = true;
  out.planned_year = f.plans.planned[*plan];
  out.planned_monthly = f.plans.monthly[*plan];
  int64_t cum = 0;
  for (int m = 0; m < 12; ++m) {
    cum += out.planned_monthly[m];
    out.cumulative_plan[m] = cum;
  }
  out.planned_to_date = out.cumulative_plan[month - 1];
  int64_t a = out.completed_to_date, c = out.planned_to_date;
  int64_t reported_cum = 0;
  for (int m = 0; m < 12; ++m) {
    if (m < month) {
      reported_cum += out.reported[m];
      out.forecast[m] = reported_cum;
    } else if (c > 0) {
      out.forecast[m] = a + MulDivRound(out.cumulative_plan[m] - c, a, c);
    } else {
      out.forecast[m] = a + (out.cumulative_plan[m] - c);
    }
  }
  out.method = c > 0 ? "spi" : "no_plan_to_date";
  // Year-end: A + (P − C) × SPI, with the plan total (the breakdown may not sum to P exactly).
  out.forecast_year_end = c > 0 ? MulDivRound(a, out.planned_year, c) : a + out.planned_year;
  out.forecast[11] = out.forecast_year_end;
  Warn(&out.warning, &out.warning_reason_zh, &out.warning_reason_en, out.forecast_year_end,
       out.planned_year, c, a, o);
  return out;
}

void AddToTotal(ForecastTotal* t, const ProjectForecast& f) {
  if (!f.has_plan) return;
  t->planned_year += f.planned_year;
  t->planned_to_date += f.planned_to_date;
  t->completed_to_date += f.completed_to_date;
  t->forecast_year_end += f.forecast_year_end;
  ++t->projects;
}

void FinishTotal(ForecastTotal* t, const ForecastOptions& o) {
  Warn(&t->warning, &t->warning_reason_zh, &t->warning_reason_en, t->forecast_year_end,
       t->planned_year, t->planned_to_date, t->completed_to_date, o);
}

}  // namespace keyline::engine
