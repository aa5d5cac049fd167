// Contract tests of the issue-8 repositories (funding lines and events, due items, key-list
// changes, factor demands) on SQLite and, under scripts/with-pg.sh, PostgreSQL.
#include <gtest/gtest.h>

#include "core/ports/funds_repositories.h"
#include "storage/repos/store_test_base.h"

namespace keyline {
namespace {

using storage_test::Db;
using storage_test::StoreTest;

void ExpectOk(const Status& st) { EXPECT_TRUE(st.ok()) << st.ToString(); }

class FundsRepositoriesTest : public StoreTest {
 protected:
  void SetUp() override {
    OpenStore();
    if (!store_) return;
    // Project "东" belongs to the 东局 department, project "西" to no unit at all.
    Status st = store_->repos().tx->Write([&](Tx& tx) -> Status {
      Unit dept;
      dept.name = "东局";
      dept.kind = UnitKind::kDepartment;
      KL_ASSIGN_OR_RETURN(dept_, store_->repos().units->Insert(tx, dept));
      Project east;
      east.name = "东";
      east.version = 1;
      east.responsible_unit_id = dept_;
      KL_ASSIGN_OR_RETURN(east_, store_->repos().projects->Insert(tx, east));
      Project west;
      west.name = "西";
      west.version = 1;
      KL_ASSIGN_OR_RETURN(west_, store_->repos().projects->Insert(tx, west));
      return Status::Ok();
    });
    ASSERT_TRUE(st.ok()) << st.ToString();
  }

  const FundsRepositories& f() { return store_->funds(); }
  ProjectScope Dept() {
    ProjectScope s;
    s.kind = ProjectScope::Kind::kUnit;
    s.id = dept_;
    s.today = "2026-03-16";
    return s;
  }
  Result<int64_t> Line(Tx& tx, int64_t project, FundingSource source, int year) {
    FundLine l;
    l.project_id = project;
    l.source = source;
    l.year = year;
    l.created_at = l.updated_at = 1;
    return f().funds->InsertLine(tx, l);
  }
  Status Event(Tx& tx, int64_t line, FundStage stage, int64_t wan) {
    FundEvent e;
    e.line_id = line;
    e.stage = stage;
    e.amount = Money::FromWan(wan);
    e.date = "2026-02-10";
    e.created_by = 1;
    return f().funds->InsertEvent(tx, e).status();
  }

  int64_t dept_ = 0, east_ = 0, west_ = 0;
};

TEST_P(FundsRepositoriesTest, LinesEventsAndRateInputsFollowTheScope) {
  int64_t east_line = 0;
  ExpectOk(Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(east_line, Line(tx, east_, FundingSource::kCentralBudget, 2026));
    KL_ASSIGN_OR_RETURN(int64_t west_line, Line(tx, west_, FundingSource::kSpecialBond, 2025));
    KL_RETURN_IF_ERROR(Event(tx, east_line, FundStage::kApplied, 100));
    KL_RETURN_IF_ERROR(Event(tx, east_line, FundStage::kApplied, 50));
    KL_RETURN_IF_ERROR(Event(tx, east_line, FundStage::kIssued, 120));
    return Event(tx, west_line, FundStage::kApplied, 7);
  }));
  // A second line for the same project, source and year is a conflict; a stale touch too.
  Status dup = Write([&](Tx& tx) -> Status {
    return Line(tx, east_, FundingSource::kCentralBudget, 2026).status();
  });
  EXPECT_EQ(dup.code(), ErrorCode::kConflict);
  ExpectOk(Write([&](Tx& tx) { return f().funds->TouchLine(tx, east_line, 1, 5); }));
  EXPECT_EQ(Write([&](Tx& tx) { return f().funds->TouchLine(tx, east_line, 1, 6); }).code(),
            ErrorCode::kConflict);
  EXPECT_EQ(Write([&](Tx& tx) { return f().funds->TouchLine(tx, 999999, 1, 6); }).code(),
            ErrorCode::kNotFound);

  ExpectOk(Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(FundLine line, f().funds->GetLine(tx, east_line));
    EXPECT_EQ(line.version, 2);
    KL_ASSIGN_OR_RETURN(std::vector<FundEvent> events, f().funds->EventsOfLines(tx, {east_line}));
    EXPECT_EQ(events.size(), 3u);
    KL_ASSIGN_OR_RETURN(std::vector<FundRateInput> all,
                        f().funds->RateInputs(tx, ProjectScope{}, std::nullopt));
    EXPECT_EQ(all.size(), 2u);
    KL_ASSIGN_OR_RETURN(std::vector<FundRateInput> mine,
                        f().funds->RateInputs(tx, Dept(), std::nullopt));
    EXPECT_EQ(mine.size(), 1u);
    if (!mine.empty()) {
      EXPECT_EQ(mine[0].totals.applied, Money::FromWan(150));
      EXPECT_EQ(mine[0].totals.issued, Money::FromWan(120));
      EXPECT_EQ(mine[0].unit_name, "东局");
    }
    KL_ASSIGN_OR_RETURN(std::vector<FundRateInput> y2025,
                        f().funds->RateInputs(tx, ProjectScope{}, 2025));
    EXPECT_EQ(y2025.size(), 1u);
    return Status::Ok();
  }));
}

TEST_P(FundsRepositoriesTest, DueItemsChangesAndFactorsKeepTheirContracts) {
  int64_t due_id = 0, change_id = 0;
  ExpectOk(Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(int64_t line, Line(tx, east_, FundingSource::kCentralBudget, 2026));
    FundEvent e;
    e.line_id = line;
    e.stage = FundStage::kIssued;
    e.amount = Money::FromWan(1);
    e.date = "2026-02-10";
    KL_ASSIGN_OR_RETURN(int64_t event, f().funds->InsertEvent(tx, e));
    FundDueItem d;
    d.event_id = event;
    d.line_id = line;
    d.project_id = east_;
    d.received_on = "2026-02-10";
    d.due_on = "2026-03-02";
    KL_ASSIGN_OR_RETURN(due_id, f().funds->InsertDueItem(tx, d));
    KeyListChange c;
    c.year = 2026;
    c.project_id = west_;
    c.effective_on = "2026-01-01";
    c.proposed_by = 1;
    KL_ASSIGN_OR_RETURN(change_id, f().key_lists->Insert(tx, c));
    FactorDemand fd;
    fd.project_id = west_;
    fd.demanded = 10;
    fd.due_on = "2026-03-01";
    return f().factors->Insert(tx, fd).status();
  }));
  // Due items: open only, version check.
  ExpectOk(Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(FundDueItem d, f().funds->GetDueItem(tx, due_id));
    EXPECT_EQ(d.project_name, "东");
    d.done_on = "2026-03-01";
    KL_RETURN_IF_ERROR(f().funds->UpdateDueItem(tx, d, 1));
    EXPECT_EQ(f().funds->UpdateDueItem(tx, d, 1).code(), ErrorCode::kConflict);
    KL_ASSIGN_OR_RETURN(auto open, f().funds->ListDueItems(tx, ProjectScope{}, std::nullopt, true));
    EXPECT_TRUE(open.empty());
    KL_ASSIGN_OR_RETURN(auto all, f().funds->ListDueItems(tx, Dept(), east_, false));
    EXPECT_EQ(all.size(), 1u);
    return Status::Ok();
  }));
  // Key-list changes: scoped lists, a decision only once.
  ExpectOk(Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(auto all,
                        f().key_lists->Changes(tx, 2026, ProjectLevel::kDistrict, ProjectScope{}));
    EXPECT_EQ(all.size(), 1u);
    KL_ASSIGN_OR_RETURN(auto mine,
                        f().key_lists->Changes(tx, 2026, ProjectLevel::kDistrict, Dept()));
    EXPECT_TRUE(mine.empty());
    KL_ASSIGN_OR_RETURN(KeyListChange c, f().key_lists->Get(tx, change_id));
    c.status = ChangeStatus::kApproved;
    c.decided_by = 2;
    KL_RETURN_IF_ERROR(f().key_lists->Decide(tx, c));
    EXPECT_EQ(f().key_lists->Decide(tx, c).code(), ErrorCode::kConflict);
    return Status::Ok();
  }));
  // Factors: overdue by date and scope; one row per project and kind.
  ExpectOk(Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(auto overdue, f().factors->Overdue(tx, ProjectScope{}, "2026-03-02"));
    EXPECT_EQ(overdue.size(), 1u);
    KL_ASSIGN_OR_RETURN(auto not_yet, f().factors->Overdue(tx, ProjectScope{}, "2026-03-01"));
    EXPECT_TRUE(not_yet.empty());
    KL_ASSIGN_OR_RETURN(auto scoped, f().factors->Overdue(tx, Dept(), "2026-03-02"));
    EXPECT_TRUE(scoped.empty());
    return Status::Ok();
  }));
  EXPECT_EQ(Write([&](Tx& tx) -> Status {
              FactorDemand again;
              again.project_id = west_;
              again.demanded = 1;
              return f().factors->Insert(tx, again).status();
            }).code(),
            ErrorCode::kConflict);
}

KL_INSTANTIATE_STORE_BACKENDS(FundsRepositoriesTest);

}  // namespace
}  // namespace keyline
