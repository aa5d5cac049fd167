#include "core/reporting/figures.h"

namespace keyline {

double ElapsedShare(int period) { return static_cast<double>(period % 100) / 12.0; }

int ReportPeriodOf(int month) {
  return month % 100 == 1 ? (month / 100 - 1) * 100 + 12 : month - 1;
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
