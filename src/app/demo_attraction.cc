#include "app/demo_attraction.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "app/keyline_app.h"
#include "common/date.h"
#include "core/attraction/lead_rules.h"
#include "core/service/attraction_services.h"
#include "core/service/lead_moves.h"
#include "core/service/project_service.h"
#include "core/service/reference_service.h"
#include "storage/repos/sql_store.h"

namespace keyline {
namespace {

struct DemoLead {
  const char* company;
  const char* industry;
  int64_t intended_wan;
  const char* source;
  const char* unit;  // name substring of the responsible unit
  const char* person;
  const char* next_step;
  LeadStage stage;
  int event = -1;  // index into the events, -1: signed outside an event; no contract before 签约
  int64_t contract_wan = 0;
  int64_t funds_wan = 0;
};

}  // namespace

Result<DemoAttractionResult> SeedDemoAttraction(KeylineApp& app) {
  DemoAttractionResult result;
  const Caller sys = Caller::System("demo");
  AttractionServices& svc = app.attraction();
  const Date today = Date::FromUnixMsBeijing(app.clock().NowMs());
  const int year = today.year;
  // A date of this year, never after today.
  auto on = [&](int month, int day) {
    Date date;
    date.year = year;
    date.month = month;
    date.day = day;
    std::string d = date.ToString();
    return std::min(d, today.ToString());
  };
  // A lead moved on a past day (registration and landing happen weeks after signing): the same
  // rules and audit entry as LeadService::Move, with the history row dated that day (10:00
  // Beijing time, never after now), so that 招商引资落地率 of a past month counts it.
  auto move_on = [&](const Lead& current, LeadStage to, const std::string& date) -> Result<Lead> {
    int64_t at = std::min<int64_t>(app.clock().NowMs(),
                                   Date::Parse(date)->ToDays() * 86400000LL + 2 * 3600000LL);
    const AttractionRepositories& repos = app.store().attraction();
    Lead moved;
    KL_RETURN_IF_ERROR(app.repos().tx->Write([&](Tx& tx) -> Status {
      KL_ASSIGN_OR_RETURN(Lead before, LoadWritableLead(tx, *repos.leads, sys, current.id));
      KL_ASSIGN_OR_RETURN(std::optional<Contract> contract,
                          repos.contracts->ForLead(tx, current.id));
      KL_RETURN_IF_ERROR(CheckLeadMove(before.stage, to, contract.has_value(), ""));
      KL_ASSIGN_OR_RETURN(moved,
                          WriteLeadMove(tx, *repos.leads, app.audit(), sys, before, to, "", at));
      return Status::Ok();
    }));
    return moved;
  };
  auto days_after = [&](const std::string& date, int days) {
    std::string d = Date::FromDays(Date::Parse(date)->ToDays() + days).ToString();
    return std::min(d, today.ToString());
  };
  auto unit_id = [&](const char* name) -> Result<int64_t> {
    UnitQuery q;
    q.text = name;
    KL_ASSIGN_OR_RETURN(PageOf<Unit> page, app.reference().ListUnits(sys, q));
    if (page.items.empty()) return Status::NotFound("演示单位不存在", "demo unit missing");
    return page.items.front().id;
  };

  const EventInput events[] = {
      {std::to_string(year) + "年雁塔区重点项目集中签约活动", on(2, 26), "雁塔区", false, ""},
      {"赴深圳、广州开展产业链精准招商活动", on(4, 12), "深圳、广州", true, ""},
      {"第八届丝博会雁塔区专场签约仪式", on(5, 20), "西安", false, ""},
      {"雁塔区赴长三角招商推介会", on(6, 18), "上海、杭州", true, ""},
  };
  std::vector<int64_t> event_ids;
  for (const EventInput& e : events) {
    KL_ASSIGN_OR_RETURN(SigningEvent created, svc.signing.CreateEvent(sys, e));
    event_ids.push_back(created.id);
    ++result.events;
  }

  const DemoLead leads[] = {
      {"西安云图数智科技有限公司", "I6513", 35000, "以商招商", "商务局", "刘晨",
       "签约后跟进注册及选址", LeadStage::kLanded, 0, 32000, 12000},
      {"陕西秦创新能源装备有限公司", "C3825", 320000, "驻点招商", "工业和信息化局", "赵磊",
       "协调用地预审", LeadStage::kRegistered, 1, 300000, 60000},
      {"深圳市星河半导体材料有限公司", "C3985", 86000, "展会对接", "商务局", "孙悦", "办理工商注册",
       LeadStage::kSigned, 1, 80000, 5000},
      {"杭州智慧医疗器械有限公司", "C3581", 25000, "中介推荐", "科学技术局", "周敏",
       "落实研发楼层租赁", LeadStage::kSigned, 3, 20000, 0},
      {"西安丝路文旅发展有限公司", "R8720", 120000, "以商招商", "商务局", "吴迪", "完成项目备案",
       LeadStage::kSigned, 2, 110000, 20000},
      {"上海聚光新材料科技有限公司", "C2651", 60000, "网络招商", "工业和信息化局", "郑洁",
       "第三轮商务谈判", LeadStage::kNegotiating},
      {"北京中科算力科技有限公司", "I6531", 150000, "驻点招商", "科学技术局", "王强",
       "赴北京总部拜访", LeadStage::kNegotiating},
      {"成都锦程物流有限公司", "G5941", 40000, "展会对接", "商务局", "陈曦", "收集企业需求",
       LeadStage::kLead},
  };
  int contract_no = 1;
  for (const DemoLead& d : leads) {
    LeadInput in;
    in.company = d.company;
    in.industry_code = d.industry;
    in.intended_investment = Money::FromWan(d.intended_wan);
    in.source = d.source;
    KL_ASSIGN_OR_RETURN(in.responsible_unit_id, unit_id(d.unit));
    in.responsible_person = d.person;
    in.next_step = d.next_step;
    in.next_step_date = on(12, 31);
    KL_ASSIGN_OR_RETURN(Lead lead, svc.leads.Create(sys, in));
    ++result.leads;
    if (d.stage == LeadStage::kLead) continue;
    KL_ASSIGN_OR_RETURN(lead,
                        svc.leads.Move(sys, lead.id, LeadStage::kNegotiating, "", lead.version));
    if (d.stage == LeadStage::kNegotiating) continue;
    ContractInput c;
    if (d.event >= 0) c.event_id = event_ids[static_cast<size_t>(d.event)];
    char no[32];
    std::snprintf(no, sizeof no, "YTZS-%d-%03d", year, contract_no++);
    c.contract_no = no;
    c.signed_on = d.event >= 0 ? events[d.event].held_on : on(3, 15);
    c.amount = Money::FromWan(d.contract_wan);
    c.funds_in_place = Money::FromWan(d.funds_wan);
    KL_RETURN_IF_ERROR(svc.signing.Sign(sys, lead.id, c).status());
    KL_ASSIGN_OR_RETURN(LeadDetail detail, svc.leads.Get(sys, lead.id));
    lead = detail.lead;
    // 注册 about six weeks after signing, 落地 four months after.
    const int after_signing[] = {45, 120};
    int step = 0;
    for (LeadStage next : {LeadStage::kRegistered, LeadStage::kLanded}) {
      if (LeadStageRank(next) > LeadStageRank(d.stage)) break;
      KL_ASSIGN_OR_RETURN(lead,
                          move_on(lead, next, days_after(c.signed_on, after_signing[step++])));
    }
  }

  // Two 三个一批 rounds from the ledger: projects under construction start, reserve ones sign,
  // finished ones go into production; the second round's 投产 list follows the first's 开工.
  auto projects_in = [&](Stage stage, int n) -> Result<std::vector<Project>> {
    ProjectQuery q;
    q.stages = {stage};
    q.sort = ProjectSortField::kTotalInvestment;
    q.page.limit = n;
    KL_ASSIGN_OR_RETURN(PageOf<Project> page, app.projects().List(sys, q));
    return page.items;
  };
  const struct {
    const char* name;
    std::string held_on;
    int offset;
  } rounds[] = {
      {"第一季度“三个一批”项目集中签约开工投产活动", on(3, 28), 0},
      {"第二季度“三个一批”项目集中签约开工投产活动", on(6, 28), 4},
  };
  KL_ASSIGN_OR_RETURN(std::vector<Project> starting, projects_in(Stage::kConstruction, 8));
  KL_ASSIGN_OR_RETURN(std::vector<Project> reserve, projects_in(Stage::kReserve, 6));
  KL_ASSIGN_OR_RETURN(std::vector<Project> finished, projects_in(Stage::kProduction, 4));
  for (const auto& r : rounds) {
    RoundInput in;
    in.name = std::to_string(year) + "年" + r.name;
    in.held_on = r.held_on;
    in.place = "雁塔区";
    KL_ASSIGN_OR_RETURN(CampaignRound round, svc.campaigns.Create(sys, in));
    ++result.rounds;
    auto add = [&](const std::vector<Project>& from, size_t begin, size_t n,
                   CampaignCategory category) -> Status {
      for (size_t i = begin; i < std::min(from.size(), begin + n); ++i) {
        KL_RETURN_IF_ERROR(
            svc.campaigns.AddProject(sys, round.id, from[i].id, category, "").status());
      }
      return Status::Ok();
    };
    size_t o = static_cast<size_t>(r.offset);
    KL_RETURN_IF_ERROR(add(starting, o, 4, CampaignCategory::kStart));
    KL_RETURN_IF_ERROR(add(reserve, o / 2, 3, CampaignCategory::kSign));
    KL_RETURN_IF_ERROR(add(finished, o / 2, 2, CampaignCategory::kProduction));
  }

  // The office's targets for the year.
  KL_ASSIGN_OR_RETURN(int64_t commerce, unit_id("商务局"));
  KL_ASSIGN_OR_RETURN(int64_t science, unit_id("科学技术局"));
  const struct {
    const char* title;
    double value;
    const char* unit;
    TargetMeasure measure;
    int64_t threshold_wan;
    int64_t responsible;
  } targets[] = {
      {"组织外出招商活动20场以上", 20, "场", TargetMeasure::kOutboundEvents, 0, commerce},
      {"落地30亿元级项目2个以上", 2, "个", TargetMeasure::kLandedLeads, 300000, commerce},
      {"全年签约招商引资项目金额100亿元以上", 100, "亿元", TargetMeasure::kSignedAmount, 0,
       commerce},
      {"新开工亿元以上项目15个以上", 15, "个", TargetMeasure::kStartedProjects, 10000, 0},
      {"年内培育科技型中小企业420家以上", 420, "家", TargetMeasure::kManual, 0, science},
  };
  for (const auto& t : targets) {
    TargetInput in;
    in.year = year;
    in.title = t.title;
    in.target_value = t.value;
    in.unit = t.unit;
    in.measure = t.measure;
    if (t.threshold_wan) in.threshold = Money::FromWan(t.threshold_wan);
    if (t.responsible) in.responsible_unit_id = t.responsible;
    KL_ASSIGN_OR_RETURN(Target target, svc.targets.Create(sys, in));
    ++result.targets;
    if (t.measure == TargetMeasure::kManual) {
      KL_RETURN_IF_ERROR(
          svc.targets.RecordActual(sys, target.id, 236, today.ToString(), "科技局认定数").status());
    }
  }
  return result;
}

}  // namespace keyline
