#include "core/service/meeting_service.h"

#include <algorithm>
#include <map>
#include <set>

#include "common/date.h"
#include "common/json_writer.h"
#include "core/model/supervision_json.h"
#include "core/service/battle_chart_service.h"
#include "core/service/problem_service.h"
#include "core/service/project_access.h"
#include "core/service/supervision_access.h"
#include "core/supervision/meeting_text.h"

namespace keyline {
namespace {

Status Reject(const std::string& field, const std::string& zh, const std::string& en) {
  return Status::InvalidArgument(zh, en, {{field, zh, en}});
}

Status NotFoundMeeting() { return Status::NotFound("调度会不存在或无权查看", "meeting not found"); }

// The first max characters of text (UTF-8), with "…" when cut.
std::string Utf8Prefix(const std::string& text, size_t max) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((text[i] & 0xC0) != 0x80 && chars++ == max) return text.substr(0, i) + "…";
  }
  return text;
}

Status CheckText(const std::string& field, const std::string& text, size_t max, bool required) {
  if ((required && text.empty()) || Utf8Length(text) > max) {
    std::string n = std::to_string(max);
    return Reject(field, field + (required ? " 应为1～" : " 不能超过") + n + "个字符",
                  field + (required ? " must be 1.." : " must be at most ") + n + " characters");
  }
  return Status::Ok();
}

Status CheckIds(const std::string& field, const std::vector<int64_t>& ids) {
  std::set<int64_t> distinct(ids.begin(), ids.end());
  if (ids.size() > 100 || distinct.size() != ids.size()) {
    return Reject(field, field + " 应为不超过100个不重复的编号",
                  field + " must list at most 100 distinct ids");
  }
  return Status::Ok();
}

Status Frozen() {
  return Status::Conflict("会议纪要已印发，不能再修改",
                          "the minutes were issued; the meeting is final");
}

MeetingScope MeetingScopeFor(const Caller& caller) {
  MeetingScope scope;
  switch (caller.role) {
    case Role::kAdmin:
    case Role::kSupervisor:
    case Role::kLeader:
      return scope;
    case Role::kDepartment:
      scope.all = false;
      scope.unit_id = caller.unit_id;
      scope.person_id = caller.person_id;
      return scope;
    case Role::kServiceOfficer:
      scope.all = false;
      scope.person_id = caller.person_id;
      return scope;
    case Role::kReporter:
      break;
  }
  scope.all = false;  // sees nothing
  return scope;
}

}  // namespace

std::string MeetingSnapshotSubject(int64_t meeting_id) {
  return "meeting:" + std::to_string(meeting_id);
}

std::string AgendaSnapshotPayload(const DispatchMeeting& m) {
  JsonWriter w;
  w.BeginObject().Key("meeting_id").Int(m.id).Key("date").String(m.held_on);
  w.Key("items");
  WriteAgendaJson(w, m.agenda.value_or(std::vector<AgendaItem>{}));
  w.EndObject();
  return w.Take();
}

std::string MinutesSnapshotPayload(const DispatchMeeting& m) {
  JsonWriter w;
  w.BeginObject().Key("meeting_id").Int(m.id).Key("title").String(m.title);
  w.Key("held_on").String(m.held_on).Key("minutes").String(m.minutes).EndObject();
  return w.Take();
}

Result<std::optional<Snapshot>> MeetingService::FrozenIn(Tx& tx, SnapshotKind kind,
                                                         const DispatchMeeting& m,
                                                         const std::string& payload) {
  if (!snapshots_) return std::optional<Snapshot>();
  KL_ASSIGN_OR_RETURN(std::optional<Snapshot> s,
                      snapshots_->LatestIn(tx, kind, MeetingSnapshotSubject(m.id)));
  if (s && s->payload != payload) return SnapshotService::Tampered(*s);
  if (s) s->payload.clear();
  return s;
}

std::string MeetingService::Today() const { return BeijingToday(clock_.NowMs()); }

Status MeetingService::Validate(Tx& tx, const DispatchMeeting& m) {
  KL_RETURN_IF_ERROR(CheckText("title", m.title, 200, true));
  if (!Date::Parse(m.held_on).ok()) {
    return Reject("held_on", "会议日期格式应为YYYY-MM-DD", "held_on must be YYYY-MM-DD");
  }
  KL_RETURN_IF_ERROR(CheckText("location", m.location, 200, false));
  KL_RETURN_IF_ERROR(CheckText("notes", m.notes, 4000, false));
  KL_RETURN_IF_ERROR(CheckIds("attendee_person_ids", m.attendee_person_ids));
  KL_RETURN_IF_ERROR(CheckIds("attendee_unit_ids", m.attendee_unit_ids));
  if (m.chair_person_id && !repos_.people->Get(tx, *m.chair_person_id).ok()) {
    return Reject("chair_person_id", "主持人不存在", "the chair does not exist");
  }
  for (int64_t id : m.attendee_person_ids) {
    if (!repos_.people->Get(tx, id).ok()) {
      return Reject("attendee_person_ids", "参会人员不存在：" + std::to_string(id),
                    "attendee does not exist: " + std::to_string(id));
    }
  }
  for (int64_t id : m.attendee_unit_ids) {
    if (!repos_.units->Get(tx, id).ok()) {
      return Reject("attendee_unit_ids", "参会单位不存在：" + std::to_string(id),
                    "attending unit does not exist: " + std::to_string(id));
    }
  }
  return Status::Ok();
}

Result<DispatchMeeting> MeetingService::Create(const Caller& caller, DispatchMeeting draft) {
  if (!MayManageSupervision(caller.role))
    return SupervisionForbidden("安排调度会", "create meetings");
  DispatchMeeting created;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    DispatchMeeting row = draft;
    row.id = 0;
    row.status = MeetingStatus::kPlanned;
    row.agenda.reset();
    row.minutes.clear();
    row.decisions.clear();
    KL_RETURN_IF_ERROR(Validate(tx, row));
    row.created_by = caller.user_id;
    row.created_at = row.updated_at = clock_.NowMs();
    KL_ASSIGN_OR_RETURN(row.id, repos_.meetings->Insert(tx, row));
    KL_ASSIGN_OR_RETURN(created, repos_.meetings->Get(tx, row.id));
    return audit_.Record(tx, caller, "create", "meeting", std::to_string(row.id), "",
                         ToJson(created));
  });
  if (!st.ok()) return st;
  return created;
}

Result<DispatchMeeting> MeetingService::LoadVisible(Tx& tx, const Caller& caller, int64_t id) {
  MeetingScope scope = MeetingScopeFor(caller);
  if (!scope.all) {
    KL_ASSIGN_OR_RETURN(bool visible, repos_.meetings->InScope(tx, id, scope));
    if (!visible) return NotFoundMeeting();
  }
  auto m = repos_.meetings->Get(tx, id);
  if (!m.ok() && m.status().code() == ErrorCode::kNotFound) return NotFoundMeeting();
  return m;
}

Status MeetingService::RedactForCaller(Tx& tx, const Caller& caller, DispatchMeeting* m) {
  if (caller.role != Role::kDepartment && caller.role != Role::kServiceOfficer) {
    return Status::Ok();
  }
  ProjectScope scope = ScopeFor(caller, Today());
  std::map<int64_t, bool> in_scope;
  if (m->agenda) {
    std::vector<AgendaItem> kept;
    for (AgendaItem& item : *m->agenda) {
      KL_ASSIGN_OR_RETURN(bool mine, Mine(tx, scope, item.project_id, &in_scope));
      if (mine) kept.push_back(std::move(item));
    }
    m->agenda = std::move(kept);
  }
  std::vector<MeetingDecision> decisions;
  for (MeetingDecision& d : m->decisions) {
    bool mine = true;  // a decision on no project (a task, a note) concerns every attendee
    if (d.project_id) {
      KL_ASSIGN_OR_RETURN(mine, Mine(tx, scope, *d.project_id, &in_scope));
    }
    if (mine) decisions.push_back(std::move(d));
  }
  m->decisions = std::move(decisions);
  return Status::Ok();
}

Result<DispatchMeeting> MeetingService::Get(const Caller& caller, int64_t id) {
  DispatchMeeting out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, LoadVisible(tx, caller, id));
    return RedactForCaller(tx, caller, &out);
  });
  if (!st.ok()) return st;
  return out;
}

Result<PageOf<DispatchMeeting>> MeetingService::List(const Caller& caller,
                                                     const MeetingQuery& query) {
  PageOf<DispatchMeeting> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, repos_.meetings->List(tx, query, MeetingScopeFor(caller)));
    for (DispatchMeeting& m : out.items) KL_RETURN_IF_ERROR(RedactForCaller(tx, caller, &m));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<DispatchMeeting> MeetingService::Update(const Caller& caller, int64_t id,
                                               int64_t expected_version,
                                               const MeetingPatch& patch) {
  if (!MayManageSupervision(caller.role))
    return SupervisionForbidden("修改调度会", "change meetings");
  std::string today = Today();
  DispatchMeeting updated;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(DispatchMeeting before, LoadVisible(tx, caller, id));
    if (before.version != expected_version) {
      return Status::Conflict("调度会已被他人修改，请刷新后重试",
                              "the meeting was changed by someone else; reload and retry");
    }
    if (before.status == MeetingStatus::kMinutesIssued) return Frozen();
    DispatchMeeting after = before;
    KL_RETURN_IF_ERROR(patch(after));
    after.id = id;
    after.created_by = before.created_by;
    after.created_at = before.created_at;
    after.agenda = before.agenda;
    after.minutes = before.minutes;
    after.decisions = before.decisions;
    KL_RETURN_IF_ERROR(Validate(tx, after));
    int from = static_cast<int>(before.status), to = static_cast<int>(after.status);
    if (to < from || to > from + 1) {
      return Status::Conflict("会议状态只能依次变为：筹备中 → 已召开 → 纪要已印发",
                              "status moves planned → held → minutes_issued, one step at a time");
    }
    if (before.status != MeetingStatus::kPlanned && after.held_on != before.held_on) {
      return Status::Conflict("会议已召开，不能修改会议日期",
                              "the meeting was held; its date cannot change");
    }
    if (before.status == MeetingStatus::kPlanned && after.status == MeetingStatus::kHeld) {
      if (after.held_on > today) {
        return Status::Conflict("会议日期晚于今天，不能标记为已召开",
                                "a meeting dated after today cannot be marked held");
      }
      KL_ASSIGN_OR_RETURN(after.agenda, ProposeIn(tx, Caller::System(), after.held_on));
    }
    if (after.status == MeetingStatus::kMinutesIssued) {
      KL_ASSIGN_OR_RETURN(after.minutes,
                          RenderIn(tx, after, after.agenda.value_or(std::vector<AgendaItem>{})));
    }
    after.updated_at = clock_.NowMs();
    KL_RETURN_IF_ERROR(repos_.meetings->Update(tx, after, expected_version));
    KL_ASSIGN_OR_RETURN(updated, repos_.meetings->Get(tx, id));
    KL_RETURN_IF_ERROR(audit_.Record(tx, caller, "update", "meeting", std::to_string(id),
                                     ToJson(before), ToJson(updated)));
    if (!snapshots_ || before.status == after.status) return Status::Ok();
    bool held = after.status == MeetingStatus::kHeld;
    return snapshots_
        ->PublishIn(tx, caller, held ? SnapshotKind::kMeetingAgenda : SnapshotKind::kMeetingMinutes,
                    MeetingSnapshotSubject(id),
                    held ? AgendaSnapshotPayload(updated) : MinutesSnapshotPayload(updated), "")
        .status();
  });
  if (!st.ok()) return st;
  return updated;
}

Status MeetingService::FillNames(Tx& tx, NameBook* names, const std::vector<int64_t>& projects,
                                 const std::vector<int64_t>& units,
                                 const std::vector<int64_t>& people) {
  for (int64_t id : projects) {
    if (names->projects.count(id)) continue;
    KL_ASSIGN_OR_RETURN(Project p, repos_.projects->Get(tx, id));
    names->projects[id] = p.name;
  }
  for (int64_t id : units) {
    if (names->units.count(id)) continue;
    KL_ASSIGN_OR_RETURN(Unit u, repos_.units->Get(tx, id));
    names->units[id] = u.name;
  }
  for (int64_t id : people) {
    if (names->people.count(id)) continue;
    KL_ASSIGN_OR_RETURN(Person p, repos_.people->Get(tx, id));
    names->people[id] = p.name;
  }
  return Status::Ok();
}

Result<std::vector<AgendaItem>> MeetingService::ProposeIn(Tx& tx, const Caller& caller,
                                                          const std::string& date) {
  ProjectScope scope = ScopeFor(caller, Today());
  KL_ASSIGN_OR_RETURN(std::vector<RedProject> red, red_.RedProjects(tx, scope, date));
  ProblemQuery query;
  query.overdue_on = date;
  KL_ASSIGN_OR_RETURN(std::vector<Problem> problems, repos_.problems->ListAll(tx, query, scope));
  KL_ASSIGN_OR_RETURN(std::vector<ProjectProcedure> procedures,
                      repos_.procedures->ListOverdue(tx, date, scope, std::nullopt));
  std::vector<int64_t> projects, units, people;
  for (const RedProject& r : red) projects.push_back(r.project_id);
  for (const Problem& p : problems) {
    projects.push_back(p.project_id);
    units.insert(units.end(), p.unit_ids.begin(), p.unit_ids.end());
    if (p.leader_person_id) people.push_back(*p.leader_person_id);
  }
  for (const ProjectProcedure& p : procedures) projects.push_back(p.project_id);
  NameBook names;
  KL_RETURN_IF_ERROR(FillNames(tx, &names, projects, units, people));
  return ProposeAgendaItems(date, red, problems, procedures, names);
}

Result<std::vector<AgendaItem>> MeetingService::ProposeAgenda(const Caller& caller,
                                                              const std::string& date) {
  if (!Date::Parse(date).ok()) {
    return Reject("date", "日期格式应为YYYY-MM-DD", "date must be YYYY-MM-DD");
  }
  std::vector<AgendaItem> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, ProposeIn(tx, caller, date));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<bool> MeetingService::Mine(Tx& tx, const ProjectScope& scope, int64_t project_id,
                                  std::map<int64_t, bool>* cache) {
  auto it = cache->find(project_id);
  if (it != cache->end()) return it->second;
  bool mine = false;
  if (project_id > 0) {
    KL_ASSIGN_OR_RETURN(mine, repos_.projects->InScope(tx, project_id, scope));
  }
  cache->emplace(project_id, mine);
  return mine;
}

Result<MeetingAgenda> MeetingService::Agenda(const Caller& caller, int64_t id) {
  MeetingAgenda out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(DispatchMeeting m, LoadVisible(tx, caller, id));
    if (m.agenda) {  // held: the frozen agenda, never recomputed
      KL_ASSIGN_OR_RETURN(out.snapshot,
                          FrozenIn(tx, SnapshotKind::kMeetingAgenda, m, AgendaSnapshotPayload(m)));
      out.recorded = true;
      if (caller.role != Role::kDepartment && caller.role != Role::kServiceOfficer) {
        out.items = *m.agenda;
        return Status::Ok();
      }
      // A held agenda lists every unit's projects: the caller's own in full, others counted.
      ProjectScope scope = ScopeFor(caller, Today());
      std::map<int64_t, bool> in_scope;
      std::set<int64_t> others;
      for (const AgendaItem& item : *m.agenda) {
        KL_ASSIGN_OR_RETURN(bool mine, Mine(tx, scope, item.project_id, &in_scope));
        if (mine) {
          out.items.push_back(item);
        } else {
          if (item.project_id > 0) others.insert(item.project_id);
          ++out.other_items;
        }
      }
      out.other_projects = static_cast<int64_t>(others.size());
      return Status::Ok();
    }
    KL_ASSIGN_OR_RETURN(out.items, ProposeIn(tx, caller, m.held_on));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<MeetingDecision> MeetingService::DecideIn(Tx& tx, const Caller& caller,
                                                 const DispatchMeeting& m,
                                                 const DecisionInput& in) {
  MeetingDecision d;
  d.meeting_id = m.id;
  d.kind = in.kind;
  d.text = in.text;
  d.project_id = in.project_id;
  d.owner_unit_id = in.owner_unit_id;
  d.owner_person_id = in.owner_person_id;
  d.due = in.due;
  d.created_by = caller.user_id;
  d.created_at = clock_.NowMs();
  if (in.owner_unit_id && !repos_.units->Get(tx, *in.owner_unit_id).ok()) {
    return Reject("owner_unit_id", "责任单位不存在", "owner unit does not exist");
  }
  if (in.owner_person_id && !repos_.people->Get(tx, *in.owner_person_id).ok()) {
    return Reject("owner_person_id", "责任人不存在", "owner person does not exist");
  }
  std::string ref = "调度会：" + m.title + "（" + m.held_on + "）";
  switch (in.kind) {
    case DecisionKind::kProblem: {
      Problem draft;
      draft.project_id = *in.project_id;
      draft.title = Utf8Prefix(in.text, 100);
      draft.description = in.text + "\n" + ref;
      draft.category = in.category;
      draft.severity = in.severity;
      draft.source = ProblemSource::kMeeting;
      draft.source_ref = std::to_string(m.id);
      draft.unit_ids = {*in.owner_unit_id};
      draft.leader_person_id = in.owner_person_id;
      KL_ASSIGN_OR_RETURN(Problem p, problems_.RaiseIn(tx, caller, draft, m.held_on));
      d.problem_id = p.id;
      d.due = p.settle_due;
      break;
    }
    case DecisionKind::kTask: {
      Milestone task;
      task.project_id = *in.project_id;
      task.title = Utf8Prefix(in.text, 100);
      task.planned_date = *in.due;
      task.responsible_person_id = in.owner_person_id;
      task.supervisor_person_id = m.chair_person_id;
      task.note = ref;
      KL_ASSIGN_OR_RETURN(Milestone created, battle_chart_.AddIn(tx, caller, task));
      d.milestone_id = created.id;
      break;
    }
    case DecisionKind::kNote:
      if (in.project_id) {
        KL_RETURN_IF_ERROR(
            LoadVisibleProject(*repos_.projects, tx, caller, *in.project_id, Today()).status());
      }
      break;
  }
  KL_ASSIGN_OR_RETURN(d.id, repos_.meetings->InsertDecision(tx, d));
  KL_RETURN_IF_ERROR(
      audit_.Record(tx, caller, "create", "meeting_decision", std::to_string(d.id), "", ToJson(d)));
  return d;
}

Result<MeetingDecision> MeetingService::AddDecision(const Caller& caller, int64_t meeting_id,
                                                    const DecisionInput& in) {
  if (!MayManageSupervision(caller.role))
    return SupervisionForbidden("记录议定事项", "record decisions");
  KL_RETURN_IF_ERROR(CheckText("text", in.text, 500, true));
  bool needs_project = in.kind != DecisionKind::kNote;
  if (needs_project && !in.project_id) {
    return Reject("project_id", "问题和任务须指明项目", "problems and tasks need a project_id");
  }
  if (in.kind == DecisionKind::kProblem && !in.owner_unit_id) {
    return Reject("owner_unit_id", "问题须指明责任单位", "a problem needs an owner_unit_id");
  }
  if (in.kind == DecisionKind::kProblem && in.due) {
    return Reject("due", "问题的期限按13710时限模板从会议日期计算，不能指定",
                  "a problem's deadlines follow its 13710 template from the meeting date");
  }
  if (in.kind == DecisionKind::kTask && !in.due) {
    return Reject("due", "任务须指明完成时限", "a task needs a due date");
  }
  if (in.due && !Date::Parse(*in.due).ok()) {
    return Reject("due", "完成时限格式应为YYYY-MM-DD", "due must be YYYY-MM-DD");
  }
  MeetingDecision out;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(DispatchMeeting m, LoadVisible(tx, caller, meeting_id));
    if (m.status == MeetingStatus::kPlanned) {
      return Status::Conflict("会议尚未召开，不能记录议定事项",
                              "decisions are recorded once the meeting is held");
    }
    if (m.status == MeetingStatus::kMinutesIssued) return Frozen();
    KL_ASSIGN_OR_RETURN(out, DecideIn(tx, caller, m, in));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::string> MeetingService::RenderIn(Tx& tx, const DispatchMeeting& m,
                                             const std::vector<AgendaItem>& agenda) {
  std::vector<int64_t> projects, units = m.attendee_unit_ids, people = m.attendee_person_ids;
  if (m.chair_person_id) people.push_back(*m.chair_person_id);
  for (const MeetingDecision& d : m.decisions) {
    if (d.project_id) projects.push_back(*d.project_id);
    if (d.owner_unit_id) units.push_back(*d.owner_unit_id);
    if (d.owner_person_id) people.push_back(*d.owner_person_id);
  }
  NameBook names;
  KL_RETURN_IF_ERROR(FillNames(tx, &names, projects, units, people));
  return RenderMinutes(m, agenda, names);
}

Result<std::string> MeetingService::Minutes(const Caller& caller, int64_t id) {
  std::string out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(DispatchMeeting m, LoadVisible(tx, caller, id));
    if (m.status == MeetingStatus::kMinutesIssued) {  // as issued, never re-rendered
      KL_RETURN_IF_ERROR(
          FrozenIn(tx, SnapshotKind::kMeetingMinutes, m, MinutesSnapshotPayload(m)).status());
      out = m.minutes;
      return Status::Ok();
    }
    std::vector<AgendaItem> agenda;
    if (m.agenda) {
      agenda = *m.agenda;
    } else {
      KL_ASSIGN_OR_RETURN(agenda, ProposeIn(tx, caller, m.held_on));
    }
    KL_ASSIGN_OR_RETURN(out, RenderIn(tx, m, agenda));
    out = "（草稿）\n" + out;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  // Need to know: a department or service officer reads the lines of its own
  // projects; the other units' are left out and counted (the stored text is not changed).
  if (caller.role != Role::kDepartment && caller.role != Role::kServiceOfficer) return out;
  st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(DispatchMeeting m, LoadVisible(tx, caller, id));
    if (!m.agenda) return Status::Ok();  // a planned meeting's draft: proposed in scope
    ProjectScope scope = ScopeFor(caller, Today());
    std::map<int64_t, bool> in_scope;
    std::set<int64_t> others;
    std::vector<bool> keep_agenda, keep_decisions;
    for (const AgendaItem& item : *m.agenda) {
      KL_ASSIGN_OR_RETURN(bool mine, Mine(tx, scope, item.project_id, &in_scope));
      keep_agenda.push_back(mine);
      if (!mine && item.project_id > 0) others.insert(item.project_id);
    }
    for (const MeetingDecision& d : m.decisions) {
      bool mine = true;
      if (d.project_id) {
        KL_ASSIGN_OR_RETURN(mine, Mine(tx, scope, *d.project_id, &in_scope));
        if (!mine) others.insert(*d.project_id);
      }
      keep_decisions.push_back(mine);
    }
    out = RedactMinutes(out, keep_agenda, keep_decisions, static_cast<int64_t>(others.size()));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace keyline
