#include "app/demo_funds.h"

#include <algorithm>

#include "app/keyline_app.h"
#include "common/date.h"
#include "core/service/factor_service.h"
#include "core/service/fund_service.h"
#include "core/service/key_list_service.h"
#include "core/service/project_service.h"

namespace keyline {
namespace {

// The demo account as a caller, so that the four-eyes rule of key lists has two people.
Result<Caller> Account(KeylineApp& app, const char* username) {
  Caller caller;
  Status st = app.repos().tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(User user, app.repos().users->GetByUsername(tx, username));
    caller = CallerFor(user, "127.0.0.1", "demo");
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return caller;
}

std::string DaysBefore(const Date& today, int days) {
  return Date::FromDays(today.ToDays() - days).ToString();
}

}  // namespace

Result<DemoFundsResult> SeedDemoFunds(KeylineApp& app) {
  DemoFundsResult result;
  KL_ASSIGN_OR_RETURN(Caller fgw, Account(app, "fgw"));
  KL_ASSIGN_OR_RETURN(Caller admin, Account(app, "admin"));
  Date today = Date::FromUnixMsBeijing(app.clock().NowMs());
  const int year = today.year;

  std::vector<Project> projects;
  ProjectQuery query;
  query.sort = ProjectSortField::kId;
  query.descending = false;
  query.page.limit = 500;
  KL_ASSIGN_OR_RETURN(PageOf<Project> page, app.projects().List(fgw, query));
  projects = std::move(page.items);

  // Funding lines: government money for the larger projects under construction.
  int n = 0;
  for (const Project& p : projects) {
    if (p.stage != Stage::kConstruction || p.total_investment < Money::FromWan(20000)) continue;
    if (n >= 12) break;
    FundingSource source = n % 3 == 0   ? FundingSource::kCentralBudget
                           : n % 3 == 1 ? FundingSource::kSpecialBond
                                        : FundingSource::kUltraLongBond;
    KL_ASSIGN_OR_RETURN(FundLine line,
                        app.funds().CreateLine(fgw, p.id, {source, year, "演示资金"}));
    ++result.lines;
    int64_t applied = p.total_investment.cents / 10 / Money::kCentsPerWan * Money::kCentsPerWan;
    int64_t issued = applied * (70 + n * 2) / 100 / Money::kCentsPerWan * Money::kCentsPerWan;
    int64_t arrived = issued * 8 / 10 / Money::kCentsPerWan * Money::kCentsPerWan;
    int64_t paid = arrived * (50 + n * 3) / 100 / Money::kCentsPerWan * Money::kCentsPerWan;
    // The first central-budget batch arrived 30 days ago: its forwarding is overdue.
    int issued_ago = n == 0 ? 30 : 120 - n * 5;
    struct Step {
      FundStage stage;
      int64_t cents;
      int days_ago;
      std::string doc;
    };
    const Step steps[] = {
        {FundStage::kApplied, applied, 200, ""},
        {FundStage::kIssued, issued, issued_ago,
         "雁发改投资〔" + std::to_string(year) + "〕" + std::to_string(20 + n) + "号"},
        {FundStage::kArrived, arrived, std::max(issued_ago - 15, 1), ""},
        {FundStage::kPaid, paid, std::max(issued_ago - 25, 1), ""},
    };
    int64_t version = line.version;
    for (const Step& s : steps) {
      if (n == 0 && s.stage != FundStage::kApplied && s.stage != FundStage::kIssued) break;
      FundEventInput e;
      e.stage = s.stage;
      e.amount = Money{s.cents};
      e.date = DaysBefore(today, s.days_ago);
      e.doc_no = s.doc;
      e.expected_version = version;
      KL_ASSIGN_OR_RETURN(FundLine after, app.funds().AddEvent(fgw, line.id, e));
      version = after.version;
      ++result.events;
    }
    ++n;
  }

  // The provincial and city key lists of the year, as the office proposed them and the
  // administrator approved them (the district list is left for the office to draw up).
  for (ProjectLevel level : {ProjectLevel::kProvincial, ProjectLevel::kCity}) {
    KeyListProposal proposal;
    proposal.action = KeyListAction::kAdd;
    proposal.effective_on = std::to_string(year) + "-01-01";
    proposal.reason = "年初下达" + std::to_string(year) + "年重点项目名单";
    for (const Project& p : projects) {
      if (p.level == level && p.stage != Stage::kWithdrawn) proposal.project_ids.push_back(p.id);
    }
    if (proposal.project_ids.empty()) continue;
    KL_ASSIGN_OR_RETURN(std::vector<KeyListChange> changes,
                        app.key_lists().Propose(fgw, year, level, proposal));
    for (const KeyListChange& c : changes) {
      KL_RETURN_IF_ERROR(app.key_lists().Decide(admin, c.id, true, "同意").status());
      ++result.key_list_members;
    }
  }

  // Land and energy for projects being prepared or built; some guarantees are late.
  int m = 0;
  for (const Project& p : projects) {
    if (p.stage != Stage::kPreliminary && p.stage != Stage::kConstruction) continue;
    if (m >= 10) break;
    FactorInput land;
    land.demanded = (30 + m * 7) * 1000000LL;
    bool late = m % 4 == 1;
    land.guaranteed = late ? land.demanded / 2 : land.demanded;
    land.due_on = DaysBefore(today, late ? 20 : 90);
    if (!late) land.guaranteed_on = DaysBefore(today, 100);
    land.note = late ? "土地征收补偿未完成" : "已供地";
    KL_RETURN_IF_ERROR(app.factors().Put(fgw, p.id, FactorKind::kLand, land).status());
    FactorInput energy;
    energy.demanded = (800 + m * 150) * 1000000LL;
    energy.guaranteed = energy.demanded;
    energy.due_on = DaysBefore(today, 60);
    energy.guaranteed_on = DaysBefore(today, 70);
    energy.note = "节能审查已通过";
    KL_RETURN_IF_ERROR(app.factors().Put(fgw, p.id, FactorKind::kEnergy, energy).status());
    result.factors += 2;
    ++m;
  }
  return result;
}

}  // namespace keyline
