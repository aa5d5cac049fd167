// ReportingStats: derived figures of a project for a period, and the completeness and
// timeliness of reporting (who has reported, on time or late, who is missing) for any month
// and any unit, region or leader, with the office's reminder list. Read-only, scoped to the
// caller like the project ledger.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/calendar/working_calendar.h"
#include "core/model/reporting.h"
#include "core/model/role.h"
#include "core/ports/reporting_repositories.h"
#include "core/ports/repositories.h"
#include "core/service/reporting_settings.h"

namespace keyline {

struct ReportingFilter {
  std::optional<int64_t> unit_id;
  std::optional<std::string> region_code;
  std::optional<int64_t> leader_id;
};

struct ReportingGap {
  int64_t project_id = 0;
  std::string project_name;
  std::optional<int64_t> owner_unit_id;
  std::string owner_unit_name;
  std::string owner_contact;
  std::optional<int64_t> responsible_unit_id;
  std::string state;  // "missing" (no report), "draft" (saved, not submitted), "returned"
  int working_days_overdue = 0;  // working days past the due day (0 while not yet due)
};

struct Completeness {
  int period = 0;
  ReportWindow window;
  int64_t expected = 0;  // projects that must report
  int64_t received = 0;  // submitted at least once
  int64_t on_time = 0;   // first submitted by the due day
  int64_t late = 0;      // first submitted after it
  int64_t missing = 0;   // expected − received
  int64_t pending = 0;   // submitted, awaiting review
  int64_t returned = 0;  // returned for correction
  int64_t approved = 0;
  // Rates over expected (nullopt when nothing is expected).
  std::optional<double> received_rate;
  std::optional<double> on_time_rate;
  std::optional<double> approved_rate;
  std::vector<ReportingGap> gaps;  // missing, draft and returned projects
};

// The headline totals of a dashboard or bulletin for a period: projects and total investment
// by stage and level, the year's confirmed annual plans, investment completed 1–M 月, the
// completion rate against the plan and its gap to 序时进度.
struct PortfolioSummary {
  int period = 0;
  PortfolioTotals totals;
  int64_t projects = 0;
  Money total_investment;
  std::optional<double> completion_rate;  // completed_to_period ÷ annual_planned
  double elapsed_share = 0;
  std::optional<double> gap_points;
};

class ReportingStats {
 public:
  ReportingStats(const Repositories& repos, const ReportingRepositories& reporting,
                 ReportingSettings& settings, const Clock& clock)
      : repos_(repos), reporting_(reporting), settings_(settings), clock_(clock) {}

  Result<ProjectFigures> Figures(const Caller& caller, int64_t project_id, int period);
  Result<Completeness> Count(const Caller& caller, int period, const ReportingFilter& filter);
  Result<PortfolioSummary> Summary(const Caller& caller, int period, const ReportingFilter& filter);

 private:
  std::string Today() const;

  Repositories repos_;
  ReportingRepositories reporting_;
  ReportingSettings& settings_;
  const Clock& clock_;
};

}  // namespace keyline
