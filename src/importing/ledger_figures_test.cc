#include "importing/ledger_figures.h"

#include <gtest/gtest.h>

#include "importing/test_table.h"

#include "core/codes/credit_code.h"
#include "importing/value_resolver.h"

namespace keyline::importing {
namespace {

constexpr const char* kToday = "2024-01-15";

std::string ValidCode() {
  std::string first17 = "91610113MA6TXE7Y0";
  return first17 + codes::ComputeCreditCheckChar(first17);
}

std::string WrongCheckCode() {
  std::string code = ValidCode();
  code.back() = code.back() == '1' ? '2' : '1';
  return code;
}

bool Mentions(const std::vector<Reason>& list, std::string_view word) {
  for (const Reason& r : list)
    if (r.zh.find(word) != std::string::npos) return true;
  return false;
}

std::unique_ptr<ValueResolver> Resolver() {
  std::vector<naming::MatchableUnit> units = {
      {20, "城投公司", UnitKind::kCompany, std::nullopt, {}},
      {30, "区住建局", UnitKind::kDepartment, std::nullopt, {}}};
  std::vector<naming::MatchablePerson> people = {{100, "王建国", "副区长", "区政府", {}},
                                                 {101, "李明", "副区长", "区政府", {}},
                                                 {102, "李明", "局长", "区住建局", {}}};
  return std::make_unique<ValueResolver>(naming::UnitNameMatcher(std::move(units), {}),
                                         naming::PersonNameMatcher(std::move(people)),
                                         std::vector<ValueMapping>{});
}

struct Fixture {
  LedgerIndex index{{{7, "城东污水处理厂", "2501-610103-04-01-000001", 20}},
                    {{20, "城投公司", UnitKind::kCompany}, {30, "区住建局", UnitKind::kDepartment}},
                    Resolver()};
  FiguresIndex figures;
  std::function<Result<Project>(int64_t)> load = [](int64_t id) -> Result<Project> {
    Project p;
    p.id = id;
    p.version = 2;
    p.name = "城东污水处理厂";
    p.code = "2501-610103-04-01-000001";
    p.owner_unit_id = 20;
    p.total_investment = Money::FromWan(30000);
    p.stage = Stage::kConstruction;
    p.actual_start = "2022-05-01";
    return p;
  };
  Fixture() {
    figures.SetPersonNames([this](int64_t id) {
      const naming::MatchablePerson* p = index.Values().people().Find(id);
      return p ? p->name : std::string();
    });
  }
  LedgerPlan Plan(const SheetTable& t, std::optional<int> given = std::nullopt) {
    std::vector<std::string> headers;
    for (const auto& c : t.columns) headers.push_back(c.header);
    auto fields = SuggestMapping(ImportKind::kLedger, headers);
    LedgerPeriod period = ResolveLedgerPeriod(t, fields, given);
    return PlanLedger(t, fields, index, load, kToday, &figures, &period);
  }
};

const std::vector<std::string> kHeaders = {"项目名称",
                                           "总投资（万元）",
                                           "建设单位",
                                           "建设单位统一社会信用代码",
                                           "开工时间",
                                           "2023年计划投资（万元）",
                                           "1-12月完成投资（万元）/金额",
                                           "1-12月完成投资（万元）/占年度计划(%)",
                                           "形象进度",
                                           "包抓领导"};

TEST(LedgerFiguresTest, ANewProjectWithTheYearsFigures) {
  Fixture f;
  auto t = TestTable(kHeaders, {{"雁塔区第四中学（一期），新建", "30000", "新城建公司", ValidCode(),
                                 "2022-03", "10000", "11800", "118", "主体施工", "王建国"}});
  LedgerPlan plan = f.Plan(t);
  ASSERT_EQ(plan.rows.size(), 1u);
  const PlanRow& r = plan.rows[0];
  ASSERT_EQ(r.action, RowAction::kCreate) << (r.reasons.empty() ? "" : r.reasons[0].zh);
  EXPECT_EQ(plan.year, 2023);
  EXPECT_EQ(plan.month, 12);
  // Text as written: full-width punctuation stays.
  EXPECT_EQ(r.project.name, "雁塔区第四中学（一期），新建");
  EXPECT_EQ(r.project.stage, Stage::kConstruction);
  EXPECT_EQ(r.project.actual_start, "2022-03-01");
  EXPECT_TRUE(Mentions(r.warnings, "项目阶段推断为在建")) << r.warnings.size();
  EXPECT_EQ(r.annual_plan, Money::FromWan(10000));
  EXPECT_EQ(r.plan_year, 2023);
  EXPECT_EQ(r.opening_balance, Money::FromWan(11800));
  EXPECT_EQ(r.balance_period, 202312);
  EXPECT_EQ(r.progress, "主体施工");
  EXPECT_EQ(r.leader_id, 100);
  EXPECT_EQ(r.new_owner, "新城建公司");
  EXPECT_EQ(r.owner_code, ValidCode());
  EXPECT_FALSE(Mentions(r.warnings, "不符"));
}

TEST(LedgerFiguresTest, ShareOfPlanIsCheckedAgainstTheAmounts) {
  Fixture f;
  auto t = TestTable(kHeaders, {{"甲项目", "500", "", "", "", "1000", "500", "60", "", ""},
                                {"乙项目", "500", "", "", "", "1000", "500", "0.5", "", ""},
                                {"丙项目", "500", "", "", "", "1000", "500", "50.3%", "", ""}});
  LedgerPlan plan = f.Plan(t);
  ASSERT_EQ(plan.rows.size(), 3u);
  EXPECT_TRUE(Mentions(plan.rows[0].warnings, "与金额计算的50.0%不符"));
  EXPECT_FALSE(Mentions(plan.rows[1].warnings, "不符"));  // a ratio cell (0.5 = 50%)
  EXPECT_FALSE(Mentions(plan.rows[2].warnings, "不符"));  // within half a point
}

TEST(LedgerFiguresTest, CodesStoredAsNumbersOrWithAWrongCheckCharacter) {
  Fixture f;
  auto t = TestTable(kHeaders,
                     {{"甲项目", "500", "甲公司", "9.16101134018534E+17", "", "", "", "", "", ""},
                      {"乙项目", "500", "乙公司", WrongCheckCode(), "", "", "", "", "", ""}});
  LedgerPlan plan = f.Plan(t);
  ASSERT_EQ(plan.rows.size(), 2u);
  const PlanRow& damaged = plan.rows[0];
  EXPECT_EQ(damaged.action, RowAction::kCreate);  // the project still comes in
  EXPECT_FALSE(damaged.owner_code);
  EXPECT_FALSE(damaged.project.owner_credit_code);
  EXPECT_TRUE(Mentions(damaged.warnings, "被 Excel 存成了数字"));
  EXPECT_TRUE(Mentions(damaged.warnings, "D列"));
  const PlanRow& wrong = plan.rows[1];
  EXPECT_EQ(wrong.action, RowAction::kCreate);
  EXPECT_EQ(wrong.project.owner_credit_code, WrongCheckCode());  // kept and flagged
  EXPECT_TRUE(Mentions(wrong.warnings, "校验位错误"));
  bool flagged = false;
  for (const auto& w : wrong.project.warnings)
    flagged = flagged || w.find("校验") != std::string::npos;
  EXPECT_TRUE(flagged);
}

TEST(LedgerFiguresTest, TheOwnerIsFoundByItsCode) {
  Fixture f;
  f.figures.SetOwnerCodes({{ValidCode(), 20}});
  auto t = TestTable(kHeaders, {{"新项目", "500", "城投", ValidCode(), "", "", "", "", "", ""}});
  LedgerPlan plan = f.Plan(t);
  ASSERT_EQ(plan.rows[0].action, RowAction::kCreate);
  EXPECT_EQ(plan.rows[0].project.owner_unit_id, 20);
  EXPECT_TRUE(plan.rows[0].new_owner.empty());
}

TEST(LedgerFiguresTest, APeriodNobodyNamedIsARowError) {
  Fixture f;
  auto t = TestTable({"项目名称", "总投资", "年度计划投资", "累计完成投资"},
                     {{"甲项目", "500", "100", "50"}});
  LedgerPlan plan = f.Plan(t);
  ASSERT_EQ(plan.rows[0].action, RowAction::kError);
  EXPECT_TRUE(Mentions(plan.rows[0].reasons, "无法确定年度计划投资的年份"));
  EXPECT_TRUE(Mentions(plan.rows[0].reasons, "截至哪个月"));
  // The title names it…
  auto titled =
      TestTable({"项目名称", "总投资", "年度计划投资", "累计完成投资"},
                {{"甲项目", "500", "100", "50"}}, "雁塔区2023年重点项目建设进度台账 截至12月底");
  LedgerPlan from_title = f.Plan(titled);
  ASSERT_EQ(from_title.rows[0].action, RowAction::kCreate);
  EXPECT_EQ(from_title.rows[0].balance_period, 202312);
  // …or the import does, and wins over the title.
  LedgerPlan given = f.Plan(titled, 202311);
  EXPECT_EQ(given.rows[0].balance_period, 202311);
}

TEST(LedgerFiguresTest, AnExistingProjectComparesWithWhatIsStored) {
  Fixture f;
  StoredFigures s;
  s.planned = Money::FromWan(10000);
  s.plan_confirmed = true;
  s.reported = Money::FromWan(3000);  // the company's own reports of Jan..Nov
  s.balance_id = 55;
  s.balance = Money::FromWan(8800);
  s.balance_progress = "主体施工";
  s.leader_id = 100;
  std::unordered_map<int64_t, StoredFigures> stored{{7, s}};
  f.figures.SetFigures(stored);
  std::vector<std::string> row = {"城东污水处理厂", "30000", "城投公司", "",         "",
                                  "10000",          "11800", "118",      "主体施工", "王建国"};
  auto same = f.Plan(TestTable(kHeaders, {row}));
  ASSERT_EQ(same.rows[0].action, RowAction::kUnchanged)
      << (same.rows[0].changes.empty() ? "" : same.rows[0].changes[0].field);
  row[5] = "12000";  // the plan changed
  row[6] = "12000";  // and so did the year to date
  auto changed = f.Plan(TestTable(kHeaders, {row}));
  const PlanRow& r = changed.rows[0];
  ASSERT_EQ(r.action, RowAction::kUpdate);
  EXPECT_EQ(r.annual_plan, Money::FromWan(12000));
  EXPECT_EQ(r.opening_balance, Money::FromWan(9000));  // 12000 − 3000 reported by the company
  EXPECT_EQ(r.balance_id, 55);
  // The company already reported December: the sheet's figure is not written over it.
  stored[7].balance_id.reset();
  stored[7].balance = Money{};
  stored[7].company_report_at_month = true;
  f.figures.SetFigures(stored);
  auto company = f.Plan(TestTable(kHeaders, {row}));
  EXPECT_FALSE(company.rows[0].opening_balance);
  EXPECT_TRUE(Mentions(company.rows[0].warnings, "已有项目单位报送的月报"));
}

TEST(LedgerFiguresTest, LeadersAreMatchedNeverGuessed) {
  Fixture f;
  auto t = TestTable(kHeaders, {{"甲项目", "500", "", "", "", "", "", "", "", "李明"},
                                {"乙项目", "500", "", "", "", "", "", "", "", "赵新"},
                                {"丙项目", "500", "", "", "", "", "", "", "", "赵新"}});
  LedgerPlan plan = f.Plan(t);
  EXPECT_EQ(plan.rows[0].action, RowAction::kError);
  EXPECT_TRUE(Mentions(plan.rows[0].reasons, "2位同名人员"));
  EXPECT_EQ(plan.rows[1].new_leader, "赵新");
  EXPECT_EQ(plan.new_leaders, std::vector<std::string>{"赵新"});
}

}  // namespace
}  // namespace keyline::importing
