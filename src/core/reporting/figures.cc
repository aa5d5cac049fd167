#include "core/reporting/figures.h"

namespace keyline {

double ElapsedShare(int period) { return static_cast<double>(period % 100) / 12.0; }

int PreviousPeriod(int period) {
  return period % 100 == 1 ? (period / 100 - 1) * 100 + 12 : period - 1;
}

int ReportPeriodOf(int month) { return PreviousPeriod(month); }

Status CheckReportPeriod(int period) {
  int year = period / 100;
  int month = period % 100;
  if (year < 2000 || year > 2100 || month < 1 || month > 12) {
    return Status::InvalidArgument("报告期无效（应为 YYYYMM）", "invalid period (expected YYYYMM)",
                                   {{"period", "报告期无效", "invalid period"}});
  }
  return Status::Ok();
}

void DeriveRates(ProjectFigures* f) {
  f->elapsed_share = ElapsedShare(f->period);
  f->annual_completion_rate.reset();
  f->gap_points.reset();
  f->share_of_total.reset();
  if (f->annual_plan && f->annual_plan->cents > 0) {
    double rate =
        static_cast<double>(f->year_to_date.cents) / static_cast<double>(f->annual_plan->cents);
    f->annual_completion_rate = rate;
    f->gap_points = (rate - f->elapsed_share) * 100.0;
  }
  if (f->total_investment.cents > 0) {
    f->share_of_total =
        static_cast<double>(f->since_start.cents) / static_cast<double>(f->total_investment.cents);
  }
}

}  // namespace keyline
