#include "core/model/supervision_json.h"

#include "core/supervision/deadlines.h"
#include "core/supervision/schedule.h"

namespace keyline {
namespace {

void OptIntField(JsonWriter& w, const char* key, const std::optional<int64_t>& v) {
  w.Key(key).OptInt(v);
}

}  // namespace

void WriteJson(JsonWriter& w, const ProcedureTemplate& t) {
  w.BeginObject();
  w.Key("id").Int(t.id);
  w.Key("name").String(t.name);
  w.Key("regime").String(EnumCode(ApprovalRegimeTable(), t.regime));
  if (t.category) {
    w.Key("category").String(EnumCode(ProjectCategoryTable(), *t.category));
  } else {
    w.Key("category").Null();
  }
  w.Key("builtin").Bool(t.builtin);
  w.Key("items").BeginArray();
  for (const auto& i : t.items) {
    w.BeginObject();
    w.Key("code").String(i.code);
    w.Key("name").String(i.name);
    w.Key("authority").String(i.authority);
    w.Key("limit_days").Int(i.limit_days);
    w.Key("parallel").Bool(i.parallel);
    w.Key("tolerance").Bool(i.tolerance);
    w.Key("commitment").Bool(i.commitment);
    w.EndObject();
  }
  w.EndArray();
  w.Key("version").Int(t.version);
  w.Key("created_at").Int(t.created_at);
  w.Key("updated_at").Int(t.updated_at);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const DeadlineTemplate& t) {
  w.BeginObject();
  w.Key("code").String(t.code);
  w.Key("name").String(t.name);
  w.Key("deploy_days").Int(t.deploy_days);
  w.Key("feedback_days").Int(t.feedback_days);
  w.Key("settle_days").Int(t.settle_days);
  w.Key("major_days").Int(t.major_days);
  w.Key("major_months").Int(t.major_months);
  w.Key("escalate_days").Int(t.escalate_days);
  w.Key("answer_days").Int(t.answer_days);
  w.Key("version").Int(t.version);
  w.Key("updated_at").Int(t.updated_at);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const ProblemEvent& e) {
  w.BeginObject();
  w.Key("id").Int(e.id);
  w.Key("problem_id").Int(e.problem_id);
  w.Key("kind").String(e.kind);
  w.Key("at").Int(e.at);
  w.Key("user_id").Int(e.user_id);
  w.Key("username").String(e.username);
  w.Key("user_name").String(e.user_name.empty() ? e.username : e.user_name);
  w.Key("text").String(e.text);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const SupervisionOrder& o) { WriteOrderJson(w, o, nullptr); }

void WriteOrderJson(JsonWriter& w, const SupervisionOrder& o, const std::string* today) {
  w.BeginObject();
  w.Key("id").Int(o.id);
  w.Key("problem_id").Int(o.problem_id);
  w.Key("project_id").Int(o.project_id);
  w.Key("unit_id").Int(o.unit_id);
  w.Key("level").String(EnumCode(EscalationLevelTable(), o.level));
  w.Key("issued_at").Int(o.issued_at);
  w.Key("issued_on").String(o.issued_on);
  w.Key("answer_due").String(o.answer_due);
  OptIntField(w, "answered_at", o.answered_at);
  OptIntField(w, "answered_by", o.answered_by);
  w.Key("answer").String(o.answer);
  w.Key("rectify_by").OptString(o.rectify_by);
  w.Key("version").Int(o.version);
  if (today) w.Key("overdue").Bool(!o.answered_at && *today > o.answer_due);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const MeetingDecision& d) {
  w.BeginObject();
  w.Key("id").Int(d.id);
  w.Key("meeting_id").Int(d.meeting_id);
  w.Key("kind").String(EnumCode(DecisionKindTable(), d.kind));
  w.Key("text").String(d.text);
  OptIntField(w, "project_id", d.project_id);
  OptIntField(w, "owner_unit_id", d.owner_unit_id);
  OptIntField(w, "owner_person_id", d.owner_person_id);
  w.Key("due").OptString(d.due);
  OptIntField(w, "problem_id", d.problem_id);
  OptIntField(w, "milestone_id", d.milestone_id);
  w.Key("created_by").Int(d.created_by);
  w.Key("created_at").Int(d.created_at);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const DispatchMeeting& m) {
  w.BeginObject();
  w.Key("id").Int(m.id);
  w.Key("title").String(m.title);
  w.Key("held_on").String(m.held_on);
  w.Key("location").String(m.location);
  OptIntField(w, "chair_person_id", m.chair_person_id);
  w.Key("attendee_person_ids").BeginArray();
  for (int64_t id : m.attendee_person_ids) w.Int(id);
  w.EndArray();
  w.Key("attendee_unit_ids").BeginArray();
  for (int64_t id : m.attendee_unit_ids) w.Int(id);
  w.EndArray();
  w.Key("status").String(EnumCode(MeetingStatusTable(), m.status));
  w.Key("notes").String(m.notes);
  w.Key("agenda");
  if (m.agenda) {
    WriteAgendaJson(w, *m.agenda);
  } else {
    w.Null();
  }
  w.Key("minutes_issued").Bool(!m.minutes.empty());
  w.Key("created_by").Int(m.created_by);
  w.Key("version").Int(m.version);
  w.Key("created_at").Int(m.created_at);
  w.Key("updated_at").Int(m.updated_at);
  w.Key("decisions").BeginArray();
  for (const auto& d : m.decisions) WriteJson(w, d);
  w.EndArray();
  w.EndObject();
}

void WriteJson(JsonWriter& w, const AgendaItem& item) {
  w.BeginObject();
  w.Key("kind").String(EnumCode(AgendaKindTable(), item.kind));
  w.Key("source").String(AgendaSource(item.kind));
  w.Key("source_id").Int(item.source_id);
  w.Key("project_id").Int(item.project_id);
  w.Key("project_name").String(item.project_name);
  w.Key("title").String(item.title);
  w.Key("units").String(item.units);
  OptIntField(w, "leader_person_id", item.leader_person_id);
  w.Key("leader").String(item.leader);
  w.Key("authority").String(item.authority);
  w.Key("due").String(item.due);
  w.Key("days_overdue").Int(item.days_overdue);
  w.EndObject();
}

void WriteAgendaJson(JsonWriter& w, const std::vector<AgendaItem>& items) {
  w.BeginArray();
  for (const AgendaItem& item : items) WriteJson(w, item);
  w.EndArray();
}

void WriteProcedureJson(JsonWriter& w, const ProjectProcedure& p, const std::string* today) {
  w.BeginObject();
  w.Key("id").Int(p.id);
  w.Key("project_id").Int(p.project_id);
  OptIntField(w, "template_id", p.template_id);
  w.Key("seq").Int(p.seq);
  w.Key("code").String(p.code);
  w.Key("name").String(p.name);
  w.Key("authority").String(p.authority);
  w.Key("limit_days").Int(p.limit_days);
  w.Key("parallel").Bool(p.parallel);
  w.Key("tolerance").Bool(p.tolerance);
  w.Key("commitment").Bool(p.commitment);
  w.Key("status").String(EnumCode(ProcedureStatusTable(), p.status));
  w.Key("planned_start").OptString(p.planned_start);
  w.Key("planned_due").OptString(p.planned_due);
  w.Key("actual_start").OptString(p.actual_start);
  w.Key("actual_done").OptString(p.actual_done);
  w.Key("doc_number").String(p.doc_number);
  w.Key("note").String(p.note);
  w.Key("version").Int(p.version);
  w.Key("created_at").Int(p.created_at);
  w.Key("updated_at").Int(p.updated_at);
  if (today) w.Key("overdue").Bool(IsProcedureOverdue(p, *today));
  w.EndObject();
}

void WriteMilestoneJson(JsonWriter& w, const Milestone& m, const std::string* today) {
  w.BeginObject();
  w.Key("id").Int(m.id);
  w.Key("project_id").Int(m.project_id);
  w.Key("title").String(m.title);
  w.Key("planned_date").String(m.planned_date);
  w.Key("period").String(m.planned_date.substr(0, 4) + m.planned_date.substr(5, 2));
  OptIntField(w, "responsible_person_id", m.responsible_person_id);
  OptIntField(w, "supervisor_person_id", m.supervisor_person_id);
  w.Key("done_on").OptString(m.done_on);
  w.Key("note").String(m.note);
  w.Key("version").Int(m.version);
  w.Key("created_at").Int(m.created_at);
  w.Key("updated_at").Int(m.updated_at);
  if (today) w.Key("state").String(EnumCode(MilestoneStateTable(), MilestoneStateOf(m, *today)));
  w.EndObject();
}

void WriteProblemJson(JsonWriter& w, const Problem& p, const std::string* today,
                      const ProblemCan* can) {
  w.BeginObject();
  w.Key("id").Int(p.id);
  w.Key("project_id").Int(p.project_id);
  w.Key("title").String(p.title);
  w.Key("description").String(p.description);
  w.Key("category").String(EnumCode(ProblemCategoryTable(), p.category));
  w.Key("severity").String(EnumCode(ProblemSeverityTable(), p.severity));
  w.Key("source").String(EnumCode(ProblemSourceTable(), p.source));
  w.Key("source_ref").OptString(p.source_ref);
  w.Key("unit_ids").BeginArray();
  for (int64_t id : p.unit_ids) w.Int(id);
  w.EndArray();
  OptIntField(w, "leader_person_id", p.leader_person_id);
  w.Key("template_code").String(p.template_code);
  w.Key("raised_on").String(p.raised_on);
  w.Key("deploy_due").String(p.deploy_due);
  w.Key("feedback_due").String(p.feedback_due);
  w.Key("settle_due").String(p.settle_due);
  w.Key("status").String(EnumCode(ProblemStatusTable(), p.status));
  w.Key("level").String(EnumCode(EscalationLevelTable(), p.level));
  OptIntField(w, "deployed_at", p.deployed_at);
  OptIntField(w, "feedback_at", p.feedback_at);
  OptIntField(w, "solved_at", p.solved_at);
  w.Key("plan_date").OptString(p.plan_date);
  w.Key("plan_text").String(p.plan_text);
  w.Key("progress").String(p.progress);
  OptIntField(w, "closed_at", p.closed_at);
  OptIntField(w, "closed_by", p.closed_by);
  w.Key("evaluation").String(p.evaluation);
  if (p.rating) {
    w.Key("rating").Int(*p.rating);
  } else {
    w.Key("rating").Null();
  }
  w.Key("raised_by").Int(p.raised_by);
  w.Key("raised_by_unit").Int(p.raised_by_unit);
  w.Key("version").Int(p.version);
  w.Key("created_at").Int(p.created_at);
  w.Key("updated_at").Int(p.updated_at);
  if (today) {
    w.Key("deadline").String(EffectiveDeadline(p));
    w.Key("overdue").Bool(IsProblemOverdue(p, *today));
  }
  if (can) {
    w.Key("can").BeginObject().Key("work").Bool(can->work).Key("confirm").Bool(can->confirm);
    w.EndObject();
  }
  w.EndObject();
}

}  // namespace keyline
