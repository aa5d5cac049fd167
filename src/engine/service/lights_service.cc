#include "engine/service/lights_service.h"

#include <algorithm>
#include <map>
#include <set>

#include "common/date.h"
#include "common/json_writer.h"
#include "core/service/engine_access.h"
#include "core/service/project_access.h"
#include "core/service/supervision_access.h"

namespace keyline::engine {
namespace {

Status Field(const char* field, const std::string& zh, const std::string& en) {
  return Status::InvalidArgument(zh, en, {{field, zh, en}});
}

bool MayWriteRules(Role r) { return MayConfigureEngine(r); }

// A stored judgement for ApplyJudgements; nullopt when its dimension is no longer known.
std::optional<LightJudgement> FromRow(const LightJudgementRow& r) {
  LightJudgement j;
  j.id = r.id;
  j.project_id = r.project_id;
  j.period = r.period;
  if (r.dimension != "overall") {
    j.dimension = ParseDimension(r.dimension);
    if (!j.dimension) return std::nullopt;
  }
  j.colour = ParseColour(r.colour).value_or(LightColour::kRed);
  return j;
}

int PeriodOfToday(const std::string& today) {
  return std::stoi(today.substr(0, 4)) * 100 + std::stoi(today.substr(5, 2));
}

std::string RulesJson(const LightRuleSet& s) {
  JsonWriter w;
  w.BeginObject().Key("rules").BeginArray();
  for (const LightRule& r : s.rules) {
    w.BeginObject()
        .Key("dimension")
        .String(DimensionCode(r.dimension))
        .Key("enabled")
        .Bool(r.enabled)
        .Key("yellow")
        .Int(r.yellow)
        .Key("red")
        .Int(r.red)
        .Key("red_items")
        .Int(r.red_items)
        .EndObject();
  }
  w.EndArray().Key("forecast_warning_percent").Int(s.forecast_warning_percent);
  w.Key("dispatch_yellow_months").Int(s.dispatch_yellow_months).EndObject();
  return w.Take();
}

}  // namespace

LightRuleSet RulesFromRows(const std::vector<LightRuleRow>& rows) {
  LightRuleSet s = DefaultLightRules();
  for (const LightRuleRow& row : rows) {
    if (row.dimension == "forecast") {
      s.forecast_warning_percent = row.yellow;
    } else if (row.dimension == "dispatch") {
      s.dispatch_yellow_months = row.yellow;
    } else if (auto d = ParseDimension(row.dimension)) {
      s.rule(*d) = {*d, row.enabled, row.yellow, row.red, row.red_items};
    }
  }
  return s;
}

std::vector<LightRuleRow> RowsFromRules(const LightRuleSet& s) {
  std::vector<LightRuleRow> rows;
  for (const LightRule& r : s.rules) {
    rows.push_back(
        {std::string(DimensionCode(r.dimension)), r.enabled, r.yellow, r.red, r.red_items});
  }
  rows.push_back({"forecast", true, s.forecast_warning_percent, 0, 0});
  rows.push_back({"dispatch", true, s.dispatch_yellow_months, 0, 0});
  return rows;
}

std::string LightsService::Today() const { return BeijingToday(clock_.NowMs()); }
std::shared_ptr<const FactsIndex> LightsService::IndexFor(const Facts& f) {
  std::lock_guard<std::mutex> lock(index_mu_);
  CachedIndex key{&f,
                  f.change_count(),
                  f.projects.size(),
                  f.plans.size(),
                  f.reports.size(),
                  f.funds.size(),
                  f.procedures.size(),
                  nullptr};
  bool same = index_.index && key.facts == index_.facts &&
              key.change_count == index_.change_count && key.projects == index_.projects &&
              key.plans == index_.plans && key.reports == index_.reports &&
              key.funds == index_.funds && key.procedures == index_.procedures;
  if (!same) {
    key.index = std::make_shared<const FactsIndex>(FactsIndex::Build(f));
    index_ = std::move(key);
  }
  return index_.index;
}

int LightsService::CurrentPeriod() const { return PeriodOfToday(Today()); }

Status LightsService::CheckPeriod(int period) const {
  int month = period % 100;
  if (period < 200001 || month < 1 || month > 12 || period > PeriodOfToday(Today())) {
    return Field("period", "期间应为 YYYYMM，且不晚于本月",
                 "period must be YYYYMM and not after the current month");
  }
  return Status::Ok();
}

Result<LightContext> LightsService::ContextFor(Tx& tx, int period, std::optional<int32_t> as_of) {
  LightContext c;
  c.period = period;
  std::string today = Today();
  int32_t today_key = DateKey(today);
  c.as_of = std::min(std::min(today_key, as_of.value_or(today_key)), PeriodEndDate(period));
  int prev = PeriodOfIndex(MonthIndex(period) - 1);
  KL_ASSIGN_OR_RETURN(ReportWindow window, reporting_.Window(tx, prev));
  c.report_due = DateKey(window.due_on);
  // Memoised per request: many procedures share a due date, and the calendar counts day by day.
  const WorkingCalendar* cal = &calendar_;
  auto memo = std::make_shared<std::map<std::pair<int32_t, int32_t>, int>>();
  c.working_days = [cal, memo](int32_t from, int32_t to) {
    auto [it, added] = memo->try_emplace({from, to}, 0);
    if (added) {
      Date a{from / 10000, (from / 100) % 100, from % 100};
      Date b{to / 10000, (to / 100) % 100, to % 100};
      it->second = cal->WorkingDaysBetween(a, b);
    }
    return it->second;
  };
  return c;
}

Result<LightRuleSet> LightsService::LoadRules(Tx& tx) {
  KL_ASSIGN_OR_RETURN(std::vector<LightRuleRow> rows, lights_.lights->Rules(tx));
  return RulesFromRows(rows);
}

Result<LightsService::Evaluated> LightsService::Evaluate(Tx& tx, const ProjectScope& scope,
                                                         int period, const Facts& facts,
                                                         const FactsIndex& index,
                                                         std::optional<int32_t> as_of) {
  Evaluated out;
  KL_ASSIGN_OR_RETURN(out.rules, LoadRules(tx));
  KL_ASSIGN_OR_RETURN(out.context, ContextFor(tx, period, as_of));
  KL_ASSIGN_OR_RETURN(std::vector<ProjectLabel> labels, lights_.lights->VisibleProjects(tx, scope));
  KL_ASSIGN_OR_RETURN(std::vector<LightJudgementRow> rows,
                      lights_.lights->Judgements(tx, period, period, std::nullopt));
  for (const LightJudgementRow& r : rows) {
    if (auto j = FromRow(r)) out.judgements[r.project_id].push_back(std::move(*j));
  }
  LightContext colours_only = out.context;
  colours_only.reasons = false;
  for (ProjectLabel& label : labels) {
    auto row = facts.project_row.find(label.id);
    if (row == facts.project_row.end() || !HasLights(facts, row->second)) continue;
    ProjectLights lights =
        EvaluateProjectLights(facts, index, row->second, out.rules, colours_only);
    if (auto j = out.judgements.find(label.id); j != out.judgements.end()) {
      ApplyJudgements(&lights, j->second);
    }
    out.items.push_back({std::move(label), std::move(lights)});
  }
  return out;
}

void LightsService::WithReasons(const Evaluated& ev, const Facts& facts, const FactsIndex& index,
                                LightsItem* item) {
  item->lights = EvaluateProjectLights(facts, index, item->lights.row, ev.rules, ev.context);
  if (auto j = ev.judgements.find(item->project.id); j != ev.judgements.end()) {
    ApplyJudgements(&item->lights, j->second);
  }
}

Result<LightsPage> LightsService::List(const Caller& caller, const LightsQuery& q) {
  KL_RETURN_IF_ERROR(CheckPeriod(q.period));
  KL_ASSIGN_OR_RETURN(FactsView view, facts_.Read());
  std::shared_ptr<const FactsIndex> index_ptr = IndexFor(view.facts());
  const FactsIndex& index = *index_ptr;
  LightsPage page;
  page.period = q.period;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Evaluated ev,
                        Evaluate(tx, ScopeFor(caller, Today()), q.period, view.facts(), index));
    std::vector<LightsItem> matching;
    for (LightsItem& item : ev.items) {
      if (q.unit_id && item.project.unit_id != *q.unit_id) continue;
      if (q.dimension) {
        const DimensionLight* d = nullptr;
        for (const auto& l : item.lights.dimensions) {
          if (l.dimension == *q.dimension) d = &l;
        }
        if (!d) continue;
        if (q.colour ? d->colour != *q.colour : d->colour == LightColour::kGreen) continue;
      } else if (q.colour && item.lights.overall != *q.colour) {
        continue;
      }
      matching.push_back(std::move(item));
    }
    // Most severe first, then by project id.
    std::stable_sort(matching.begin(), matching.end(), [](const auto& a, const auto& b) {
      return a.lights.overall > b.lights.overall;
    });
    for (const LightsItem& item : matching) {
      switch (item.lights.overall) {
        case LightColour::kGreen:
          ++page.green;
          break;
        case LightColour::kYellow:
          ++page.yellow;
          break;
        case LightColour::kRed:
          ++page.red;
          break;
      }
    }
    page.total = static_cast<int>(matching.size());
    size_t from = static_cast<size_t>(q.page - 1) * q.page_size;
    for (size_t i = from; i < matching.size() && i < from + q.page_size; ++i) {
      WithReasons(ev, view.facts(), index, &matching[i]);
      page.items.push_back(std::move(matching[i]));
    }
    return Status::Ok();
  }));
  return page;
}

Result<std::map<int64_t, LightColour>> LightsService::OverallColours(const Caller& caller,
                                                                     int period) {
  KL_RETURN_IF_ERROR(CheckPeriod(period));
  KL_ASSIGN_OR_RETURN(FactsView view, facts_.Read());
  std::shared_ptr<const FactsIndex> index = IndexFor(view.facts());
  std::map<int64_t, LightColour> out;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Evaluated ev,
                        Evaluate(tx, ScopeFor(caller, Today()), period, view.facts(), *index));
    for (const LightsItem& item : ev.items) out.emplace(item.project.id, item.lights.overall);
    return Status::Ok();
  }));
  return out;
}

Result<ProjectLightsDetail> LightsService::ForProject(const Caller& caller, int64_t id,
                                                      int period) {
  KL_RETURN_IF_ERROR(CheckPeriod(period));
  std::string today = Today();
  KL_ASSIGN_OR_RETURN(FactsView view, facts_.Read());
  const Facts& facts = view.facts();
  ProjectLightsDetail out;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Project project,
                        LoadVisibleProject(*repos_.projects, tx, caller, id, today));
    auto row = facts.project_row.find(id);
    if (row == facts.project_row.end() || !HasLights(facts, row->second)) {
      return Status::NotFound("该项目没有红黄绿灯（谋划或已退出的项目不亮灯）",
                              "this project has no lights (conceived or withdrawn projects)");
    }
    KL_ASSIGN_OR_RETURN(LightRuleSet rules, LoadRules(tx));
    KL_ASSIGN_OR_RETURN(LightContext context, ContextFor(tx, period));
    std::shared_ptr<const FactsIndex> index_ptr = IndexFor(facts);
    const FactsIndex& index = *index_ptr;
    ProjectLights lights = EvaluateProjectLights(facts, index, row->second, rules, context);
    KL_ASSIGN_OR_RETURN(out.judgements, lights_.lights->Judgements(tx, period, period, id));
    std::vector<LightJudgement> js;
    for (const LightJudgementRow& r : out.judgements) {
      if (auto j = FromRow(r)) js.push_back(std::move(*j));
    }
    ApplyJudgements(&lights, js);
    ProjectLabel label{id, project.code.value_or(""), project.name,
                       project.responsible_unit_id.value_or(0), ""};
    if (label.unit_id) {
      auto unit = repos_.units->Get(tx, label.unit_id);
      if (unit.ok()) label.unit_name = unit->name;
    }
    out.item = {std::move(label), std::move(lights)};
    return Status::Ok();
  }));
  return out;
}

Result<LightJudgementRow> LightsService::Judge(const Caller& caller, int64_t project_id,
                                               JudgementInput in) {
  KL_RETURN_IF_ERROR(CheckPeriod(in.period));
  std::optional<LightDimension> dimension;
  if (in.dimension != "overall") {
    dimension = ParseDimension(in.dimension);
    if (!dimension) {
      return Field("dimension",
                   "维度无效，可选：overall, start, progress, statistics, funds, reporting, "
                   "procedures",
                   "unknown dimension; expected overall, start, progress, statistics, funds, "
                   "reporting or procedures");
    }
  }
  auto colour = ParseColour(in.colour);
  if (!colour)
    return Field("colour", "灯色应为 green、yellow 或 red", "colour must be green, yellow or red");
  if (in.reason.empty() || in.reason.size() > 1500) {
    return Field("reason", "研判理由不能为空且不超过 500 字", "reason must be 1..500 characters");
  }
  if (!MayJudgeLights(caller.role)) {
    return Status::Forbidden("当前角色无权人工研判灯色",
                             "this role may not record manual light judgements");
  }
  // The computed colour now (scope is checked again in the write transaction).
  KL_ASSIGN_OR_RETURN(ProjectLightsDetail detail, ForProject(caller, project_id, in.period));
  LightColour computed = detail.item.lights.computed_overall;
  if (dimension) {
    bool found = false;
    for (const DimensionLight& d : detail.item.lights.dimensions) {
      if (d.dimension == *dimension) {
        computed = d.computed_colour;
        found = true;
      }
    }
    if (!found) return Field("dimension", "该维度未启用", "this dimension is not enabled");
  }
  KL_RETURN_IF_ERROR(CheckJudgement(computed, *colour));
  LightJudgementRow row;
  row.project_id = project_id;
  row.period = in.period;
  row.dimension = in.dimension;
  row.colour = std::string(ColourCode(*colour));
  row.computed_colour = std::string(ColourCode(computed));
  row.reason = std::move(in.reason);
  row.created_by = caller.user_id;
  row.created_by_name = caller.Name();
  row.created_at = clock_.NowMs();
  std::string today = Today();
  KL_RETURN_IF_ERROR(repos_.tx->Write([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(
        LoadVisibleProject(*repos_.projects, tx, caller, project_id, today).status());
    KL_ASSIGN_OR_RETURN(row.id, lights_.lights->InsertJudgement(tx, row));
    JsonWriter w;
    w.BeginObject()
        .Key("project_id")
        .Int(project_id)
        .Key("period")
        .Int(row.period)
        .Key("dimension")
        .String(row.dimension)
        .Key("colour")
        .String(row.colour)
        .Key("computed_colour")
        .String(row.computed_colour)
        .Key("reason")
        .String(row.reason)
        .EndObject();
    return audit_.Record(tx, caller, "create", "light_judgement", std::to_string(row.id), "",
                         w.Take());
  }));
  return row;
}

Result<LightRuleSet> LightsService::Rules() {
  LightRuleSet out;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, LoadRules(tx));
    return Status::Ok();
  }));
  return out;
}

Status LightsService::PutRules(const Caller& caller, const LightRuleSet& rules) {
  if (!MayWriteRules(caller.role)) {
    return Status::Forbidden("只有管理员和发改部门可以修改灯色规则",
                             "only admin and supervisor may change the light rules");
  }
  KL_RETURN_IF_ERROR(ValidateLightRules(rules));
  return repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(LightRuleSet before, LoadRules(tx));
    std::vector<LightRuleRow> rows = RowsFromRules(rules);
    for (LightRuleRow& r : rows) {
      r.updated_by = caller.user_id;
      r.updated_at = clock_.NowMs();
    }
    KL_RETURN_IF_ERROR(lights_.lights->PutRules(tx, rows));
    return audit_.Record(tx, caller, "update", "light_rules", "shipped", RulesJson(before),
                         RulesJson(rules));
  });
}

Result<std::vector<ForecastRow>> LightsService::Forecast(const Caller& caller, int period,
                                                         const std::string& group_by) {
  KL_RETURN_IF_ERROR(CheckPeriod(period));
  if (group_by != "area" && group_by != "unit" && group_by != "project") {
    return Field("group_by", "分组应为 area、unit 或 project",
                 "group_by must be area, unit or project");
  }
  KL_ASSIGN_OR_RETURN(FactsView view, facts_.Read());
  const Facts& facts = view.facts();
  std::shared_ptr<const FactsIndex> index_ptr = IndexFor(facts);
  const FactsIndex& index = *index_ptr;
  std::vector<ForecastRow> rows;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(LightRuleSet rules, LoadRules(tx));
    ForecastOptions o{period, rules.forecast_warning_percent,
                      rules.rule(LightDimension::kProgress).yellow};
    KL_ASSIGN_OR_RETURN(std::vector<ProjectLabel> labels,
                        lights_.lights->VisibleProjects(tx, ScopeFor(caller, Today())));
    std::map<std::string, ForecastRow> groups;
    std::vector<std::string> order;
    for (const ProjectLabel& label : labels) {
      auto row = facts.project_row.find(label.id);
      if (row == facts.project_row.end() || !HasLights(facts, row->second)) continue;
      ProjectForecast f = ForecastProject(facts, index, row->second, o);
      if (!f.has_plan) continue;
      std::string key = group_by == "area" ? "area"
                        : group_by == "unit"
                            ? (label.unit_id ? std::to_string(label.unit_id) : "none")
                            : std::to_string(label.id);
      auto [it, added] = groups.try_emplace(key);
      if (added) {
        order.push_back(key);
        it->second.key = key;
        it->second.label = group_by == "area" ? "全区"
                           : group_by == "unit" ? (label.unit_id ? label.unit_name : "未指定单位")
                                                : label.name;
      }
      AddToTotal(&it->second.total, f);
    }
    for (const std::string& key : order) {
      ForecastRow& r = groups[key];
      FinishTotal(&r.total, o);
      rows.push_back(std::move(r));
    }
    return Status::Ok();
  }));
  return rows;
}

Result<ProjectForecast> LightsService::ProjectForecastOf(const Caller& caller, int64_t id,
                                                         int period) {
  KL_RETURN_IF_ERROR(CheckPeriod(period));
  std::string today = Today();
  KL_ASSIGN_OR_RETURN(FactsView view, facts_.Read());
  const Facts& facts = view.facts();
  ProjectForecast out;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(LoadVisibleProject(*repos_.projects, tx, caller, id, today).status());
    KL_ASSIGN_OR_RETURN(LightRuleSet rules, LoadRules(tx));
    auto row = facts.project_row.find(id);
    if (row == facts.project_row.end()) {
      return Status::NotFound("项目尚未载入指标引擎", "the project is not in the engine yet");
    }
    std::shared_ptr<const FactsIndex> index_ptr = IndexFor(facts);
    const FactsIndex& index = *index_ptr;
    out = ForecastProject(
        facts, index, row->second,
        {period, rules.forecast_warning_percent, rules.rule(LightDimension::kProgress).yellow});
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<DispatchRow>> LightsService::Dispatch(const Caller& caller, int period) {
  KL_RETURN_IF_ERROR(CheckPeriod(period));
  KL_ASSIGN_OR_RETURN(FactsView view, facts_.Read());
  const Facts& facts = view.facts();
  std::shared_ptr<const FactsIndex> index_ptr = IndexFor(facts);
  const FactsIndex& index = *index_ptr;
  std::vector<DispatchRow> out;
  std::string today = Today();
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    ProjectScope scope = ScopeFor(caller, today);
    KL_ASSIGN_OR_RETURN(Evaluated now, Evaluate(tx, scope, period, facts, index));
    // Consecutive months yellow or worse, counting back from this one.
    std::map<int64_t, int> streak;
    std::set<int64_t> running;
    for (const LightsItem& item : now.items) {
      if (item.lights.overall != LightColour::kGreen) {
        streak[item.lights.project_id] = 1;
        running.insert(item.lights.project_id);
      }
    }
    for (int back = 1; back < now.rules.dispatch_yellow_months && !running.empty(); ++back) {
      int p = PeriodOfIndex(MonthIndex(period) - back);
      KL_ASSIGN_OR_RETURN(Evaluated before, Evaluate(tx, scope, p, facts, index));
      std::set<int64_t> still;
      for (const LightsItem& item : before.items) {
        int64_t id = item.lights.project_id;
        if (running.count(id) && item.lights.overall != LightColour::kGreen) {
          ++streak[id];
          still.insert(id);
        }
      }
      running = std::move(still);
    }
    ForecastOptions o{period, now.rules.forecast_warning_percent,
                      now.rules.rule(LightDimension::kProgress).yellow};
    std::map<int64_t, ProjectForecast> forecasts;
    std::vector<ProjectLights> lights;
    std::map<int64_t, const ProjectLabel*> labels;
    for (LightsItem& item : now.items) {
      if (item.lights.overall != LightColour::kGreen) WithReasons(now, facts, index, &item);
      lights.push_back(item.lights);
      labels[item.project.id] = &item.project;
      ProjectForecast f = ForecastProject(facts, index, item.lights.row, o);
      if (f.warning) forecasts[item.project.id] = std::move(f);
    }
    std::vector<DispatchItem> items = BuildDispatchList(lights, streak, forecasts, now.rules);
    std::vector<int64_t> leaders;
    for (const DispatchItem& d : items) {
      int64_t leader = facts.projects.leader[facts.project_row.at(d.project_id)];
      if (leader) leaders.push_back(leader);
    }
    KL_ASSIGN_OR_RETURN(auto names, lights_.lights->PeopleNames(tx, leaders));
    for (DispatchItem& d : items) {
      DispatchRow row;
      row.project = *labels[d.project_id];
      int64_t leader = facts.projects.leader[facts.project_row.at(d.project_id)];
      if (auto n = names.find(leader); n != names.end()) row.leader_name = n->second;
      row.item = std::move(d);
      out.push_back(std::move(row));
    }
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<RedProject>> LightsService::RedProjectsIn(Tx& tx, const ProjectScope& scope,
                                                             const std::string& date) {
  auto d = Date::Parse(date);
  if (!d.ok()) return d.status();
  // A meeting planned for a later month is proposed this month's red projects.
  int period = std::min(d->year * 100 + d->month, CurrentPeriod());
  KL_ASSIGN_OR_RETURN(FactsView view, facts_.Read());
  std::shared_ptr<const FactsIndex> index_ptr = IndexFor(view.facts());
  const FactsIndex& index = *index_ptr;
  // Judged as of the meeting day, so an agenda never says "still missing on" a later day.
  KL_ASSIGN_OR_RETURN(Evaluated ev,
                      Evaluate(tx, scope, period, view.facts(), index, DateKey(date)));
  std::vector<std::pair<int, RedProject>> red;
  for (LightsItem& item : ev.items) {
    if (item.lights.overall != LightColour::kRed) continue;
    WithReasons(ev, view.facts(), index, &item);
    RedProject r{item.project.id, "", {}};
    for (const DimensionLight& l : item.lights.dimensions) {
      if (l.colour != LightColour::kRed) continue;
      if (!r.reason.empty()) r.reason += "；";
      r.reason += l.reason_zh;
      r.causes.push_back(l.reason_zh);
    }
    if (r.reason.empty()) r.reason = "综合红灯";
    int count = static_cast<int>(r.causes.size());
    red.push_back({count, std::move(r)});
  }
  std::stable_sort(red.begin(), red.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<RedProject> out;
  for (auto& r : red) out.push_back(std::move(r.second));
  return out;
}

}  // namespace keyline::engine
