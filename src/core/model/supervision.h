// The supervision loop: approval procedures (手续) and their templates, the battle
// chart (挂图作战), the problem ledger (问题台账) with its deadline templates (13710), escalation
// (提级督办) and supervision orders (督办单), and dispatch meetings (调度会).
//
// Dates are ISO text "YYYY-MM-DD", periods YYYYMM, timestamps ms since the epoch.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/enum_table.h"
#include "core/model/project.h"

namespace keyline {

// ---- procedures (手续) ----

enum class ProcedureStatus { kNotStarted, kInProgress, kDone, kNotNeeded };
std::span<const EnumEntry<ProcedureStatus>> ProcedureStatusTable();

// One line of a template: what to obtain, from whom, how long it may take.
struct ProcedureTemplateItem {
  std::string code;         // stable key, e.g. "eia"
  std::string name;         // 环境影响评价审批
  std::string authority;    // 生态环境局
  int limit_days = 0;       // statutory or configured limit, working days (0 = none)
  bool parallel = false;    // runs alongside the previous item instead of after it
  bool tolerance = false;   // 容缺受理 allowed
  bool commitment = false;  // 告知承诺制 allowed
};

struct ProcedureTemplate {
  int64_t id = 0;
  std::string name;
  ApprovalRegime regime = ApprovalRegime::kFiling;
  std::optional<ProjectCategory> category;  // nullopt: any project type
  bool builtin = false;
  std::vector<ProcedureTemplateItem> items;  // in order
  int64_t version = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// One procedure of one project.
struct ProjectProcedure {
  int64_t id = 0;
  int64_t project_id = 0;
  std::optional<int64_t> template_id;
  int seq = 0;  // order within the project
  std::string code;
  std::string name;
  std::string authority;
  int limit_days = 0;
  bool parallel = false;
  bool tolerance = false;
  bool commitment = false;
  ProcedureStatus status = ProcedureStatus::kNotStarted;
  std::optional<std::string> planned_start;
  std::optional<std::string> planned_due;  // the deadline overdue is measured against
  std::optional<std::string> actual_start;
  std::optional<std::string> actual_done;
  std::string doc_number;  // 文号
  std::string note;
  int64_t version = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// ---- battle chart (挂图作战) ----

struct Milestone {
  int64_t id = 0;
  int64_t project_id = 0;
  std::string title;
  std::string planned_date;  // deadline of the task
  std::optional<int64_t> responsible_person_id;
  std::optional<int64_t> supervisor_person_id;
  std::optional<std::string> done_on;
  std::string note;
  int64_t version = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

enum class MilestoneState { kPending, kDoneOnTime, kDoneLate, kOverdue };
std::span<const EnumEntry<MilestoneState>> MilestoneStateTable();

// ---- problem ledger (问题台账) ----

enum class ProblemCategory {
  kLand,          // 用地
  kFunds,         // 资金
  kApprovals,     // 手续审批
  kDemolition,    // 征地拆迁
  kUtilities,     // 水电气暖配套
  kPlanning,      // 规划设计
  kEnvironment,   // 环保
  kConstruction,  // 施工组织
  kOther
};
enum class ProblemSeverity { kOrdinary, kMajor };  // 一般 / 重大
enum class ProblemSource { kManual, kMonthlyReport, kSiteVisit, kMeeting };
// open → (deployed) → (fed back) → solved → closed; or planned (cannot be solved now: a plan
// with a date) → solved → closed. solved and planned may be reopened by the confirmer.
enum class ProblemStatus { kOpen, kDeployed, kFeedback, kPlanned, kSolved, kClosed };
// 提级督办 levels: the responsible unit, then the leader in charge, then the principal leader.
enum class EscalationLevel { kUnit = 0, kDeputyLeader = 1, kPrincipalLeader = 2 };

std::span<const EnumEntry<ProblemCategory>> ProblemCategoryTable();
std::span<const EnumEntry<ProblemSeverity>> ProblemSeverityTable();
std::span<const EnumEntry<ProblemSource>> ProblemSourceTable();
std::span<const EnumEntry<ProblemStatus>> ProblemStatusTable();
std::span<const EnumEntry<EscalationLevel>> EscalationLevelTable();

// A deadline template: the shipped one is 13710.
struct DeadlineTemplate {
  std::string code;  // "13710"
  std::string name;
  int deploy_days = 1;    // 研究部署, working days after raising
  int feedback_days = 3;  // 反馈
  int settle_days = 7;    // 一般问题落实
  int major_days = 0;     // 重大问题, working days; 0 = use major_months
  int major_months = 1;   // 重大问题, calendar months (due on the next working day if needed)
  int escalate_days = 5;  // working days between escalation levels after the settle deadline
  int answer_days = 3;    // working days a unit has to answer a supervision order
  int64_t version = 0;
  int64_t updated_at = 0;
};

struct Problem {
  int64_t id = 0;
  int64_t project_id = 0;
  std::string title;
  std::string description;
  ProblemCategory category = ProblemCategory::kOther;
  ProblemSeverity severity = ProblemSeverity::kOrdinary;
  ProblemSource source = ProblemSource::kManual;
  std::optional<std::string> source_ref;  // e.g. the monthly report id, free form
  std::vector<int64_t> unit_ids;          // responsible units, at least one
  std::optional<int64_t> leader_person_id;
  std::string template_code;
  std::string raised_on;  // date
  std::string deploy_due;
  std::string feedback_due;
  std::string settle_due;
  ProblemStatus status = ProblemStatus::kOpen;
  EscalationLevel level = EscalationLevel::kUnit;
  std::optional<int64_t> deployed_at;
  std::optional<int64_t> feedback_at;
  std::optional<int64_t> solved_at;
  std::optional<std::string> plan_date;  // when it cannot be solved: the date it will be
  std::string plan_text;
  std::string progress;  // the latest feedback text
  std::optional<int64_t> closed_at;
  std::optional<int64_t> closed_by;
  std::string evaluation;
  std::optional<int> rating;   // 1..5
  int64_t raised_by = 0;       // user id
  int64_t raised_by_unit = 0;  // unit of the raiser
  int64_t version = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// One timestamped step in a problem's life.
struct ProblemEvent {
  int64_t id = 0;
  int64_t problem_id = 0;
  std::string kind;  // raised | deployed | feedback | planned | solved | closed | reopened |
                     // escalated | order_issued | order_answered
  int64_t at = 0;
  int64_t user_id = 0;
  std::string username;
  std::string user_name;  // read only: the person's display name, else the login
  std::string text;
};

// 督办单: issued to a unit when a problem escalates; answered with a rectification plan.
struct SupervisionOrder {
  int64_t id = 0;
  int64_t problem_id = 0;
  int64_t project_id = 0;
  int64_t unit_id = 0;
  EscalationLevel level = EscalationLevel::kDeputyLeader;
  int64_t issued_at = 0;
  std::string issued_on;
  std::string answer_due;
  std::optional<int64_t> answered_at;
  std::optional<int64_t> answered_by;
  std::string answer;                     // 整改方案
  std::optional<std::string> rectify_by;  // date the plan promises
  int64_t version = 0;
};

// ---- dispatch meetings (调度会) ----

// planned → held → minutes_issued (纪要已印发: the minutes are frozen, nothing changes after).
enum class MeetingStatus { kPlanned, kHeld, kMinutesIssued };
// problem: raises a problem (问题台账) for the project; task: adds a battle-chart task
// (挂图作战) to the project; note: recorded only.
enum class DecisionKind { kProblem, kTask, kNote };
// What put an item on a meeting's agenda: a red (traffic-light) project, an overdue problem or
// an overdue procedure. The item's source is the project, problem or procedure with source_id.
enum class AgendaKind { kRedProject, kOverdueProblem, kOverdueProcedure };
std::span<const EnumEntry<MeetingStatus>> MeetingStatusTable();
std::span<const EnumEntry<DecisionKind>> DecisionKindTable();
std::span<const EnumEntry<AgendaKind>> AgendaKindTable();
// "project", "problem" or "procedure": the entity an agenda item of this kind refers to.
const char* AgendaSource(AgendaKind kind);

// 议题: one agenda item, with the names resolved when it was proposed.
struct AgendaItem {
  AgendaKind kind = AgendaKind::kOverdueProblem;
  int64_t source_id = 0;  // project (red), problem or procedure id
  int64_t project_id = 0;
  std::string project_name;
  std::string title;  // the red project's reason, the problem's title, the procedure's name
  std::string units;  // a problem's responsible units, names joined with 、
  std::optional<int64_t> leader_person_id;
  std::string leader;        // the problem's leader, by name
  std::string authority;     // the procedure's authority
  std::string due;           // the deadline missed ("" for red projects)
  int64_t days_overdue = 0;  // calendar days from due to the agenda date
};

// 议定事项: one decision of a meeting, with what it created.
struct MeetingDecision {
  int64_t id = 0;
  int64_t meeting_id = 0;
  DecisionKind kind = DecisionKind::kNote;
  std::string text;
  std::optional<int64_t> project_id;  // required for problem and task
  std::optional<int64_t> owner_unit_id;
  std::optional<int64_t> owner_person_id;
  std::optional<std::string> due;       // date; for a problem its 13710 settle deadline
  std::optional<int64_t> problem_id;    // the problem raised (kind problem)
  std::optional<int64_t> milestone_id;  // the task created (kind task)
  int64_t created_by = 0;
  int64_t created_at = 0;
};

struct DispatchMeeting {
  int64_t id = 0;
  std::string title;
  std::string held_on;  // date
  std::string location;
  std::optional<int64_t> chair_person_id;
  std::vector<int64_t> attendee_person_ids;
  std::vector<int64_t> attendee_unit_ids;
  MeetingStatus status = MeetingStatus::kPlanned;
  std::string notes;
  // The agenda as proposed when the meeting was marked held; nullopt while planned.
  std::optional<std::vector<AgendaItem>> agenda;
  std::string minutes;  // the minutes text as issued; "" before
  int64_t created_by = 0;
  int64_t version = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  std::vector<MeetingDecision> decisions;  // filled by Get, in order
};

}  // namespace keyline
