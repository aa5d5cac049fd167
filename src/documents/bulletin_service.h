// BulletinService: assembles the monthly bulletin (月度通报) of a period from the existing
// services, scoped to the caller:
//   totals       ReportingStats::Summary (the dashboard's figures), 序时进度 gap from
//                engine::ScheduleGapPointsFromAmounts (exact, from the amounts)
//   milestones   the visible ledger: 开工 by 实际开工, 竣工 by 实际竣工, 投产 by the date of the
//                stage change to 投产 — this period and 1–M 月
//   problems     ProblemService::ListAll overdue on the figures' date
//   rates, rankings, lights   the BulletinIndicatorSource seam
// Who: admin, supervisor (发改) and leader get the whole area's bulletin; a department gets the
// bulletin of its own unit's projects (the title names the unit); project companies and
// service officers are refused (kForbidden). The period must be YYYYMM, not after the current
// month (kInvalidArgument).
#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "core/model/role.h"
#include "core/ports/repositories.h"
#include "documents/bulletin_data.h"
#include "documents/bulletin_sources.h"

namespace keyline {
class ReportingStats;
class ProblemService;
class ProjectService;
}  // namespace keyline

namespace keyline::documents {

class ExportService;

class BulletinService {
 public:
  BulletinService(const Repositories& repos, ProjectService& projects, ReportingStats& stats,
                  ProblemService& problems, ExportService& exports,
                  BulletinIndicatorSource& indicators, const Clock& clock)
      : repos_(repos),
        projects_(projects),
        stats_(stats),
        problems_(problems),
        exports_(exports),
        indicators_(&indicators),
        clock_(clock) {}

  // Replaces the indicator source (the app wires the engine-backed one; not owned).
  void SetIndicatorSource(BulletinIndicatorSource& source) { indicators_ = &source; }

  Result<BulletinData> Build(const Caller& caller, int period);

  // kInvalidArgument (zh + en) unless period is a YYYYMM from 2000-01 up to the current month.
  Status CheckPeriod(int period) const;

 private:
  Repositories repos_;
  ProjectService& projects_;
  ReportingStats& stats_;
  ProblemService& problems_;
  ExportService& exports_;
  BulletinIndicatorSource* indicators_;
  const Clock& clock_;
};

// "超序时进度 7.33 个百分点" / "落后序时进度 2.10 个百分点" / "与序时进度持平"; "" without a gap.
std::string GapPhrase(const std::optional<std::string>& gap_points);

}  // namespace keyline::documents
