// MeetingService beside the service (no HTTP): the agenda a dispatch meeting freezes when it is
// marked held, and what each caller reads of it — the office and leaders every item, a
// department the items of its own projects with the others counted (need to know), a company
// nothing — plus the decisions a department sees and the office-only writes.
//
// Two problems are raised on 2026-09-30 (settle due 10-15), one on each unit's project; the
// meeting is held on 2026-10-20, when both are overdue.
#include "core/service/meeting_service.h"

#include <gtest/gtest.h>

#include "core/ports/red_projects.h"
#include "core/service/battle_chart_service.h"
#include "core/service/problem_service.h"
#include "core/service/service_test_base.h"
#include "core/service/snapshot_service.h"

namespace keyline {
namespace {

using service_test::ServiceTest;

class MeetingServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (!store_) return;
    problems_ = std::make_unique<ProblemService>(r(), *audit_, clock_, calendar_);
    battle_chart_ = std::make_unique<BattleChartService>(r(), *audit_, clock_, calendar_);
    snapshots_ = std::make_unique<SnapshotService>(*r().tx, store_->snapshots(), *r().audit,
                                                   *audit_, clock_);
    service_ =
        std::make_unique<MeetingService>(r(), *audit_, clock_, *problems_, *battle_chart_, red_);
    service_->SetSnapshots(*snapshots_);
    ASSERT_OK_S(problems_->EnsureBuiltinTemplates());
    for (auto [project, unit, out] : {std::tuple{project_a_, dept_a_, &problem_a_},
                                      std::tuple{project_b_, dept_b_, &problem_b_}}) {
      Problem p;
      p.project_id = project;
      p.title = "施工许可未办理";
      p.unit_ids = {unit};
      auto raised = problems_->Raise(Office(), p);
      ASSERT_TRUE(raised.ok()) << raised.status().ToString();
      *out = raised->id;
    }
    SetToday("2026-10-20");
  }

  // A planned meeting on `date` attended by `units`.
  DispatchMeeting Plan(const std::string& date, std::vector<int64_t> units) {
    DispatchMeeting draft;
    draft.title = "十月项目调度会";
    draft.held_on = date;
    draft.chair_person_id = leader_person_;
    draft.attendee_unit_ids = std::move(units);
    auto created = service_->Create(Office(), draft);
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? *created : DispatchMeeting{};
  }

  Result<DispatchMeeting> MarkHeld(const DispatchMeeting& m) {
    return service_->Update(Office(), m.id, m.version, [](DispatchMeeting& x) {
      x.status = MeetingStatus::kHeld;
      return Status::Ok();
    });
  }

  static std::vector<int64_t> Projects(const std::vector<AgendaItem>& items) {
    std::vector<int64_t> out;
    for (const AgendaItem& i : items) out.push_back(i.project_id);
    return out;
  }

  NoRedProjects red_;
  std::unique_ptr<ProblemService> problems_;
  std::unique_ptr<BattleChartService> battle_chart_;
  std::unique_ptr<SnapshotService> snapshots_;
  std::unique_ptr<MeetingService> service_;
  int64_t problem_a_ = 0, problem_b_ = 0;
};

TEST_P(MeetingServiceTest, HeldAgendaIsFrozenAndRedactedForADepartment) {
  if (!store_) return;
  DispatchMeeting planned = Plan("2026-10-20", {dept_a_, dept_b_});
  KL_ASSERT_OK_AND_ASSIGN(DispatchMeeting held, MarkHeld(planned));
  ASSERT_TRUE(held.agenda.has_value());
  EXPECT_EQ(held.agenda->size(), 2u);

  // The office and leaders read every item, from the frozen agenda and its snapshot.
  KL_ASSERT_OK_AND_ASSIGN(MeetingAgenda office, service_->Agenda(Office(), held.id));
  EXPECT_TRUE(office.recorded);
  ASSERT_TRUE(office.snapshot.has_value());
  EXPECT_EQ(office.snapshot->subject, MeetingSnapshotSubject(held.id));
  EXPECT_EQ(office.items.size(), 2u);
  EXPECT_EQ(office.other_projects, 0);
  KL_ASSERT_OK_AND_ASSIGN(MeetingAgenda leader, service_->Agenda(Leader(), held.id));
  EXPECT_EQ(leader.items.size(), 2u);

  // A department reads its own project's item in full; the other unit's is only counted.
  KL_ASSERT_OK_AND_ASSIGN(MeetingAgenda dept_a, service_->Agenda(DeptA(), held.id));
  EXPECT_TRUE(dept_a.recorded);
  EXPECT_EQ(Projects(dept_a.items), std::vector<int64_t>{project_a_});
  EXPECT_EQ(dept_a.items[0].source_id, problem_a_);
  EXPECT_EQ(dept_a.other_projects, 1);
  EXPECT_EQ(dept_a.other_items, 1);
  KL_ASSERT_OK_AND_ASSIGN(MeetingAgenda dept_b, service_->Agenda(DeptB(), held.id));
  EXPECT_EQ(Projects(dept_b.items), std::vector<int64_t>{project_b_});
  // The meeting record is redacted the same way.
  KL_ASSERT_OK_AND_ASSIGN(DispatchMeeting seen_by_a, service_->Get(DeptA(), held.id));
  ASSERT_TRUE(seen_by_a.agenda.has_value());
  EXPECT_EQ(Projects(*seen_by_a.agenda), std::vector<int64_t>{project_a_});

  // Solving a problem afterwards does not change the frozen agenda.
  ProblemActionInput solve;
  solve.action = ProblemAction::kSolve;
  solve.text = "已办结";
  ASSERT_TRUE(problems_->Act(DeptA(), problem_a_, solve).ok());
  KL_ASSERT_OK_AND_ASSIGN(MeetingAgenda later, service_->Agenda(Office(), held.id));
  EXPECT_EQ(later.items.size(), 2u);
  // ...while the agenda proposed for a planned meeting is computed afresh.
  DispatchMeeting next = Plan("2026-10-20", {dept_a_});
  KL_ASSERT_OK_AND_ASSIGN(MeetingAgenda proposed, service_->Agenda(Office(), next.id));
  EXPECT_FALSE(proposed.recorded);
  EXPECT_EQ(Projects(proposed.items), std::vector<int64_t>{project_b_});
}

TEST_P(MeetingServiceTest, CompaniesAndUnitsNotConcernedDoNotSeeTheMeeting) {
  if (!store_) return;
  DispatchMeeting m = Plan("2026-10-20", {dept_b_});
  ASSERT_TRUE(MarkHeld(m).ok());
  EXPECT_EQ(service_->Get(ReporterB(), m.id).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(service_->Agenda(ReporterB(), m.id).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(service_->Get(DeptA(), m.id).status().code(), ErrorCode::kNotFound);
  EXPECT_TRUE(service_->Get(DeptB(), m.id).ok());
  KL_ASSERT_OK_AND_ASSIGN(PageOf<DispatchMeeting> listed, service_->List(DeptA(), {}));
  EXPECT_EQ(listed.total, 0);
}

TEST_P(MeetingServiceTest, DecisionsOnAnotherUnitsProjectAreLeftOutForADepartment) {
  if (!store_) return;
  DispatchMeeting m = Plan("2026-10-20", {dept_a_, dept_b_});
  // Decisions are recorded while the meeting is held.
  DecisionInput on_b;
  on_b.kind = DecisionKind::kProblem;
  on_b.text = "乙局牵头协调施工许可";
  on_b.project_id = project_b_;
  on_b.owner_unit_id = dept_b_;
  EXPECT_EQ(service_->AddDecision(Office(), m.id, on_b).status().code(), ErrorCode::kConflict);
  KL_ASSERT_OK_AND_ASSIGN(DispatchMeeting held, MarkHeld(m));
  EXPECT_EQ(service_->AddDecision(DeptB(), held.id, on_b).status().code(), ErrorCode::kForbidden);
  KL_ASSERT_OK_AND_ASSIGN(MeetingDecision decided, service_->AddDecision(Office(), held.id, on_b));
  ASSERT_TRUE(decided.problem_id.has_value());
  // The problem it raised is dated the meeting day and comes from the meeting.
  KL_ASSERT_OK_AND_ASSIGN(Problem raised, problems_->Get(DeptB(), *decided.problem_id));
  EXPECT_EQ(raised.raised_on, "2026-10-20");
  EXPECT_EQ(raised.source, ProblemSource::kMeeting);
  EXPECT_EQ(decided.due, raised.settle_due);

  DecisionInput note;
  note.kind = DecisionKind::kNote;
  note.text = "各单位月底前报送进展";
  ASSERT_TRUE(service_->AddDecision(Office(), held.id, note).ok());

  KL_ASSERT_OK_AND_ASSIGN(DispatchMeeting for_b, service_->Get(DeptB(), held.id));
  EXPECT_EQ(for_b.decisions.size(), 2u);
  KL_ASSERT_OK_AND_ASSIGN(DispatchMeeting for_a, service_->Get(DeptA(), held.id));
  ASSERT_EQ(for_a.decisions.size(), 1u);  // the note concerns every attendee
  EXPECT_EQ(for_a.decisions[0].kind, DecisionKind::kNote);
  KL_ASSERT_OK_AND_ASSIGN(DispatchMeeting for_office, service_->Get(Office(), held.id));
  EXPECT_EQ(for_office.decisions.size(), 2u);
}

TEST_P(MeetingServiceTest, OnlyTheOfficeRunsMeetingsAndNotBeforeTheirDay) {
  if (!store_) return;
  DispatchMeeting draft;
  draft.title = "越权会议";
  draft.held_on = "2026-10-20";
  EXPECT_EQ(service_->Create(DeptA(), draft).status().code(), ErrorCode::kForbidden);
  EXPECT_EQ(service_->Create(Leader(), draft).status().code(), ErrorCode::kForbidden);
  draft.held_on = "2026-10-32";
  Status bad_date = service_->Create(Office(), draft).status();
  EXPECT_EQ(bad_date.code(), ErrorCode::kInvalidArgument);

  DispatchMeeting tomorrow = Plan("2026-10-21", {dept_a_});
  EXPECT_EQ(MarkHeld(tomorrow).status().code(), ErrorCode::kConflict);
  SetToday("2026-10-21");
  KL_ASSERT_OK_AND_ASSIGN(DispatchMeeting held, MarkHeld(tomorrow));
  // Held: its date no longer moves, and the status never goes back.
  EXPECT_EQ(service_
                ->Update(Office(), held.id, held.version,
                         [](DispatchMeeting& x) {
                           x.held_on = "2026-10-22";
                           return Status::Ok();
                         })
                .status()
                .code(),
            ErrorCode::kConflict);
  EXPECT_EQ(service_
                ->Update(Office(), held.id, held.version,
                         [](DispatchMeeting& x) {
                           x.status = MeetingStatus::kPlanned;
                           return Status::Ok();
                         })
                .status()
                .code(),
            ErrorCode::kConflict);
}

KL_INSTANTIATE_STORE_BACKENDS(MeetingServiceTest);

}  // namespace
}  // namespace keyline
