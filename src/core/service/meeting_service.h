// MeetingService: dispatch meetings (调度会) — the meeting record, the agenda the system
// proposes (red projects, overdue problems, overdue procedures), decisions that become
// problems (问题台账) or battle-chart tasks (挂图作战), and the minutes (会议纪要) as text.
//
// Life: planned → held → minutes_issued. Marking a meeting held (its date not after today)
// stores the agenda proposed for its date, as of that date, and freezes it into a snapshot
// (kind meeting_agenda, subject "meeting:<id>"; core/service/snapshot_service.h); decisions are
// recorded while it is held; issuing the minutes stores their text, freezes them into a
// snapshot (kind meeting_minutes) and freezes the meeting. Reading a held meeting's agenda or
// issued minutes never recomputes them; a stored agenda or minutes that no longer match their
// snapshot are refused (kInternal naming the tampering).
//
// Who may do what:
//   admin, supervisor   create, change and run meetings; record decisions; read all
//   leader              reads all meetings (and may be the chair)
//   department          reads the meetings its unit attends or owns a decision of, or whose
//                       decisions concern its projects or problems assigned to it
//   service officer     reads the meetings its person chairs, attends or owns a decision of
//   reporter (项目单位)  reads no meetings: meetings are the government's deliberation; what a
//                       meeting decided about a company's project reaches it as the problem
//                       (source "meeting") or the battle-chart task of that project
// A meeting outside the caller's scope is kNotFound. Every write is audited in its
// transaction (entity "meeting", "meeting_decision"; and "problem" / "milestone" for what a
// decision creates, in the same transaction).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/supervision.h"
#include "core/ports/red_projects.h"
#include "core/ports/supervision_repositories.h"
#include "core/service/audit_log.h"
#include "core/service/snapshot_service.h"

namespace keyline {

class ProblemService;
class BattleChartService;
struct NameBook;

// Changes a copy of the meeting (title, held_on, location, chair, attendees, notes, status);
// MeetingService validates the result.
using MeetingPatch = std::function<Status(DispatchMeeting&)>;

struct DecisionInput {
  DecisionKind kind = DecisionKind::kNote;
  std::string text;                        // 1..500 characters
  std::optional<int64_t> project_id;       // required for problem and task
  std::optional<int64_t> owner_unit_id;    // required for problem (its responsible unit)
  std::optional<int64_t> owner_person_id;  // problem: its leader; task: the responsible person
  std::optional<std::string> due;  // task: required; note: optional; problem: must be absent
  ProblemCategory category = ProblemCategory::kOther;     // problem only
  ProblemSeverity severity = ProblemSeverity::kOrdinary;  // problem only
};

// A meeting's agenda as served: the items and, once the meeting is held, the snapshot they
// were frozen in (payload cleared; nullopt for a planned meeting or one held before snapshots).
// Need to know: a department or service officer reads the items of the projects in
// its scope in full; the others are left out and counted (其他单位项目 N 个). The office and
// leaders read every item. The stored agenda and its snapshot are never changed.
struct MeetingAgenda {
  std::vector<AgendaItem> items;
  bool recorded = false;  // false: proposed now for the meeting date
  std::optional<Snapshot> snapshot;
  // Distinct projects outside the caller's scope, left out, and their items (an item of a
  // cause shared by several projects, project_id 0, is left out and counted as an item only).
  int64_t other_projects = 0;
  int64_t other_items = 0;
};

// The snapshot subject of meeting id: "meeting:<id>".
std::string MeetingSnapshotSubject(int64_t meeting_id);

class MeetingService {
 public:
  // red: which projects are red (the app injects the lights' LightsRedProjectSource,
  // engine/service/lights_service.h; tests may use NoRedProjects). Not owned.
  MeetingService(const Repositories& repos, AuditLog& audit, const Clock& clock,
                 ProblemService& problems, BattleChartService& battle_chart, RedProjectSource& red)
      : repos_(repos),
        audit_(audit),
        clock_(clock),
        problems_(problems),
        battle_chart_(battle_chart),
        red_(red) {}

  // Office only (kForbidden). A planned meeting from draft's title, held_on, location, chair,
  // attendees and notes; kInvalidArgument naming the field for bad ones (title 1..200, a date,
  // location ≤ 200, notes ≤ 4000, ≤ 100 distinct existing people and units each).
  Result<DispatchMeeting> Create(const Caller& caller, DispatchMeeting draft);
  // kNotFound when absent or out of scope.
  Result<DispatchMeeting> Get(const Caller& caller, int64_t id);
  Result<PageOf<DispatchMeeting>> List(const Caller& caller, const MeetingQuery& query);
  // Office only. kConflict on a stale version, on a status going backwards or skipping held,
  // on changing the date of a held meeting, on any change after the minutes were issued, and
  // when marking held a meeting dated after today.
  Result<DispatchMeeting> Update(const Caller& caller, int64_t id, int64_t expected_version,
                                 const MeetingPatch& patch);

  // The agenda proposed for `date` ("YYYY-MM-DD") within the caller's project scope.
  Result<std::vector<AgendaItem>> ProposeAgenda(const Caller& caller, const std::string& date);
  // A meeting's agenda: stored (frozen) when it was marked held, else proposed for its date.
  Result<MeetingAgenda> Agenda(const Caller& caller, int64_t id);

  // Office only; the meeting must be held (kConflict otherwise). A problem decision raises a
  // problem dated the meeting day (source "meeting", source_ref the meeting id) whose 13710
  // settle deadline becomes the decision's due date; a task decision adds a battle-chart task
  // due on `due`, supervised by the chair. Returns the decision with the created id.
  Result<MeetingDecision> AddDecision(const Caller& caller, int64_t meeting_id,
                                      const DecisionInput& input);

  // The minutes text (meeting_text.h RenderMinutes): as issued once the minutes are issued,
  // else a draft from the current record.
  Result<std::string> Minutes(const Caller& caller, int64_t id);

  std::string Today() const;

  // Where held agendas and issued minutes are frozen (the app sets it; not owned). Without it
  // they are stored on the meeting only.
  void SetSnapshots(SnapshotService& snapshots) { snapshots_ = &snapshots; }

 private:
  // The stored snapshot of kind for meeting m (hash checked), and a check that what the
  // meeting row holds (payload) is what was frozen; nullopt without snapshots.
  Result<std::optional<Snapshot>> FrozenIn(Tx& tx, SnapshotKind kind, const DispatchMeeting& m,
                                           const std::string& payload);
  Result<DispatchMeeting> LoadVisible(Tx& tx, const Caller& caller, int64_t id);
  // Whether a project is in scope (cached; project 0, a cause shared by several projects, is
  // not).
  Result<bool> Mine(Tx& tx, const ProjectScope& scope, int64_t project_id,
                    std::map<int64_t, bool>* cache);
  // Need to know: for a department or service officer, leaves out of m the agenda items and
  // decisions of projects outside its scope (the stored meeting is not changed); others as is.
  Status RedactForCaller(Tx& tx, const Caller& caller, DispatchMeeting* m);
  Status Validate(Tx& tx, const DispatchMeeting& m);
  Result<std::vector<AgendaItem>> ProposeIn(Tx& tx, const Caller& caller, const std::string& date);
  Result<std::string> RenderIn(Tx& tx, const DispatchMeeting& m,
                               const std::vector<AgendaItem>& agenda);
  Status FillNames(Tx& tx, NameBook* names, const std::vector<int64_t>& projects,
                   const std::vector<int64_t>& units, const std::vector<int64_t>& people);
  Result<MeetingDecision> DecideIn(Tx& tx, const Caller& caller, const DispatchMeeting& m,
                                   const DecisionInput& input);

  Repositories repos_;
  AuditLog& audit_;
  const Clock& clock_;
  ProblemService& problems_;
  BattleChartService& battle_chart_;
  RedProjectSource& red_;
  SnapshotService* snapshots_ = nullptr;
};

// The snapshot payloads of a held meeting's agenda and of its issued minutes (JSON).
std::string AgendaSnapshotPayload(const DispatchMeeting& m);
std::string MinutesSnapshotPayload(const DispatchMeeting& m);

}  // namespace keyline
