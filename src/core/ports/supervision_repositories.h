// Repository interfaces of the supervision loop (procedures, battle chart, problems, orders,
// meetings). Same conventions as core/ports/repositories.h: Get* → kNotFound when absent,
// Update* takes the version read and returns kConflict when it moved on, Insert* returns the id.
//
// Scoped lists take the caller's ProjectScope and apply it in SQL: a row is visible when its
// project is. Problems and supervision orders are also visible to a department (kUnit scope)
// whose unit they are assigned to, even when the project is not otherwise its own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "core/model/supervision.h"
#include "core/ports/repositories.h"

namespace keyline {

class ProcedureRepository {
 public:
  virtual ~ProcedureRepository() = default;
  virtual Result<std::vector<ProcedureTemplate>> ListTemplates(Tx& tx) = 0;
  virtual Result<ProcedureTemplate> GetTemplate(Tx& tx, int64_t id) = 0;
  virtual Result<int64_t> InsertTemplate(Tx& tx, const ProcedureTemplate& t) = 0;
  // Replaces the name, regime, category and items.
  virtual Status UpdateTemplate(Tx& tx, const ProcedureTemplate& t, int64_t expected_version) = 0;

  // A project's procedures ordered by seq, id.
  virtual Result<std::vector<ProjectProcedure>> ListForProject(Tx& tx, int64_t project_id) = 0;
  virtual Result<ProjectProcedure> Get(Tx& tx, int64_t id) = 0;
  virtual Result<int64_t> Insert(Tx& tx, const ProjectProcedure& p) = 0;
  virtual Status Update(Tx& tx, const ProjectProcedure& p, int64_t expected_version) = 0;
  virtual Status Delete(Tx& tx, int64_t id) = 0;
  // Procedures not done or not needed whose planned_due < today, in scope, optionally of one
  // authority (exact name); ordered by planned_due, id; at most 5000.
  virtual Result<std::vector<ProjectProcedure>> ListOverdue(
      Tx& tx, const std::string& today, const ProjectScope& scope,
      const std::optional<std::string>& authority) = 0;
};

class MilestoneRepository {
 public:
  virtual ~MilestoneRepository() = default;
  // Ordered by planned_date, id.
  virtual Result<std::vector<Milestone>> ListForProject(Tx& tx, int64_t project_id) = 0;
  virtual Result<Milestone> Get(Tx& tx, int64_t id) = 0;
  virtual Result<int64_t> Insert(Tx& tx, const Milestone& m) = 0;
  virtual Status Update(Tx& tx, const Milestone& m, int64_t expected_version) = 0;
  virtual Status Delete(Tx& tx, int64_t id) = 0;
};

struct ProblemQuery {
  std::optional<int64_t> project_id;
  std::optional<int64_t> unit_id;  // one of the responsible units
  std::optional<int64_t> leader_person_id;
  std::vector<ProblemStatus> statuses;  // any of
  std::optional<ProblemCategory> category;
  std::optional<EscalationLevel> min_level;
  // Only problems overdue on this date (not solved/closed and past their effective deadline).
  std::optional<std::string> overdue_on;
  Page page;  // newest first
};

struct OrderQuery {
  std::optional<int64_t> problem_id;
  std::optional<int64_t> unit_id;
  std::optional<bool> answered;
  Page page;  // newest first
};

class ProblemRepository {
 public:
  virtual ~ProblemRepository() = default;
  virtual Result<Problem> Get(Tx& tx, int64_t id) = 0;
  // Inserts the problem and its responsible units.
  virtual Result<int64_t> Insert(Tx& tx, const Problem& p) = 0;
  // Updates every field and replaces the responsible units.
  virtual Status Update(Tx& tx, const Problem& p, int64_t expected_version) = 0;
  virtual Result<PageOf<Problem>> List(Tx& tx, const ProblemQuery& query,
                                       const ProjectScope& scope) = 0;
  // Every matching problem (the page is ignored), at most 20000, for counts and agendas.
  virtual Result<std::vector<Problem>> ListAll(Tx& tx, const ProblemQuery& query,
                                               const ProjectScope& scope) = 0;
  // True when the caller's scope sees the problem (see the header comment).
  virtual Result<bool> InScope(Tx& tx, int64_t problem_id, const ProjectScope& scope) = 0;
  // Ids of problems not solved/closed, below the top escalation level, whose effective
  // deadline is before `today`: the candidates of the escalation sweep.
  virtual Result<std::vector<int64_t>> ListEscalationCandidates(Tx& tx,
                                                                const std::string& today) = 0;

  virtual Result<int64_t> InsertEvent(Tx& tx, const ProblemEvent& e) = 0;
  // Oldest first.
  virtual Result<std::vector<ProblemEvent>> ListEvents(Tx& tx, int64_t problem_id) = 0;

  virtual Result<int64_t> InsertOrder(Tx& tx, const SupervisionOrder& o) = 0;
  virtual Result<SupervisionOrder> GetOrder(Tx& tx, int64_t id) = 0;
  virtual Status UpdateOrder(Tx& tx, const SupervisionOrder& o, int64_t expected_version) = 0;
  virtual Result<PageOf<SupervisionOrder>> ListOrders(Tx& tx, const OrderQuery& query,
                                                      const ProjectScope& scope) = 0;

  virtual Result<std::vector<DeadlineTemplate>> ListTemplates(Tx& tx) = 0;
  virtual Result<DeadlineTemplate> GetTemplate(Tx& tx, const std::string& code) = 0;
  virtual Status InsertTemplate(Tx& tx, const DeadlineTemplate& t) = 0;
  virtual Status UpdateTemplate(Tx& tx, const DeadlineTemplate& t, int64_t expected_version) = 0;
};

// Who sees which meetings (decided by MeetingService from the caller's role): everything, or
// the meetings a unit or a person takes part in. A unit takes part when it attends, owns a
// decision, or a decision concerns a project related to it (project_units) or a problem
// assigned to it; a person when they chair, attend or own a decision.
struct MeetingScope {
  bool all = true;
  std::optional<int64_t> unit_id;
  std::optional<int64_t> person_id;
};

struct MeetingQuery {
  std::optional<std::string> from;  // held_on >= from
  std::optional<std::string> to;    // held_on <= to
  std::optional<MeetingStatus> status;
  Page page;  // newest held_on first
};

class MeetingRepository {
 public:
  virtual ~MeetingRepository() = default;
  // With its attendees and decisions.
  virtual Result<DispatchMeeting> Get(Tx& tx, int64_t id) = 0;
  // Inserts the meeting and its attendees (people first, then units, each in order).
  virtual Result<int64_t> Insert(Tx& tx, const DispatchMeeting& m) = 0;
  // Updates every field and replaces the attendees.
  virtual Status Update(Tx& tx, const DispatchMeeting& m, int64_t expected_version) = 0;
  // With attendees, without decisions.
  virtual Result<PageOf<DispatchMeeting>> List(Tx& tx, const MeetingQuery& query,
                                               const MeetingScope& scope) = 0;
  virtual Result<bool> InScope(Tx& tx, int64_t meeting_id, const MeetingScope& scope) = 0;
  virtual Result<int64_t> InsertDecision(Tx& tx, const MeetingDecision& d) = 0;
};

}  // namespace keyline
