// The pure rules of funds, key lists and factor guarantees: the funding chain, central-budget
// deadlines on the official calendar, the rates, key lists as of a date and overdue factor
// guarantees.
#include <gtest/gtest.h>

#include "core/funds/deadlines.h"
#include "core/funds/fund_chain.h"
#include "core/funds/fund_rates.h"
#include "core/funds/key_list_rules.h"

namespace keyline {
namespace {

Money Wan(int64_t wan) { return Money::FromWan(wan); }

TEST(FundChain, EachStageStaysWithinThePreviousOne) {
  struct Step {
    FundStage stage;
    int64_t wan;
    bool ok;
  };
  const Step steps[] = {
      {FundStage::kIssued, 1, false},  // nothing applied yet
      {FundStage::kApplied, 1000, true}, {FundStage::kIssued, 600, true},
      {FundStage::kIssued, 401, false},  // 1001 > 1000
      {FundStage::kIssued, 400, true},   {FundStage::kArrived, 1000, true},
      {FundStage::kPaid, 1001, false},   {FundStage::kPaid, 999, true},
      {FundStage::kApplied, 0, false},  // amounts are positive
      {FundStage::kApplied, -5, false},
  };
  FundTotals t;
  for (const Step& s : steps) {
    auto next = AddToChain(t, s.stage, Wan(s.wan));
    EXPECT_EQ(next.ok(), s.ok) << EnumCode(FundStageTable(), s.stage) << " " << s.wan;
    if (next.ok()) t = *next;
  }
  EXPECT_EQ(t.applied, Wan(1000));
  EXPECT_EQ(t.issued, Wan(1000));
  EXPECT_EQ(t.paid, Wan(999));
  EXPECT_TRUE(CheckChain(t).ok());
  auto over = AddToChain(t, FundStage::kArrived, Wan(1));
  ASSERT_FALSE(over.ok());
  EXPECT_NE(over.status().message_zh().find("到位累计 1,001.00 万元将超过下达累计 1,000.00 万元"),
            std::string::npos)
      << over.status().message_zh();
  EXPECT_FALSE(AddToChain(t, FundStage::kApplied, Money{kMaxFundTotalCents}).ok());
}

TEST(FundDeadlines, CountWorkingDaysAcrossSpringFestival) {
  auto calendar = WorkingCalendar::ParseCsv(
      "2026-02-14,workday,春节调休\n2026-02-15,holiday,春节\n2026-02-16,holiday,春节\n"
      "2026-02-17,holiday,春节\n2026-02-18,holiday,春节\n2026-02-19,holiday,春节\n"
      "2026-02-20,holiday,春节\n2026-02-21,holiday,春节\n2026-02-22,holiday,春节\n"
      "2026-02-23,holiday,春节\n2026-02-28,workday,春节调休\n");
  ASSERT_TRUE(calendar.ok());
  auto due = CentralBudgetDueDates(*Date::Parse("2026-02-10"), *calendar);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].first, FundDueKind::kForward);
  EXPECT_EQ(due[0].second.ToString(), "2026-03-02");
  EXPECT_EQ(due[1].first, FundDueKind::kBreakdown);
  EXPECT_EQ(due[1].second.ToString(), "2026-03-16");

  FundDueItem item;
  item.due_on = "2026-03-02";
  MarkDue(&item, "2026-03-02");
  EXPECT_FALSE(item.overdue);
  MarkDue(&item, "2026-03-03");
  EXPECT_TRUE(item.overdue);
  item.done_on = "2026-03-04";
  MarkDue(&item, "2026-03-05");
  EXPECT_FALSE(item.overdue);
  EXPECT_TRUE(item.late);
}

TEST(FundRates, GroupBySourceUnitAndYear) {
  std::vector<FundRateInput> lines = {
      {FundingSource::kSpecialBond, 2026, 7, "教育局", {Wan(100), Wan(80), Wan(40), Wan(10)}},
      {FundingSource::kCentralBudget, 2026, 7, "教育局", {Wan(50), Wan(50), Wan(0), Wan(0)}},
      {FundingSource::kSpecialBond, 2025, std::nullopt, "", {Wan(0), Wan(0), Wan(0), Wan(0)}},
  };
  auto by_source = FundRates(lines, FundRateGroup::kSource);
  ASSERT_EQ(by_source.size(), 2u);
  EXPECT_EQ(by_source[0].key, "central_budget");
  EXPECT_DOUBLE_EQ(*by_source[0].issue_rate, 1.0);
  EXPECT_DOUBLE_EQ(*by_source[0].arrival_rate, 0.0);
  EXPECT_FALSE(by_source[0].payment_rate.has_value());  // nothing arrived
  EXPECT_EQ(by_source[1].lines, 2);
  EXPECT_DOUBLE_EQ(*by_source[1].issue_rate, 0.8);
  EXPECT_DOUBLE_EQ(*by_source[1].payment_rate, 0.25);
  auto by_unit = FundRates(lines, FundRateGroup::kUnit);
  ASSERT_EQ(by_unit.size(), 2u);
  EXPECT_EQ(by_unit[0].key, "7");
  EXPECT_EQ(by_unit[1].name, "未指定责任单位");
  auto by_year = FundRates(lines, FundRateGroup::kYear);
  ASSERT_EQ(by_year.size(), 2u);
  EXPECT_EQ(by_year[0].key, "2025");
  EXPECT_FALSE(by_year[0].issue_rate.has_value());
}

KeyListChange Change(int64_t id, int64_t project, KeyListAction action, const char* on,
                     ChangeStatus status = ChangeStatus::kApproved) {
  KeyListChange c;
  c.id = id;
  c.project_id = project;
  c.action = action;
  c.effective_on = on;
  c.status = status;
  c.reason = "r" + std::to_string(id);
  return c;
}

TEST(KeyListRules, MembersAsOfAndAlternation) {
  std::vector<KeyListChange> changes = {
      Change(1, 10, KeyListAction::kAdd, "2026-01-01"),
      Change(2, 11, KeyListAction::kAdd, "2026-01-01"),
      Change(3, 10, KeyListAction::kRemove, "2026-06-30"),
      Change(4, 12, KeyListAction::kAdd, "2026-04-01"),
      Change(5, 13, KeyListAction::kAdd, "2026-02-01", ChangeStatus::kPending),
  };
  auto jan = MembersAsOf(changes, "2026-01-15");
  ASSERT_EQ(jan.size(), 2u);
  EXPECT_EQ(jan[0].project_id, 10);
  EXPECT_EQ(jan[0].added_on, "2026-01-01");
  auto july = MembersAsOf(changes, "2026-07-01");
  ASSERT_EQ(july.size(), 2u);
  EXPECT_EQ(july[0].project_id, 11);
  EXPECT_EQ(july[1].project_id, 12);
  EXPECT_TRUE(MembersAsOf(changes, "2025-12-31").empty());

  EXPECT_FALSE(CheckChangeFits(changes, Change(0, 11, KeyListAction::kAdd, "2026-03-01")).ok());
  EXPECT_FALSE(CheckChangeFits(changes, Change(0, 12, KeyListAction::kRemove, "2026-03-01")).ok());
  EXPECT_TRUE(CheckChangeFits(changes, Change(0, 12, KeyListAction::kRemove, "2026-05-01")).ok());
  EXPECT_TRUE(CheckChangeFits(changes, Change(0, 10, KeyListAction::kAdd, "2026-08-01")).ok());
  // Re-adding 10 before it left would leave the later removal dangling: refused.
  EXPECT_FALSE(CheckChangeFits(changes, Change(0, 10, KeyListAction::kAdd, "2026-03-01")).ok());
  // Removing 10 in May, before its approved June removal, makes that removal invalid.
  EXPECT_FALSE(CheckChangeFits(changes, Change(0, 10, KeyListAction::kRemove, "2026-05-01")).ok());
}

TEST(FactorRules, OverdueWhenNotFullyGuaranteedPastDue) {
  FactorDemand d;
  d.demanded = 120 * 1'000'000;
  d.guaranteed = 80 * 1'000'000;
  d.due_on = "2026-03-01";
  MarkFactor(&d, "2026-03-01");
  EXPECT_FALSE(d.overdue);
  MarkFactor(&d, "2026-03-02");
  EXPECT_TRUE(d.overdue);
  d.guaranteed = d.demanded;
  MarkFactor(&d, "2026-03-02");
  EXPECT_FALSE(d.overdue);
  d.guaranteed = 0;
  d.due_on.reset();
  MarkFactor(&d, "2030-01-01");
  EXPECT_FALSE(d.overdue);
}

}  // namespace
}  // namespace keyline
