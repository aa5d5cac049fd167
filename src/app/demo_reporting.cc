#include "app/demo_reporting.h"

#include <algorithm>

#include "app/keyline_app.h"
#include "common/date.h"
#include "common/number_format.h"
#include "core/model/json.h"
#include "core/model/reporting_json.h"
#include "core/ports/reporting_repositories.h"
#include "core/reporting/report_window.h"
#include "core/service/audit_log.h"
#include "core/service/plan_service.h"
#include "core/service/project_service.h"
#include "core/service/reporting_settings.h"
#include "storage/repos/sql_store.h"

namespace keyline {
namespace {

// A small deterministic hash, so the demo is the same on every machine.
uint32_t Mix(int64_t a, int64_t b) {
  uint64_t x = static_cast<uint64_t>(a) * 0x9E3779B97F4A7C15ULL ^ static_cast<uint64_t>(b);
  x ^= x >> 31;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 29;
  return static_cast<uint32_t>(x);
}

const char* ProgressText(int percent) {
  if (percent < 10) return "施工准备及场地平整，桩基施工";
  if (percent < 25) return "基础及地下室结构施工";
  if (percent < 45) return "主体结构施工";
  if (percent < 60) return "主体结构封顶，二次结构施工";
  if (percent < 75) return "机电安装及外立面施工";
  if (percent < 90) return "装饰装修及室外配套工程";
  return "竣工验收准备，附属工程收尾";
}

// 10:00 Beijing time on a date, in ms.
int64_t MsAt(const std::string& date, int hour) {
  return Date::Parse(date)->ToDays() * 86400000LL + (hour - 8) * 3600000LL;
}

struct Candidate {
  Project project;
  Date start;
};

// Plans of the projects of the pools planned to start in `year` and not started: 30 % of the
// total, spread on the S-curve from the planned start. Returns how many.
Result<int> PlanNewStarts(KeylineApp& app, const Caller& sys, int year) {
  int plans = 0;
  ProjectQuery query;
  query.stages = {Stage::kPreliminary, Stage::kReserve};
  query.sort = ProjectSortField::kId;
  query.descending = false;
  query.page.limit = 500;
  KL_ASSIGN_OR_RETURN(PageOf<Project> page, app.projects().List(sys, query));
  for (const Project& p : page.items) {
    if (p.actual_start || !p.planned_start || p.total_investment.cents <= 0) continue;
    if (p.planned_start->substr(0, 4) != std::to_string(year)) continue;
    PlanInput in;
    in.planned_investment = Money{p.total_investment.cents * 3 / 10 / 1000000 * 1000000};
    if (in.planned_investment.cents <= 0) continue;
    in.split = PlanSplit::kSCurve;
    in.planned_start = p.planned_start;
    in.goals = "年内开工建设，完成场地平整及基础施工";
    KL_ASSIGN_OR_RETURN(AnnualPlan draft, app.plans().Save(sys, p.id, year, in));
    KL_RETURN_IF_ERROR(app.plans().Confirm(sys, p.id, year, draft.version).status());
    ++plans;
  }
  return plans;
}

}  // namespace

Result<DemoReportingResult> SeedDemoReporting(KeylineApp& app) {
  DemoReportingResult result;
  const Caller sys = Caller::System("demo");
  Date today = Date::FromUnixMsBeijing(app.clock().NowMs());
  const int year = today.year;
  // The open period: this month from the window's opening day on, else last month.
  KL_ASSIGN_OR_RETURN(ReportWindowRule rule, app.reporting_settings().Rule());
  int open_month = today.day >= rule.open_day ? today.month : today.month - 1;
  if (open_month < 1) return result;  // early January: nothing to show yet this year
  const int open_period = year * 100 + open_month;

  // Projects that build this year.
  std::vector<Candidate> candidates;
  ProjectQuery query;
  query.stages = {Stage::kConstruction, Stage::kCompleted, Stage::kProduction};
  query.sort = ProjectSortField::kId;
  query.descending = false;
  query.page.limit = 500;
  for (int64_t offset = 0;; offset += query.page.limit) {
    query.page.offset = offset;
    KL_ASSIGN_OR_RETURN(PageOf<Project> page, app.projects().List(sys, query));
    for (Project& p : page.items) {
      if (!p.actual_start || p.total_investment.cents <= 0) continue;
      Date start = *Date::Parse(*p.actual_start);
      if (start.year > year) continue;
      if (p.actual_completion && p.actual_completion->substr(0, 4) < std::to_string(year)) continue;
      candidates.push_back({std::move(p), start});
    }
    if (static_cast<int64_t>(page.items.size()) < query.page.limit) break;
  }

  // Plans: 20–45 % of the total for the year, the rest of the money spread before and after.
  struct Planned {
    const Candidate* c;
    AnnualPlan plan;
  };
  std::vector<Planned> planned;
  for (const Candidate& c : candidates) {
    const Project& p = c.project;
    uint32_t h = Mix(p.id, year);
    int64_t total = p.total_investment.cents;
    int months_before = c.start.year < year ? (year - c.start.year) * 12 - c.start.month + 1 : 0;
    int64_t before = std::min(total * 6 / 10, total * months_before / 48);
    int64_t share = 20 + static_cast<int64_t>(h % 26);
    int64_t plan_cents = std::min(total - before, total * share / 100) / 1000000 * 1000000;
    if (plan_cents <= 0) continue;
    PlanInput in;
    in.planned_investment = Money{plan_cents};
    in.completed_before = Money{before / 1000000 * 1000000};
    in.split = c.start.year == year ? PlanSplit::kSCurve : PlanSplit::kEven;
    if (c.start.year == year) in.planned_start = c.start.ToString();
    if (p.planned_completion && p.planned_completion->substr(0, 4) == std::to_string(year) &&
        *p.planned_completion >= c.start.ToString()) {
      in.planned_completion = p.planned_completion;
    }
    in.goals = std::string("完成年度投资，") + ProgressText(static_cast<int>(h % 100));
    KL_ASSIGN_OR_RETURN(AnnualPlan draft, app.plans().Save(sys, p.id, year, in));
    KL_ASSIGN_OR_RETURN(AnnualPlan confirmed, app.plans().Confirm(sys, p.id, year, draft.version));
    planned.push_back({&c, confirmed});
    ++result.plans;
  }

  // This year's new starts that have not started yet: a plan from the planned start (the
  // denominator of 开工率; not started by their month, they turn red).
  KL_ASSIGN_OR_RETURN(int new_starts, PlanNewStarts(app, sys, year));
  result.plans += new_starts;

  // Reports: approved history up to the open period (up to the completion month of a project
  // finished this year); the open period mixed.
  const ReportingRepositories& reporting = app.store().reporting();
  int64_t now = app.clock().NowMs();
  Status st = app.repos().tx->Write([&](Tx& tx) -> Status {
    for (const Planned& pl : planned) {
      const Project& p = pl.c->project;
      int first_month = pl.c->start.year == year ? pl.c->start.month : 1;
      int64_t cumulative = pl.plan.completed_before ? pl.plan.completed_before->cents : 0;
      int percent = static_cast<int>(
          std::min<int64_t>(90, cumulative * 100 / std::max<int64_t>(1, p.total_investment.cents)));
      int last_month = open_month;
      if (p.actual_completion && p.actual_completion->substr(0, 4) == std::to_string(year)) {
        last_month = std::min(open_month, Date::Parse(*p.actual_completion)->month);
      }
      for (int m = first_month; m <= last_month; ++m) {
        int period = year * 100 + m;
        uint32_t h = Mix(p.id, period);
        bool open = period == open_period;
        if (open && h % 10 >= 7) continue;  // 30 % not yet reported this month
        KL_ASSIGN_OR_RETURN(ReportWindow window, app.reporting_settings().Window(period));
        MonthlyReport r;
        r.project_id = p.id;
        r.period = period;
        int64_t planned_month = pl.plan.monthly[m - 1].cents;
        int64_t amount = planned_month * (70 + static_cast<int64_t>(h % 55)) / 100;
        amount = std::min(amount, p.total_investment.cents - cumulative) / 10000 * 10000;
        r.completed_investment = Money{std::max<int64_t>(0, amount)};
        cumulative += r.completed_investment.cents;
        percent = std::min(
            99, std::max(percent, static_cast<int>(cumulative * 100 / p.total_investment.cents)));
        r.progress_percent = percent;
        r.progress_text = ProgressText(percent);
        r.workers = 40 + static_cast<int>(h % 260);
        r.main_works = std::string("本月") + ProgressText(percent) + "，完成投资" +
                       FormatWan(r.completed_investment) + "万元。";
        r.next_plan = "按计划推进，确保完成月度投资目标。";
        r.problems = h % 17 == 0 ? "施工用电增容手续办理较慢，需协调供电部门。" : "";
        // Submitted a few days before the due day; one in nine late.
        bool late = h % 9 == 0;
        std::string submitted_on =
            late ? window.locks_after
                 : Date::FromDays(Date::Parse(window.due_on)->ToDays() - 1 - h % 4).ToString();
        if (open) {
          submitted_on = today.ToString();
          late = false;
        }
        int64_t submitted_at = std::min(now, MsAt(submitted_on, 10 + static_cast<int>(h % 7)));
        r.created_at = submitted_at - 3600000;
        r.updated_at = submitted_at;
        if (open && h % 10 >= 5) {
          r.status = ReportStatus::kDraft;  // 20 %: saved, not submitted
        } else {
          r.first_submitted_at = submitted_at;
          r.submitted_at = submitted_at;
          r.late = late;
          if (open) {
            r.status = ReportStatus::kSubmitted;
          } else if (m == open_month - 1 && h % 13 == 0) {
            r.status = ReportStatus::kReturned;
            r.review_comment = "本月完成投资与形象进度不匹配，请核实后重新报送";
            r.reviewed_at = submitted_at + 86400000;
            r.return_count = 1;
          } else {
            r.status = ReportStatus::kApproved;
            r.reviewed_at = submitted_at + 86400000;
          }
        }
        KL_ASSIGN_OR_RETURN(r.id, reporting.reports->Insert(tx, r));
        r.version = 1;
        KL_RETURN_IF_ERROR(app.audit().Record(tx, sys, "create", "monthly_report",
                                              std::to_string(r.id), "", ToJson(r)));
        ++result.reports;
      }
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return result;
}

}  // namespace keyline
