// The pure rules of investment attraction: the lead stage machine, the rates of signed
// contracts, campaign round figures and target progress against 序时进度. Data-driven.
#include <gtest/gtest.h>

#include "core/attraction/attraction_rates.h"
#include "core/attraction/campaign_stats.h"
#include "core/attraction/lead_rules.h"
#include "core/attraction/target_progress.h"

namespace keyline {
namespace {

TEST(LeadRules, StageMoves) {
  using S = LeadStage;
  struct Case {
    S from, to;
    bool contract;
    const char* reason;
    ErrorCode want;
  } cases[] = {
      {S::kLead, S::kNegotiating, false, "", ErrorCode::kOk},
      {S::kLead, S::kLead, false, "", ErrorCode::kConflict},
      {S::kNegotiating, S::kSigned, false, "", ErrorCode::kConflict},  // no contract
      {S::kNegotiating, S::kSigned, true, "", ErrorCode::kOk},
      {S::kSigned, S::kLanded, true, "", ErrorCode::kOk},                   // skipping is fine
      {S::kNegotiating, S::kLead, false, "", ErrorCode::kInvalidArgument},  // needs a reason
      {S::kNegotiating, S::kLead, false, "企业暂缓", ErrorCode::kOk},
      {S::kRegistered, S::kNegotiating, true, "x", ErrorCode::kConflict},  // signed stays signed
      {S::kRegistered, S::kSigned, true, "纠正", ErrorCode::kOk},
      {S::kNegotiating, S::kDropped, false, "", ErrorCode::kInvalidArgument},
      {S::kNegotiating, S::kDropped, false, "企业转投外地", ErrorCode::kOk},
      {S::kDropped, S::kNegotiating, false, "重新接洽", ErrorCode::kOk},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::to_string(static_cast<int>(c.from)) + "->" +
                 std::to_string(static_cast<int>(c.to)));
    EXPECT_EQ(CheckLeadMove(c.from, c.to, c.contract, c.reason).code(), c.want);
  }
}

TEST(LeadRules, CreditCodeWarnsOnTheCheckCharacterOnly) {
  Lead lead;
  lead.company = "x";
  lead.responsible_unit_id = 1;
  lead.credit_code = "91350200776049653b";
  ASSERT_TRUE(ValidateLead(&lead).ok());
  EXPECT_EQ(*lead.credit_code, "91350200776049653B");
  EXPECT_EQ(lead.warnings.size(), 1u);
  lead.warnings.clear();
  lead.credit_code = "9135";
  EXPECT_EQ(ValidateLead(&lead).code(), ErrorCode::kInvalidArgument);
}

SignedContractRow Row(ContractStatus status, LeadStage stage, std::optional<std::string> project,
                      int64_t wan, int64_t funds_wan) {
  SignedContractRow r;
  r.contract.status = status;
  r.contract.amount = Money::FromWan(wan);
  r.contract.funds_in_place = Money::FromWan(funds_wan);
  r.lead_stage = stage;
  r.project_stage = std::move(project);
  return r;
}

TEST(AttractionRates, EachContractCountsOnce) {
  std::vector<SignedContractRow> rows = {
      Row(ContractStatus::kPerforming, LeadStage::kLanded, "construction", 100, 100),
      Row(ContractStatus::kFulfilled, LeadStage::kRegistered, "reserve", 100, 50),
      Row(ContractStatus::kBreached, LeadStage::kSigned, std::nullopt, 100, 0),
      Row(ContractStatus::kTerminated, LeadStage::kDropped, std::nullopt, 100, 0),
  };
  AttractionRates r = ComputeAttractionRates(rows);
  EXPECT_EQ(r.signed_contracts, 4);
  EXPECT_DOUBLE_EQ(*r.performance_rate, 0.5);
  EXPECT_DOUBLE_EQ(*r.landing_rate, 0.5);
  EXPECT_DOUBLE_EQ(*r.start_rate, 0.25);
  EXPECT_DOUBLE_EQ(*r.funds_rate, 0.375);
  AttractionRates none = ComputeAttractionRates({});
  EXPECT_FALSE(none.performance_rate.has_value());
  EXPECT_FALSE(none.funds_rate.has_value());
}

CampaignEntry Entry(int64_t id, CampaignCategory c, const char* stage, int64_t wan) {
  CampaignEntry e;
  e.project_id = id;
  e.category = c;
  e.project_stage = stage;
  e.total_investment = Money::FromWan(wan);
  return e;
}

TEST(CampaignStats, BandsPlansAndRates) {
  std::vector<CampaignEntry> entries = {
      Entry(1, CampaignCategory::kStart, "construction", 10000),      // exactly 1亿
      Entry(2, CampaignCategory::kStart, "preliminary", 9999),        // below
      Entry(3, CampaignCategory::kProduction, "production", 100000),  // 10亿
  };
  std::map<int64_t, Money> plans = {{1, Money::FromWan(3000)}};
  CampaignStats s = ComputeCampaignStats(CampaignScheme::kThree, entries, plans);
  EXPECT_EQ(s.by_category.size(), 3u);
  EXPECT_EQ(s.total.projects, 3);
  EXPECT_EQ(s.total.over_100m, 2);
  EXPECT_EQ(s.total.over_500m, 1);
  EXPECT_EQ(s.total.over_1b, 1);
  EXPECT_EQ(s.total.annual_planned, Money::FromWan(3000));
  EXPECT_EQ(s.total.started, 2);
  EXPECT_EQ(s.total.in_production, 1);
  EXPECT_DOUBLE_EQ(*s.by_category[1].start_rate, 0.5);  // 开工一批
  EXPECT_EQ(ComputeCampaignStats(CampaignScheme::kFour, {}, {}).by_category.size(), 4u);
  EXPECT_FALSE(ComputeCampaignStats(CampaignScheme::kFour, {}, {}).total.start_rate);
}

TEST(TargetProgress, AgainstElapsedShare) {
  Target t;
  t.year = 2026;
  t.target_value = 20;
  t.measure = TargetMeasure::kOutboundEvents;
  YearFacts facts;
  facts.outbound_events = 5;
  TargetProgress p = ComputeTargetProgress(t, MeasureValue(t.measure, facts), 7.0, "2026-06-30");
  EXPECT_EQ(p.source, "computed");
  EXPECT_DOUBLE_EQ(*p.actual, 5);
  EXPECT_DOUBLE_EQ(*p.rate, 0.25);
  // 序时进度 at the report period: on 2026-06-30 the May report is filed, 5 ÷ 12.
  EXPECT_DOUBLE_EQ(p.elapsed_share, 5.0 / 12);
  EXPECT_NEAR(*p.gap_points, (0.25 - 5.0 / 12) * 100, 1e-9);
  EXPECT_DOUBLE_EQ(TargetElapsedShare(2026, "2025-12-31"), 0);
  EXPECT_DOUBLE_EQ(TargetElapsedShare(2026, "2026-01-15"), 0);          // report period 2025-12
  EXPECT_DOUBLE_EQ(TargetElapsedShare(2026, "2026-12-08"), 11.0 / 12);  // as the dashboard
  EXPECT_DOUBLE_EQ(TargetElapsedShare(2026, "2027-01-01"), 1);
  t.measure = TargetMeasure::kManual;
  TargetProgress none = ComputeTargetProgress(t, std::nullopt, std::nullopt, "2026-06-30");
  EXPECT_EQ(none.source, "none");
  EXPECT_FALSE(none.rate);
  facts.contract_amount = Money::FromWan(350000);
  EXPECT_DOUBLE_EQ(*MeasureValue(TargetMeasure::kSignedAmount, facts), 35);  // 亿元
}

}  // namespace
}  // namespace keyline
