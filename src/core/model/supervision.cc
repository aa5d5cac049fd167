#include "core/model/supervision.h"

namespace keyline {
namespace {

constexpr EnumEntry<ProcedureStatus> kProcedureStatuses[] = {
    {ProcedureStatus::kNotStarted, "not_started", "未开始"},
    {ProcedureStatus::kInProgress, "in_progress", "办理中"},
    {ProcedureStatus::kDone, "done", "已办结"},
    {ProcedureStatus::kNotNeeded, "not_needed", "无需办理"},
};
constexpr EnumEntry<MilestoneState> kMilestoneStates[] = {
    {MilestoneState::kPending, "pending", "未到期"},
    {MilestoneState::kDoneOnTime, "done_on_time", "按期完成"},
    {MilestoneState::kDoneLate, "done_late", "逾期完成"},
    {MilestoneState::kOverdue, "overdue", "逾期未完成"},
};
constexpr EnumEntry<ProblemCategory> kCategories[] = {
    {ProblemCategory::kLand, "land", "用地"},
    {ProblemCategory::kFunds, "funds", "资金"},
    {ProblemCategory::kApprovals, "approvals", "手续审批"},
    {ProblemCategory::kDemolition, "demolition", "征地拆迁"},
    {ProblemCategory::kUtilities, "utilities", "水电气暖配套"},
    {ProblemCategory::kPlanning, "planning", "规划设计"},
    {ProblemCategory::kEnvironment, "environment", "生态环保"},
    {ProblemCategory::kConstruction, "construction", "施工组织"},
    {ProblemCategory::kOther, "other", "其他"},
};
constexpr EnumEntry<ProblemSeverity> kSeverities[] = {
    {ProblemSeverity::kOrdinary, "ordinary", "一般问题"},
    {ProblemSeverity::kMajor, "major", "重大问题"},
};
constexpr EnumEntry<ProblemSource> kSources[] = {
    {ProblemSource::kManual, "manual", "直接录入"},
    {ProblemSource::kMonthlyReport, "monthly_report", "月报"},
    {ProblemSource::kSiteVisit, "site_visit", "现场督导"},
    {ProblemSource::kMeeting, "meeting", "调度会"},
};
constexpr EnumEntry<ProblemStatus> kStatuses[] = {
    {ProblemStatus::kOpen, "open", "待部署"},
    {ProblemStatus::kDeployed, "deployed", "已部署"},
    {ProblemStatus::kFeedback, "feedback", "已反馈"},
    {ProblemStatus::kPlanned, "planned", "已明确方案"},
    {ProblemStatus::kSolved, "solved", "已解决待销号"},
    {ProblemStatus::kClosed, "closed", "已销号"},
};
constexpr EnumEntry<EscalationLevel> kLevels[] = {
    {EscalationLevel::kUnit, "unit", "责任单位"},
    {EscalationLevel::kDeputyLeader, "deputy_leader", "分管领导"},
    {EscalationLevel::kPrincipalLeader, "principal_leader", "主要领导"},
};
constexpr EnumEntry<MeetingStatus> kMeetingStatuses[] = {
    {MeetingStatus::kPlanned, "planned", "筹备中"},
    {MeetingStatus::kHeld, "held", "已召开"},
    {MeetingStatus::kMinutesIssued, "minutes_issued", "纪要已印发"},
};
constexpr EnumEntry<AgendaKind> kAgendaKinds[] = {
    {AgendaKind::kRedProject, "red_project", "红灯项目"},
    {AgendaKind::kOverdueProblem, "overdue_problem", "逾期问题"},
    {AgendaKind::kOverdueProcedure, "overdue_procedure", "逾期手续"},
};
constexpr EnumEntry<DecisionKind> kDecisionKinds[] = {
    {DecisionKind::kProblem, "problem", "问题"},
    {DecisionKind::kTask, "task", "任务"},
    {DecisionKind::kNote, "note", "事项"},
};

}  // namespace

std::span<const EnumEntry<ProcedureStatus>> ProcedureStatusTable() { return kProcedureStatuses; }
std::span<const EnumEntry<MilestoneState>> MilestoneStateTable() { return kMilestoneStates; }
std::span<const EnumEntry<ProblemCategory>> ProblemCategoryTable() { return kCategories; }
std::span<const EnumEntry<ProblemSeverity>> ProblemSeverityTable() { return kSeverities; }
std::span<const EnumEntry<ProblemSource>> ProblemSourceTable() { return kSources; }
std::span<const EnumEntry<ProblemStatus>> ProblemStatusTable() { return kStatuses; }
std::span<const EnumEntry<EscalationLevel>> EscalationLevelTable() { return kLevels; }
std::span<const EnumEntry<MeetingStatus>> MeetingStatusTable() { return kMeetingStatuses; }
std::span<const EnumEntry<DecisionKind>> DecisionKindTable() { return kDecisionKinds; }
std::span<const EnumEntry<AgendaKind>> AgendaKindTable() { return kAgendaKinds; }

const char* AgendaSource(AgendaKind kind) {
  switch (kind) {
    case AgendaKind::kRedProject:
      return "project";
    case AgendaKind::kOverdueProblem:
      return "problem";
    case AgendaKind::kOverdueProcedure:
      return "procedure";
  }
  return "";
}

}  // namespace keyline
