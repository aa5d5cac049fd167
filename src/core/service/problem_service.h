// ProblemService: the problem ledger (问题台账), its deadline templates (13710), escalation
// (提级督办) with supervision orders (督办单), and close-out (销号). Role rules: see
// supervision_access.h. Every write runs in one transaction with its audit entries and its
// timeline events (problem_events), so every step is timestamped.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/calendar/working_calendar.h"
#include "core/model/supervision.h"
#include "core/ports/supervision_repositories.h"
#include "core/service/audit_log.h"

namespace keyline {

// What the responsible unit or the confirmer does to a problem.
enum class ProblemAction {
  kDeploy,    // 研究部署 (unit)
  kFeedback,  // 反馈进展 (unit)
  kSolve,     // 已解决，申请销号 (unit)
  kPlan,      // 确实无法解决：明确方案和时间节点 (unit; needs plan_date and text)
  kClose,     // 销号 (raiser, office or leader; needs an evaluation; only when solved)
  kReopen,    // 退回 (raiser, office or leader; solved or planned → back to work)
};

struct ProblemActionInput {
  ProblemAction action = ProblemAction::kFeedback;
  std::string text;                      // progress, plan or evaluation or reason (≤ 2000)
  std::optional<std::string> plan_date;  // kPlan: after today
  std::optional<int> rating;             // kClose: 1..5
  std::optional<int64_t> expected_version;
};

struct SweepReport {
  int64_t candidates = 0;  // overdue problems looked at
  int64_t escalated = 0;   // escalation steps applied
  int64_t orders = 0;      // supervision orders issued
};

class ProblemService {
 public:
  ProblemService(const Repositories& repos, AuditLog& audit, const Clock& clock,
                 const WorkingCalendar& calendar)
      : repos_(repos), audit_(audit), clock_(clock), calendar_(calendar) {}

  // Inserts the shipped 13710 template when missing (at start-up). Audited as "system".
  Status EnsureBuiltinTemplates();
  Result<std::vector<DeadlineTemplate>> Templates(const Caller& caller);
  // Office only. Replaces the limits (code stays); kConflict on a stale version. Problems
  // raised earlier keep the deadlines they were given.
  Result<DeadlineTemplate> UpdateTemplate(const Caller& caller, DeadlineTemplate t,
                                          int64_t expected_version);

  // Raises a problem on today's date with deadlines from its template (draft.template_code,
  // default "13710"). The caller must see the project (kNotFound) and be office, a department
  // or the project's owner company (kForbidden). Units must exist and not be companies; the
  // leader must exist (kInvalidArgument).
  Result<Problem> Raise(const Caller& caller, Problem draft);
  // Raise inside the caller's write transaction, dated raised_on (a date not after today,
  // kInvalidArgument otherwise): the deadlines count from that day. For services that raise a
  // problem as part of their own write (a dispatch meeting's decision).
  Result<Problem> RaiseIn(Tx& tx, const Caller& caller, Problem draft,
                          const std::string& raised_on);
  Result<Problem> Get(const Caller& caller, int64_t id);
  Result<PageOf<Problem>> List(const Caller& caller, const ProblemQuery& query);
  // Every problem in scope matching the query (page ignored), for counts and agendas.
  Result<std::vector<Problem>> ListAll(const Caller& caller, const ProblemQuery& query);
  Result<std::vector<ProblemEvent>> Events(const Caller& caller, int64_t id);
  // kConflict when the action does not fit the status (e.g. closing an open problem).
  Result<Problem> Act(const Caller& caller, int64_t id, const ProblemActionInput& input);

  Result<PageOf<SupervisionOrder>> Orders(const Caller& caller, const OrderQuery& query);
  // The unit the order was issued to (department) or the office answers once with a
  // rectification plan (整改方案) and optionally the date it promises.
  Result<SupervisionOrder> AnswerOrder(const Caller& caller, int64_t order_id, std::string answer,
                                       std::optional<std::string> rectify_by);

  // Applies every due escalation step (deadlines.h DueEscalations) to every overdue problem:
  // raises the level, records the step, issues one supervision order per responsible unit,
  // all audited. Idempotent: a second run on the same day does nothing. Office or system only.
  Result<SweepReport> Sweep(const Caller& caller);

  std::string Today() const;

 private:
  Result<Problem> LoadVisible(Tx& tx, const Caller& caller, int64_t id);
  Result<DeadlineTemplate> LoadTemplate(Tx& tx, const std::string& code);
  Status Record(Tx& tx, const Caller& caller, int64_t problem_id, std::string kind,
                std::string text);
  Status EscalateOne(Tx& tx, const Caller& caller, int64_t id, SweepReport* report);
  Status CheckUnitsAndLeader(Tx& tx, const Problem& p);

  Repositories repos_;
  AuditLog& audit_;
  const Clock& clock_;
  const WorkingCalendar& calendar_;
};

}  // namespace keyline
