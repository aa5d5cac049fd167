// Contract tests of the supervision repositories (procedures, battle chart, problems, orders,
// deadline templates, meetings) on SQLite and, under scripts/with-pg.sh, PostgreSQL.
#include <gtest/gtest.h>

#include "core/ports/supervision_repositories.h"
#include "storage/repos/store_test_base.h"

namespace keyline {
namespace {

using storage_test::Db;
using storage_test::StoreTest;

class SupervisionRepositoriesTest : public StoreTest {
 protected:
  void SetUp() override {
    OpenStore();
    if (!store_) return;
    // Two departments and a company; project 1 belongs to dept_a, project 2 to dept_b.
    ASSERT_OK_S(Write([&](Tx& tx) -> Status {
      for (auto [name, kind, out] : {std::tuple{"甲局", UnitKind::kDepartment, &dept_a_},
                                     std::tuple{"乙局", UnitKind::kDepartment, &dept_b_},
                                     std::tuple{"丙公司", UnitKind::kCompany, &company_}}) {
        Unit u;
        u.name = name;
        u.kind = kind;
        KL_ASSIGN_OR_RETURN(*out, r().units->Insert(tx, u));
      }
      for (auto [name, unit, out] : {std::tuple{"一号项目", dept_a_, &project_a_},
                                     std::tuple{"二号项目", dept_b_, &project_b_}}) {
        Project p;
        p.name = name;
        p.version = 1;
        p.responsible_unit_id = unit;
        p.owner_unit_id = company_;
        KL_ASSIGN_OR_RETURN(*out, r().projects->Insert(tx, p));
      }
      return Status::Ok();
    }));
  }

  static ProjectScope Scope(ProjectScope::Kind kind, int64_t id = 0) {
    ProjectScope s;
    s.kind = kind;
    s.id = id;
    s.today = "2026-10-20";
    return s;
  }

  Problem NewProblem(int64_t project, std::vector<int64_t> units, const char* settle) {
    Problem p;
    p.project_id = project;
    p.title = "用地问题";
    p.category = ProblemCategory::kLand;
    p.unit_ids = std::move(units);
    p.template_code = "13710";
    p.raised_on = "2026-09-30";
    p.deploy_due = "2026-10-08";
    p.feedback_due = "2026-10-10";
    p.settle_due = settle;
    p.raised_by = 1;
    p.raised_by_unit = dept_a_;
    p.created_at = p.updated_at = 1000;
    return p;
  }

  int64_t dept_a_ = 0, dept_b_ = 0, company_ = 0, project_a_ = 0, project_b_ = 0;
};

TEST_P(SupervisionRepositoriesTest, ProblemsUnitsScopeFiltersAndCandidates) {
  int64_t p1 = 0, p2 = 0;
  ASSERT_OK_S(Write([&](Tx& tx) -> Status {
    Problem a = NewProblem(project_a_, {dept_a_, dept_b_}, "2026-10-15");
    a.source_ref = "report:7";
    a.rating = 4;
    KL_ASSIGN_OR_RETURN(p1, r().problems->Insert(tx, a));
    KL_ASSIGN_OR_RETURN(p2,
                        r().problems->Insert(tx, NewProblem(project_b_, {dept_b_}, "2026-11-30")));
    return Status::Ok();
  }));
  ASSERT_OK_S(Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Problem got, r().problems->Get(tx, p1));
    EXPECT_EQ(got.unit_ids, (std::vector<int64_t>{dept_a_, dept_b_}));
    EXPECT_EQ(got.source_ref, "report:7");
    EXPECT_EQ(got.rating, 4);
    EXPECT_EQ(got.version, 1);
    EXPECT_EQ(r().problems->Get(tx, 999).status().code(), ErrorCode::kNotFound);
    // dept_b sees both (p1 is assigned to it); dept_a only its own project's; the company both.
    ProblemQuery all;
    KL_ASSIGN_OR_RETURN(auto b,
                        r().problems->List(tx, all, Scope(ProjectScope::Kind::kUnit, dept_b_)));
    EXPECT_EQ(b.total, 2);
    EXPECT_EQ(b.items.at(0).id, p2) << "newest first";
    KL_ASSIGN_OR_RETURN(auto a,
                        r().problems->List(tx, all, Scope(ProjectScope::Kind::kUnit, dept_a_)));
    EXPECT_EQ(a.total, 1);
    KL_ASSIGN_OR_RETURN(bool in,
                        r().problems->InScope(tx, p2, Scope(ProjectScope::Kind::kUnit, dept_a_)));
    EXPECT_FALSE(in);
    KL_ASSIGN_OR_RETURN(in,
                        r().problems->InScope(tx, p2, Scope(ProjectScope::Kind::kOwner, company_)));
    EXPECT_TRUE(in);
    ProblemQuery q;
    q.unit_id = dept_a_;
    KL_ASSIGN_OR_RETURN(auto by_unit,
                        r().problems->ListAll(tx, q, Scope(ProjectScope::Kind::kAll)));
    EXPECT_EQ(by_unit.size(), 1u);
    ProblemQuery overdue;
    overdue.overdue_on = "2026-10-20";
    KL_ASSIGN_OR_RETURN(auto late,
                        r().problems->ListAll(tx, overdue, Scope(ProjectScope::Kind::kAll)));
    EXPECT_EQ(late.size(), 1u);
    if (late.size() == 1) EXPECT_EQ(late[0].id, p1);
    KL_ASSIGN_OR_RETURN(auto ids, r().problems->ListEscalationCandidates(tx, "2026-10-20"));
    EXPECT_EQ(ids, std::vector<int64_t>{p1});
    return Status::Ok();
  }));
  // Update replaces units, moves the deadline with a plan, and checks the version.
  ASSERT_OK_S(Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Problem p, r().problems->Get(tx, p1));
    p.unit_ids = {dept_a_};
    p.status = ProblemStatus::kPlanned;
    p.plan_date = "2026-12-31";
    p.level = EscalationLevel::kDeputyLeader;
    KL_RETURN_IF_ERROR(r().problems->Update(tx, p, 1));
    EXPECT_EQ(r().problems->Update(tx, p, 1).code(), ErrorCode::kConflict);
    KL_ASSIGN_OR_RETURN(Problem got, r().problems->Get(tx, p1));
    EXPECT_EQ(got.unit_ids, std::vector<int64_t>{dept_a_});
    EXPECT_EQ(got.level, EscalationLevel::kDeputyLeader);
    KL_ASSIGN_OR_RETURN(auto ids, r().problems->ListEscalationCandidates(tx, "2026-10-20"));
    EXPECT_TRUE(ids.empty()) << "the plan date is the deadline now";
    ProblemQuery q;
    q.statuses = {ProblemStatus::kPlanned};
    q.min_level = EscalationLevel::kDeputyLeader;
    KL_ASSIGN_OR_RETURN(auto planned, r().problems->List(tx, q, Scope(ProjectScope::Kind::kAll)));
    EXPECT_EQ(planned.total, 1);
    return Status::Ok();
  }));
}

TEST_P(SupervisionRepositoriesTest, EventsOrdersAndDeadlineTemplates) {
  int64_t pid = 0, oid = 0;
  ASSERT_OK_S(Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(pid,
                        r().problems->Insert(tx, NewProblem(project_a_, {dept_b_}, "2026-10-15")));
    ProblemEvent e;
    e.problem_id = pid;
    e.kind = "raised";
    e.at = 5;
    e.username = "fgw";
    KL_RETURN_IF_ERROR(r().problems->InsertEvent(tx, e).status());
    e.kind = "escalated";
    KL_RETURN_IF_ERROR(r().problems->InsertEvent(tx, e).status());
    SupervisionOrder o;
    o.problem_id = pid;
    o.project_id = project_a_;
    o.unit_id = dept_b_;
    o.issued_at = 6;
    o.issued_on = "2026-10-16";
    o.answer_due = "2026-10-21";
    KL_ASSIGN_OR_RETURN(oid, r().problems->InsertOrder(tx, o));
    return Status::Ok();
  }));
  // A failed statement ends a PostgreSQL transaction: each violation gets its own.
  Status dup = Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(SupervisionOrder o, r().problems->GetOrder(tx, oid));
    return r().problems->InsertOrder(tx, o).status();
  });
  EXPECT_EQ(dup.code(), ErrorCode::kConflict) << "one order per problem, unit and level";
  ASSERT_OK_S(Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(auto events, r().problems->ListEvents(tx, pid));
    EXPECT_EQ(events.size(), 2u);
    EXPECT_EQ(events.at(1).kind, "escalated");
    KL_ASSIGN_OR_RETURN(SupervisionOrder o, r().problems->GetOrder(tx, oid));
    EXPECT_EQ(o.level, EscalationLevel::kDeputyLeader);
    OrderQuery open;
    open.answered = false;
    KL_ASSIGN_OR_RETURN(
        auto page, r().problems->ListOrders(tx, open, Scope(ProjectScope::Kind::kUnit, dept_b_)));
    EXPECT_EQ(page.total, 1) << "issued to dept_b although the project is dept_a's";
    KL_ASSIGN_OR_RETURN(
        page, r().problems->ListOrders(tx, open, Scope(ProjectScope::Kind::kOwner, company_)));
    EXPECT_EQ(page.total, 1);
    o.answered_at = 7;
    o.answer = "整改方案";
    o.rectify_by = "2026-10-30";
    KL_RETURN_IF_ERROR(r().problems->UpdateOrder(tx, o, 1));
    EXPECT_EQ(r().problems->UpdateOrder(tx, o, 1).code(), ErrorCode::kConflict);
    KL_ASSIGN_OR_RETURN(page, r().problems->ListOrders(tx, open, Scope(ProjectScope::Kind::kAll)));
    EXPECT_EQ(page.total, 0);
    // The 13710 template is inserted at start-up by the service, not the migration.
    EXPECT_EQ(r().problems->GetTemplate(tx, "13710").status().code(), ErrorCode::kNotFound);
    DeadlineTemplate t;
    t.code = "13710";
    t.name = "13710工作机制";
    KL_RETURN_IF_ERROR(r().problems->InsertTemplate(tx, t));
    t.major_days = 10;
    KL_RETURN_IF_ERROR(r().problems->UpdateTemplate(tx, t, 1));
    EXPECT_EQ(r().problems->UpdateTemplate(tx, t, 1).code(), ErrorCode::kConflict);
    KL_ASSIGN_OR_RETURN(auto all, r().problems->ListTemplates(tx));
    EXPECT_EQ(all.size(), 1u);
    EXPECT_EQ(all.at(0).major_days, 10);
    EXPECT_EQ(all.at(0).version, 2);
    return Status::Ok();
  }));
  Status dup_template = Write([&](Tx& tx) -> Status {
    DeadlineTemplate t;
    t.code = "13710";
    t.name = "again";
    return r().problems->InsertTemplate(tx, t);
  });
  EXPECT_EQ(dup_template.code(), ErrorCode::kConflict);
}

TEST_P(SupervisionRepositoriesTest, ProcedureTemplatesProceduresAndOverdue) {
  ASSERT_OK_S(Write([&](Tx& tx) -> Status {
    ProcedureTemplate t;
    t.name = "备案制";
    t.category = ProjectCategory::kIndustrial;
    t.items = {{"filing", "备案", "发改委", 1, false, false, false},
               {"eia", "环评", "生态环境局", 7, true, true, true}};
    KL_ASSIGN_OR_RETURN(int64_t tid, r().procedures->InsertTemplate(tx, t));
    KL_ASSIGN_OR_RETURN(ProcedureTemplate got, r().procedures->GetTemplate(tx, tid));
    EXPECT_EQ(got.items.size(), 2u);
    EXPECT_TRUE(got.items[1].parallel && got.items[1].commitment);
    EXPECT_EQ(got.category, ProjectCategory::kIndustrial);
    got.items.pop_back();
    got.category.reset();
    KL_RETURN_IF_ERROR(r().procedures->UpdateTemplate(tx, got, 1));
    EXPECT_EQ(r().procedures->UpdateTemplate(tx, got, 1).code(), ErrorCode::kConflict);
    KL_ASSIGN_OR_RETURN(auto all, r().procedures->ListTemplates(tx));
    EXPECT_EQ(all.at(0).items.size(), 1u);
    EXPECT_FALSE(all.at(0).category.has_value());

    for (auto [project, authority, due] : {std::tuple{project_a_, "发改委", "2026-10-01"},
                                           std::tuple{project_b_, "发改委", "2026-10-02"},
                                           std::tuple{project_b_, "住建局", "2026-12-01"}}) {
      ProjectProcedure p;
      p.project_id = project;
      p.template_id = tid;
      p.code = "x";
      p.name = "手续";
      p.authority = authority;
      p.planned_due = due;
      KL_RETURN_IF_ERROR(r().procedures->Insert(tx, p).status());
    }
    KL_ASSIGN_OR_RETURN(
        auto overdue, r().procedures->ListOverdue(tx, "2026-10-20", Scope(ProjectScope::Kind::kAll),
                                                  std::nullopt));
    EXPECT_EQ(overdue.size(), 2u);
    KL_ASSIGN_OR_RETURN(overdue, r().procedures->ListOverdue(
                                     tx, "2026-10-20", Scope(ProjectScope::Kind::kUnit, dept_a_),
                                     std::string("发改委")));
    if (overdue.size() != 1) return Status::Internal("expected one overdue procedure");
    ProjectProcedure first = overdue[0];
    first.status = ProcedureStatus::kDone;
    first.actual_done = "2026-10-19";
    first.doc_number = "雁发改备〔2026〕1号";
    KL_RETURN_IF_ERROR(r().procedures->Update(tx, first, 1));
    EXPECT_EQ(r().procedures->Update(tx, first, 1).code(), ErrorCode::kConflict);
    KL_ASSIGN_OR_RETURN(auto list, r().procedures->ListForProject(tx, project_a_));
    EXPECT_EQ(list.at(0).doc_number, "雁发改备〔2026〕1号");
    KL_ASSIGN_OR_RETURN(
        overdue, r().procedures->ListOverdue(tx, "2026-10-20", Scope(ProjectScope::Kind::kAll),
                                             std::nullopt));
    EXPECT_EQ(overdue.size(), 1u);
    KL_RETURN_IF_ERROR(r().procedures->Delete(tx, first.id));
    EXPECT_EQ(r().procedures->Delete(tx, first.id).code(), ErrorCode::kNotFound);
    EXPECT_EQ(r().procedures->Get(tx, first.id).status().code(), ErrorCode::kNotFound);
    return Status::Ok();
  }));
}

TEST_P(SupervisionRepositoriesTest, MilestonesAndMeetings) {
  ASSERT_OK_S(Write([&](Tx& tx) -> Status {
    Milestone m;
    m.project_id = project_a_;
    m.title = "开工";
    m.planned_date = "2026-11-30";
    KL_ASSIGN_OR_RETURN(int64_t late, r().milestones->Insert(tx, m));
    m.planned_date = "2026-10-30";
    KL_ASSIGN_OR_RETURN(int64_t early, r().milestones->Insert(tx, m));
    KL_ASSIGN_OR_RETURN(auto list, r().milestones->ListForProject(tx, project_a_));
    EXPECT_EQ(list.at(0).id, early) << "by planned date";
    Milestone got = list.at(1);
    EXPECT_EQ(got.id, late);
    got.done_on = "2026-11-01";
    KL_RETURN_IF_ERROR(r().milestones->Update(tx, got, 1));
    EXPECT_EQ(r().milestones->Update(tx, got, 1).code(), ErrorCode::kConflict);
    KL_ASSIGN_OR_RETURN(got, r().milestones->Get(tx, late));
    EXPECT_EQ(got.done_on, "2026-11-01");
    KL_RETURN_IF_ERROR(r().milestones->Delete(tx, late));
    EXPECT_EQ(r().milestones->Get(tx, late).status().code(), ErrorCode::kNotFound);

    DispatchMeeting meeting;
    meeting.title = "十月重点项目调度会";
    meeting.held_on = "2026-10-20";
    meeting.attendee_unit_ids = {dept_a_};
    AgendaItem item;
    item.source_id = 7;
    item.project_id = project_b_;
    item.title = "征迁\"滞后\"";
    item.units = "教育局、住建局";
    item.leader_person_id = 3;
    item.due = "2026-10-15";
    item.days_overdue = 5;
    meeting.agenda = std::vector<AgendaItem>{item};
    KL_ASSIGN_OR_RETURN(int64_t mid, r().meetings->Insert(tx, meeting));
    MeetingDecision d;
    d.meeting_id = mid;
    d.project_id = project_b_;
    d.kind = DecisionKind::kTask;
    d.text = "11月底前开工";
    d.milestone_id = early;
    d.due = "2026-11-30";
    KL_RETURN_IF_ERROR(r().meetings->InsertDecision(tx, d).status());
    d.kind = DecisionKind::kNote;
    d.project_id.reset();
    d.milestone_id.reset();
    d.due.reset();
    KL_RETURN_IF_ERROR(r().meetings->InsertDecision(tx, d).status());
    KL_ASSIGN_OR_RETURN(DispatchMeeting stored, r().meetings->Get(tx, mid));
    EXPECT_EQ(stored.attendee_unit_ids, meeting.attendee_unit_ids);
    EXPECT_EQ(stored.status, MeetingStatus::kPlanned);
    if (!stored.agenda || stored.agenda->size() != 1) return Status::Internal("agenda not kept");
    EXPECT_EQ(stored.agenda->at(0).title, item.title);
    EXPECT_EQ(stored.agenda->at(0).leader_person_id, 3);
    EXPECT_EQ(stored.agenda->at(0).days_overdue, 5);
    if (stored.decisions.size() != 2) return Status::Internal("decisions not kept");
    EXPECT_EQ(stored.decisions[0].kind, DecisionKind::kTask);
    EXPECT_EQ(stored.decisions[1].due, std::nullopt);
    stored.minutes = "会议纪要";
    stored.status = MeetingStatus::kMinutesIssued;
    stored.attendee_unit_ids = {dept_b_};
    KL_RETURN_IF_ERROR(r().meetings->Update(tx, stored, 1));
    EXPECT_EQ(r().meetings->Update(tx, stored, 1).code(), ErrorCode::kConflict);
    MeetingQuery query;
    KL_ASSIGN_OR_RETURN(auto meetings, r().meetings->List(tx, query, MeetingScope{}));
    EXPECT_EQ(meetings.total, 1);
    EXPECT_EQ(meetings.items.at(0).minutes, "会议纪要");
    EXPECT_EQ(meetings.items.at(0).attendee_unit_ids, std::vector<int64_t>{dept_b_});
    // dept_b attends now; dept_a no longer attends and relates to no decision's project
    // unless project_b is its own.
    MeetingScope b_scope{false, dept_b_, std::nullopt};
    KL_ASSIGN_OR_RETURN(bool b_sees, r().meetings->InScope(tx, mid, b_scope));
    EXPECT_TRUE(b_sees);
    MeetingScope nobody{false, std::nullopt, std::nullopt};
    KL_ASSIGN_OR_RETURN(bool nobody_sees, r().meetings->InScope(tx, mid, nobody));
    EXPECT_FALSE(nobody_sees);
    query.status = MeetingStatus::kPlanned;
    KL_ASSIGN_OR_RETURN(meetings, r().meetings->List(tx, query, MeetingScope{}));
    EXPECT_EQ(meetings.total, 0);
    return Status::Ok();
  }));
}

KL_INSTANTIATE_STORE_BACKENDS(SupervisionRepositoriesTest);

}  // namespace
}  // namespace keyline
