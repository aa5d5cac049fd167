#include "core/supervision/schedule.h"

#include "core/supervision/deadlines.h"

namespace keyline {

void PlanProcedures(std::vector<ProjectProcedure>& items, const Date& start,
                    const WorkingCalendar& calendar) {
  Date chain = calendar.AddWorkingDays(start, 0);  // where the next sequential item starts
  Date group_start = chain;                        // start of the current parallel group
  Date group_end = chain;                          // latest due date within that group
  for (ProjectProcedure& item : items) {
    if (!item.parallel) {
      chain = group_end;
      group_start = chain;
    }
    Date due = calendar.AddWorkingDays(group_start, item.limit_days);
    item.planned_start = group_start.ToString();
    item.planned_due = due.ToString();
    if (due > group_end) group_end = due;
  }
}

bool IsProcedureOverdue(const ProjectProcedure& item, const std::string& today) {
  if (item.status == ProcedureStatus::kDone || item.status == ProcedureStatus::kNotNeeded) {
    return false;
  }
  return item.planned_due && today > *item.planned_due;
}

MilestoneState MilestoneStateOf(const Milestone& m, const std::string& today) {
  if (m.done_on) {
    return *m.done_on <= m.planned_date ? MilestoneState::kDoneOnTime : MilestoneState::kDoneLate;
  }
  return today > m.planned_date ? MilestoneState::kOverdue : MilestoneState::kPending;
}

Date WorkBackFrom(const Date& target, int months_before, const WorkingCalendar& calendar) {
  return WorkingDayOnOrBefore(AddMonths(target, -months_before), calendar);
}

namespace {

// code, name, authority, limit (working days), parallel, 容缺, 告知承诺
struct Row {
  const char* code;
  const char* name;
  const char* authority;
  int limit;
  bool parallel;
  bool tolerance;
  bool commitment;
};

// Limits: the filing-type flow chart of research §5.2 (规划设计方案 7, 用地规划许可 5, 工程规划许可
// 7, 施工许可 5, 环评/水保/节能 7 in parallel), §5.3 (选址/用地预审 20, 可研 20, 建议书 7, 核准
// 15).
constexpr Row kCommonTail[] = {
    {"land_planning_permit", "建设用地规划许可证", "自然资源和规划局", 5, false, true, false},
    {"scheme_review", "设计方案审查", "自然资源和规划局", 7, false, true, false},
    {"engineering_planning_permit", "建设工程规划许可证", "自然资源和规划局", 7, false, true, true},
    {"drawing_review", "施工图审查（含消防、人防）", "住房和城乡建设局", 7, false, true, false},
    {"construction_permit", "建筑工程施工许可证", "住房和城乡建设局", 5, false, true, true},
    {"completion_acceptance", "竣工联合验收及备案", "住房和城乡建设局", 12, false, false, false},
};
constexpr Row kParallelReviews[] = {
    {"eia", "环境影响评价审批", "生态环境局", 7, true, true, true},
    {"energy_review", "节能审查", "发展和改革委员会", 7, true, true, true},
    {"soil_water", "水土保持方案审批", "水务局", 7, true, true, true},
};

ProcedureTemplate Build(const char* name, ApprovalRegime regime,
                        std::optional<ProjectCategory> category, std::initializer_list<Row> head,
                        bool initial_design) {
  ProcedureTemplate t;
  t.name = name;
  t.regime = regime;
  t.category = category;
  t.builtin = true;
  auto add = [&t](const Row& r) {
    t.items.push_back(
        {r.code, r.name, r.authority, r.limit, r.parallel, r.tolerance, r.commitment});
  };
  for (const Row& r : head) add(r);
  add({"site_and_land_prereview", "用地预审与选址意见书", "自然资源和规划局", 20, false, true,
       false});
  for (const Row& r : kParallelReviews) add(r);
  for (const Row& r : kCommonTail) {
    if (initial_design && std::string_view(r.code) == "drawing_review") {
      add({"initial_design", "初步设计及概算审批", "发展和改革委员会", 20, false, false, false});
    }
    add(r);
  }
  return t;
}

}  // namespace

std::vector<ProcedureTemplate> BuiltinProcedureTemplates() {
  std::vector<ProcedureTemplate> out;
  out.push_back(
      Build("审批制（政府投资）项目手续", ApprovalRegime::kApproval, std::nullopt,
            {{"project_proposal", "项目建议书审批", "发展和改革委员会", 7, false, false, false},
             {"feasibility_study", "可行性研究报告审批（立项）", "发展和改革委员会", 20, false,
              true, false}},
            /*initial_design=*/true));
  out.push_back(Build(
      "核准制项目手续", ApprovalRegime::kRatification, std::nullopt,
      {{"ratification", "项目申请报告核准（立项）", "发展和改革委员会", 15, false, false, false}},
      /*initial_design=*/false));
  out.push_back(Build("备案制项目手续", ApprovalRegime::kFiling, std::nullopt,
                      {{"filing", "项目备案（立项）", "发展和改革委员会", 1, false, false, false}},
                      /*initial_design=*/false));
  return out;
}

}  // namespace keyline
