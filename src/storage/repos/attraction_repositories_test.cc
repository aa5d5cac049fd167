// Contract tests of the attraction repositories (leads, contracts, events, campaign rounds,
// targets and their year facts) on SQLite and, under scripts/with-pg.sh, PostgreSQL.
#include <gtest/gtest.h>

#include "core/ports/attraction_repositories.h"
#include "storage/repos/store_test_base.h"

namespace keyline {
namespace {

using storage_test::Db;
using storage_test::StoreTest;

class AttractionRepositoriesTest : public StoreTest {
 protected:
  void SetUp() override {
    OpenStore();
    if (!store_) return;
    ASSERT_OK_S(Write([&](Tx& tx) -> Status {
      Unit u;
      u.name = "招商一组";
      u.kind = UnitKind::kDepartment;
      KL_ASSIGN_OR_RETURN(unit_, store_->repos().units->Insert(tx, u));
      return Status::Ok();
    }));
  }

  const AttractionRepositories& a() { return store_->attraction(); }

  Lead NewLead(const char* company, LeadStage stage = LeadStage::kLead) {
    Lead l;
    l.company = company;
    l.responsible_unit_id = unit_;
    l.stage = stage;
    l.intended_investment = Money::FromWan(100);
    l.warnings = {"统一社会信用代码校验位不正确"};
    l.created_at = l.updated_at = 1000;
    return l;
  }
  Contract NewContract(int64_t lead, const char* no, const char* on, int64_t wan) {
    Contract c;
    c.lead_id = lead;
    c.contract_no = no;
    c.signed_on = on;
    c.amount = Money::FromWan(wan);
    c.created_at = c.updated_at = 1000;
    return c;
  }

  int64_t unit_ = 0;
};

TEST_P(AttractionRepositoriesTest, LeadsRoundTripWithVersionsAndHistory) {
  int64_t id = 0;
  ASSERT_OK_S(Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(id, a().leads->Insert(tx, NewLead("甲公司")));
    LeadStageChange c;
    c.lead_id = id;
    c.to = LeadStage::kLead;
    c.at = 1000;
    KL_RETURN_IF_ERROR(a().leads->InsertStageChange(tx, c));
    c.from = LeadStage::kLead;
    c.to = LeadStage::kNegotiating;
    c.reason = "首次拜访";
    return a().leads->InsertStageChange(tx, c);
  }));
  ASSERT_OK_S(Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Lead l, a().leads->Get(tx, id));
    EXPECT_EQ(l.version, 1);
    EXPECT_EQ(l.company, "甲公司");
    EXPECT_EQ(l.warnings.size(), 1u);
    KL_ASSIGN_OR_RETURN(auto history, a().leads->StageChanges(tx, id));
    EXPECT_EQ(history.size(), 2u);
    EXPECT_FALSE(history[0].from.has_value());
    EXPECT_EQ(history[1].reason, "首次拜访");
    LeadQuery q;
    q.text = "甲";
    KL_ASSIGN_OR_RETURN(auto page, a().leads->List(tx, q));
    EXPECT_EQ(page.total, 1);
    return Status::Ok();
  }));
  Lead changed = NewLead("甲公司（深圳）", LeadStage::kNegotiating);
  changed.id = id;
  ASSERT_OK_S(Write([&](Tx& tx) { return a().leads->Update(tx, changed, 1); }));
  Status stale = Write([&](Tx& tx) { return a().leads->Update(tx, changed, 1); });
  EXPECT_EQ(stale.code(), ErrorCode::kConflict);
  changed.id = 424242;
  EXPECT_EQ(Write([&](Tx& tx) { return a().leads->Update(tx, changed, 1); }).code(),
            ErrorCode::kNotFound);
}

TEST_P(AttractionRepositoriesTest, OneContractPerLeadAndPerNumber) {
  int64_t a1 = 0, a2 = 0, event = 0;
  ASSERT_OK_S(Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(a1, a().leads->Insert(tx, NewLead("甲", LeadStage::kRegistered)));
    KL_ASSIGN_OR_RETURN(a2, a().leads->Insert(tx, NewLead("乙")));
    SigningEvent e;
    e.name = "集中签约";
    e.held_on = "2026-03-10";
    e.outbound = true;
    KL_ASSIGN_OR_RETURN(event, a().contracts->InsertEvent(tx, e));
    Contract c = NewContract(a1, "N-1", "2026-03-10", 300000);
    c.event_id = event;
    c.funds_in_place = Money::FromWan(1000);
    return a().contracts->Insert(tx, c).status();
  }));
  // The same lead again, or the same number for another lead: unique keys refuse both.
  EXPECT_EQ(Write([&](Tx& tx) {
              return a().contracts->Insert(tx, NewContract(a1, "N-2", "2026-03-11", 1)).status();
            }).code(),
            ErrorCode::kConflict);
  EXPECT_EQ(Write([&](Tx& tx) {
              return a().contracts->Insert(tx, NewContract(a2, "N-1", "2026-03-11", 1)).status();
            }).code(),
            ErrorCode::kConflict);
  ASSERT_OK_S(Read([&](Tx& tx) -> Status {
    ContractQuery q;
    q.event_id = event;
    KL_ASSIGN_OR_RETURN(auto rows, a().contracts->List(tx, q));
    EXPECT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].company, "甲");
    EXPECT_EQ(rows[0].lead_stage, LeadStage::kRegistered);
    EXPECT_FALSE(rows[0].project_stage.has_value());
    q = ContractQuery{};
    q.year = 2025;
    KL_ASSIGN_OR_RETURN(auto none, a().contracts->List(tx, q));
    EXPECT_TRUE(none.empty());
    // Facts: one event (outbound), one contract, one landed ≥ 30亿, one below 40亿.
    KL_ASSIGN_OR_RETURN(YearFacts f, a().targets->Facts(tx, 2026, Money::FromWan(300000)));
    EXPECT_EQ(f.events, 1);
    EXPECT_EQ(f.outbound_events, 1);
    EXPECT_EQ(f.contracts, 1);
    EXPECT_EQ(f.contract_amount, Money::FromWan(300000));
    EXPECT_EQ(f.funds_in_place, Money::FromWan(1000));
    EXPECT_EQ(f.landed_leads, 1);
    KL_ASSIGN_OR_RETURN(YearFacts g, a().targets->Facts(tx, 2026, Money::FromWan(400000)));
    EXPECT_EQ(g.landed_leads, 0);
    return Status::Ok();
  }));
}

TEST_P(AttractionRepositoriesTest, RoundsEntriesAndEarlierStarts) {
  int64_t project = 0, r1 = 0, r2 = 0;
  ASSERT_OK_S(Write([&](Tx& tx) -> Status {
    Project p;
    p.name = "一号项目";
    p.version = 1;
    p.responsible_unit_id = unit_;
    p.total_investment = Money::FromWan(50000);
    KL_ASSIGN_OR_RETURN(project, store_->repos().projects->Insert(tx, p));
    CampaignRound r;
    r.name = "第一批";
    r.held_on = "2026-01-10";
    KL_ASSIGN_OR_RETURN(r1, a().campaigns->Insert(tx, r));
    r.name = "第二批";
    r.held_on = "2026-04-10";
    r.scheme = CampaignScheme::kFour;
    KL_ASSIGN_OR_RETURN(r2, a().campaigns->Insert(tx, r));
    CampaignEntry e;
    e.round_id = r1;
    e.project_id = project;
    e.category = CampaignCategory::kStart;
    return a().campaigns->AddEntry(tx, e);
  }));
  CampaignEntry again;
  again.round_id = r1;
  again.project_id = project;
  EXPECT_EQ(Write([&](Tx& tx) { return a().campaigns->AddEntry(tx, again); }).code(),
            ErrorCode::kConflict);
  ASSERT_OK_S(Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(auto entries, a().campaigns->Entries(tx, r1));
    EXPECT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].project_name, "一号项目");
    EXPECT_EQ(entries[0].total_investment, Money::FromWan(50000));
    KL_ASSIGN_OR_RETURN(auto earlier,
                        a().campaigns->EarlierEntries(tx, CampaignCategory::kStart, "2026-04-10"));
    EXPECT_EQ(earlier.size(), 1u);
    KL_ASSIGN_OR_RETURN(auto none,
                        a().campaigns->EarlierEntries(tx, CampaignCategory::kStart, "2026-01-10"));
    EXPECT_TRUE(none.empty());
    KL_ASSIGN_OR_RETURN(auto rounds, a().campaigns->List(tx, 2026));
    EXPECT_EQ(rounds.size(), 2u);
    EXPECT_EQ(rounds[0].id, r2) << "newest first";
    EXPECT_EQ(rounds[0].scheme, CampaignScheme::kFour);
    return Status::Ok();
  }));
  ASSERT_OK_S(Write([&](Tx& tx) { return a().campaigns->RemoveEntry(tx, r1, project); }));
  EXPECT_EQ(Write([&](Tx& tx) { return a().campaigns->RemoveEntry(tx, r1, project); }).code(),
            ErrorCode::kNotFound);
}

TEST_P(AttractionRepositoriesTest, TargetsAndTheirActuals) {
  int64_t id = 0;
  ASSERT_OK_S(Write([&](Tx& tx) -> Status {
    Target t;
    t.year = 2026;
    t.title = "落地30亿元级项目2个以上";
    t.target_value = 2;
    t.unit = "个";
    t.measure = TargetMeasure::kLandedLeads;
    t.threshold = Money::FromWan(300000);
    t.responsible_unit_id = unit_;
    KL_ASSIGN_OR_RETURN(id, a().targets->Insert(tx, t));
    for (double v : {1.0, 1.5}) {
      TargetActual x;
      x.target_id = id;
      x.value = v;
      x.as_of = "2026-03-01";
      KL_RETURN_IF_ERROR(a().targets->InsertActual(tx, x).status());
    }
    return Status::Ok();
  }));
  ASSERT_OK_S(Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Target t, a().targets->Get(tx, id));
    EXPECT_EQ(t.threshold, Money::FromWan(300000));
    EXPECT_EQ(t.measure, TargetMeasure::kLandedLeads);
    EXPECT_DOUBLE_EQ(t.target_value, 2);
    KL_ASSIGN_OR_RETURN(auto actuals, a().targets->Actuals(tx, id));
    EXPECT_EQ(actuals.size(), 2u);
    EXPECT_DOUBLE_EQ(actuals.back().value, 1.5);
    KL_ASSIGN_OR_RETURN(auto none, a().targets->List(tx, 2027));
    EXPECT_TRUE(none.empty());
    return Status::Ok();
  }));
}

KL_INSTANTIATE_STORE_BACKENDS(AttractionRepositoriesTest);

}  // namespace
}  // namespace keyline
