#include "core/attraction/target_progress.h"

#include "common/date.h"
#include "core/reporting/figures.h"

namespace keyline {
namespace {

double Yi(Money m) { return static_cast<double>(m.cents) / (10'000.0 * Money::kCentsPerWan); }

}  // namespace

std::optional<double> MeasureValue(TargetMeasure measure, const YearFacts& f) {
  switch (measure) {
    case TargetMeasure::kManual:
      return std::nullopt;
    case TargetMeasure::kSigningEvents:
      return static_cast<double>(f.events);
    case TargetMeasure::kOutboundEvents:
      return static_cast<double>(f.outbound_events);
    case TargetMeasure::kSignedContracts:
      return static_cast<double>(f.contracts);
    case TargetMeasure::kSignedAmount:
      return Yi(f.contract_amount);
    case TargetMeasure::kFundsInPlace:
      return Yi(f.funds_in_place);
    case TargetMeasure::kLandedLeads:
      return static_cast<double>(f.landed_leads);
    case TargetMeasure::kStartedProjects:
      return static_cast<double>(f.started_projects);
  }
  return std::nullopt;
}

double TargetElapsedShare(int year, const std::string& today) {
  Result<Date> d = Date::Parse(today);
  if (!d.ok()) return 0;
  // 序时进度 at the report period (the month before today): the one definition.
  int period = ReportPeriodOf(d->year * 100 + d->month);
  if (period / 100 < year) return 0;
  if (period / 100 > year) return 1;
  return ElapsedShare(period);
}

TargetProgress ComputeTargetProgress(const Target& target, std::optional<double> computed,
                                     std::optional<double> entered, const std::string& today) {
  TargetProgress p;
  if (target.measure != TargetMeasure::kManual) {
    p.actual = computed;
    p.source = computed ? "computed" : "none";
  } else {
    p.actual = entered;
    p.source = entered ? "entered" : "none";
  }
  p.elapsed_share = TargetElapsedShare(target.year, today);
  p.as_of = today;
  if (Result<Date> d = Date::Parse(today); d.ok())
    p.elapsed_period = ReportPeriodOf(d->year * 100 + d->month);
  if (p.actual && target.target_value > 0) {
    p.rate = *p.actual / target.target_value;
    p.gap_points = (*p.rate - p.elapsed_share) * 100.0;
    p.achieved = *p.actual >= target.target_value;
  }
  return p;
}

}  // namespace keyline
