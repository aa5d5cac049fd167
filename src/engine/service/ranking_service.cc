#include "engine/service/ranking_service.h"

#include <map>
#include <set>

#include "common/json_writer.h"
#include "core/service/engine_access.h"
#include "core/service/project_access.h"
#include "core/service/supervision_access.h"
#include "engine/ranking_measures.h"

namespace keyline::engine {
namespace {

Status Forbidden() {
  return Status::Forbidden("只有管理员和发改部门可以维护排名方案和豁免",
                           "only admin and supervisor may change ranking schemes and exemptions");
}
bool MayWrite(Role r) { return MayConfigureEngine(r); }

// Unit id → rate of one component for the period ending in last_month.
Result<std::map<int64_t, std::optional<Rational>>> ComponentRates(const Facts& facts,
                                                                  IndicatorCatalogue& catalogue,
                                                                  const std::string& code,
                                                                  const RankingPeriod& p) {
  if (IsBuiltinMeasure(code)) return BuiltinUnitMeasure(facts, code, p.first_month, p.last_month);
  KL_ASSIGN_OR_RETURN(auto indicator, catalogue.Find(code));
  EvalOptions o;
  o.period = p.last_month;
  o.grouping.by = GroupBy::kUnit;
  o.drilldown = false;
  KL_ASSIGN_OR_RETURN(std::vector<IndicatorValue> values, EvaluateIndicator(facts, *indicator, o));
  std::map<int64_t, std::optional<Rational>> out;
  for (const IndicatorValue& v : values) {
    if (v.key == "none" || v.key == "area") continue;
    out[std::stoll(v.key)] = v.rate;
  }
  return out;
}

}  // namespace

std::string RankingSchemeJson(const RankingScheme& s) {
  JsonWriter w;
  w.BeginObject().Key("code").String(s.code).Key("name_zh").String(s.name_zh);
  w.Key("name_en").String(s.name_en);
  w.Key("period_kind").String(s.period_kind == RankingPeriodKind::kMonth ? "month" : "quarter");
  w.Key("groups").BeginArray();
  for (const RankingGroup& g : s.groups) {
    w.BeginObject().Key("code").String(g.code).Key("name_zh").String(g.name_zh);
    w.Key("unit_ids").BeginArray();
    for (int64_t u : g.unit_ids) w.Int(u);
    w.EndArray().Key("unit_kinds").BeginArray();
    for (const std::string& k : g.unit_kinds) w.String(k);
    w.EndArray().EndObject();
  }
  w.EndArray().Key("components").BeginArray();
  for (const RankingComponent& c : s.components) {
    w.BeginObject().Key("indicator").String(c.indicator).Key("weight").Int(c.weight);
    w.Key("name_zh").String(c.name_zh).EndObject();
  }
  w.EndArray();
  w.Key("red_list").BeginObject().Key("top_n").Int(s.red_top_n);
  w.Key("require_target").Bool(s.red_require_target);
  w.Key("target_percent").Int(s.red_target_percent).EndObject();
  w.Key("black_list").BeginObject().Key("bottom_n").Int(s.black_bottom_n);
  w.Key("missed_target").Bool(s.black_missed_target);
  w.Key("target_percent").Int(s.black_target_percent).EndObject();
  w.Key("visible_to_all").Bool(s.visible_to_all);
  w.Key("updated_at").Int(s.updated_at);
  w.EndObject();
  return w.Take();
}

std::string RankingService::Today() const { return BeijingToday(clock_.NowMs()); }

Status RankingService::Validate(const RankingScheme& s) {
  return ValidateRankingScheme(s, [this](std::string_view code) {
    return IsBuiltinMeasure(code) || indicators_.Find(code).ok();
  });
}

Result<std::vector<RankingScheme>> RankingService::List() {
  std::vector<RankingScheme> out;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, lights_.rankings->List(tx));
    return Status::Ok();
  }));
  return out;
}

Result<RankingScheme> RankingService::Get(const std::string& code) {
  RankingScheme out;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, lights_.rankings->Get(tx, code));
    return Status::Ok();
  }));
  return out;
}

Result<RankingScheme> RankingService::Create(const Caller& caller, RankingScheme s) {
  if (!MayWrite(caller.role)) return Forbidden();
  KL_RETURN_IF_ERROR(Validate(s));
  s.updated_by = caller.user_id;
  s.updated_at = clock_.NowMs();
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(lights_.rankings->Insert(tx, s));
    return audit_.Record(tx, caller, "create", "ranking_scheme", s.code, "", RankingSchemeJson(s));
  });
  if (st.code() == ErrorCode::kConflict) {
    return Status::Conflict("排名方案编码已存在：" + s.code,
                            "a ranking scheme with code " + s.code + " exists");
  }
  KL_RETURN_IF_ERROR(st);
  return s;
}

Result<RankingScheme> RankingService::Update(const Caller& caller, RankingScheme s) {
  if (!MayWrite(caller.role)) return Forbidden();
  KL_RETURN_IF_ERROR(Validate(s));
  s.updated_by = caller.user_id;
  s.updated_at = clock_.NowMs();
  KL_RETURN_IF_ERROR(repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(RankingScheme before, lights_.rankings->Get(tx, s.code));
    KL_RETURN_IF_ERROR(lights_.rankings->Update(tx, s));
    return audit_.Record(tx, caller, "update", "ranking_scheme", s.code, RankingSchemeJson(before),
                         RankingSchemeJson(s));
  }));
  return s;
}

Status RankingService::Delete(const Caller& caller, const std::string& code) {
  if (!MayWrite(caller.role)) return Forbidden();
  return repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(RankingScheme before, lights_.rankings->Get(tx, code));
    KL_RETURN_IF_ERROR(lights_.rankings->Delete(tx, code));
    return audit_.Record(tx, caller, "delete", "ranking_scheme", code, RankingSchemeJson(before),
                         "");
  });
}

Result<RankingResult> RankingService::Rank(const Caller& caller, const std::string& code,
                                           const std::string& period_text) {
  RankingResult out;
  std::vector<ProjectLabel> labels;
  std::vector<UnitLabel> units;
  std::vector<RankingExemption> exemptions;
  std::string today = Today();
  ProjectScope scope = ScopeFor(caller, today);
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out.scheme, lights_.rankings->Get(tx, code));
    KL_ASSIGN_OR_RETURN(out.period, ParseRankingPeriod(period_text, out.scheme.period_kind));
    KL_ASSIGN_OR_RETURN(labels, lights_.lights->VisibleProjects(tx, scope));
    KL_ASSIGN_OR_RETURN(units, lights_.lights->Units(tx));
    KL_ASSIGN_OR_RETURN(exemptions, lights_.rankings->Exemptions(tx, code, out.period.label));
    return Status::Ok();
  }));
  out.previous = PreviousRankingPeriod(out.period, out.scheme.period_kind);
  KL_ASSIGN_OR_RETURN(FactsView view, facts_.Read());
  // An official list is computed over the whole area whatever the viewer's role:
  // the scope only decides which rows the caller sees, never the scores or the ranks.
  const Facts* facts = &view.facts();
  // Every row for the office, leaders and admin, and for every internal role (not 项目单位) when
  // the scheme says its lists are visible to all.
  out.whole_area = scope.kind == ProjectScope::Kind::kAll ||
                   (out.scheme.visible_to_all && ReadsPublishedRankings(caller.role));
  std::set<int64_t> visible_units;
  if (!out.whole_area) {
    for (const ProjectLabel& l : labels) {
      if (l.unit_id) visible_units.insert(l.unit_id);
    }
    if (caller.unit_id) visible_units.insert(caller.unit_id);
  }
  std::set<int64_t> with_projects;
  for (size_t i = 0; i < facts->projects.size(); ++i) {
    if (facts->projects.unit[i]) with_projects.insert(facts->projects.unit[i]);
  }
  // Rates per component, for this and the previous period.
  std::vector<std::map<int64_t, std::optional<Rational>>> now, before;
  for (RankingComponent& c : out.scheme.components) {
    if (auto indicator = indicators_.Find(c.indicator); indicator.ok()) {
      c.decimals = (*indicator)->def.decimals;  // the same digits as on 五率
    }
    KL_ASSIGN_OR_RETURN(auto a, ComponentRates(*facts, indicators_, c.indicator, out.period));
    KL_ASSIGN_OR_RETURN(auto b, ComponentRates(*facts, indicators_, c.indicator, out.previous));
    now.push_back(std::move(a));
    before.push_back(std::move(b));
  }
  std::map<int64_t, std::string> exempt;
  for (const RankingExemption& e : exemptions) exempt[e.unit_id] = e.reason;
  std::map<int64_t, const UnitLabel*> unit_by_id;
  for (const UnitLabel& u : units) unit_by_id[u.id] = &u;
  for (const RankingGroup& g : out.scheme.groups) {
    std::set<int64_t> members(g.unit_ids.begin(), g.unit_ids.end());
    for (const UnitLabel& u : units) {
      for (const std::string& k : g.unit_kinds) {
        if (u.kind == k) members.insert(u.id);
      }
    }
    std::vector<UnitRates> current, previous;
    for (int64_t unit : members) {
      if (!with_projects.count(unit)) continue;
      UnitRates a{unit, {}}, b{unit, {}};
      for (size_t i = 0; i < now.size(); ++i) {
        auto x = now[i].find(unit);
        a.rates.push_back(x == now[i].end() ? std::nullopt : x->second);
        auto y = before[i].find(unit);
        b.rates.push_back(y == before[i].end() ? std::nullopt : y->second);
      }
      current.push_back(std::move(a));
      previous.push_back(std::move(b));
    }
    RankingGroupResult result{g.code, g.name_zh, {}};
    std::vector<RankedUnit> ranked = RankGroup(out.scheme, current, previous, exempt);
    for (const RankedUnit& r : ranked) result.units_ranked += r.ranked ? 1 : 0;
    for (RankedUnit& r : ranked) {
      if (!out.whole_area && !visible_units.count(r.unit_id)) continue;
      auto u = unit_by_id.find(r.unit_id);
      result.rows.push_back({u == unit_by_id.end() ? "" : u->second->name, std::move(r)});
    }
    out.groups.push_back(std::move(result));
  }
  return out;
}

Result<RankingExemption> RankingService::Exempt(const Caller& caller, RankingExemption e) {
  if (!MayWrite(caller.role)) return Forbidden();
  if (e.reason.empty() || e.reason.size() > 1500) {
    return Status::InvalidArgument("豁免理由不能为空且不超过 500 字",
                                   "reason must be 1..500 characters",
                                   {{"reason", "豁免理由不能为空", "reason is required"}});
  }
  e.created_by = caller.user_id;
  e.created_at = clock_.NowMs();
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(RankingScheme scheme, lights_.rankings->Get(tx, e.scheme));
    KL_ASSIGN_OR_RETURN(RankingPeriod p, ParseRankingPeriod(e.period, scheme.period_kind));
    e.period = p.label;
    KL_ASSIGN_OR_RETURN(std::vector<UnitLabel> units, lights_.lights->Units(tx));
    bool known = false;
    for (const UnitLabel& u : units) known = known || u.id == e.unit_id;
    if (!known) {
      return Status::InvalidArgument("单位不存在", "unknown unit",
                                     {{"unit_id", "单位不存在", "unknown unit"}});
    }
    KL_ASSIGN_OR_RETURN(e.id, lights_.rankings->InsertExemption(tx, e));
    JsonWriter w;
    w.BeginObject().Key("scheme").String(e.scheme).Key("period").String(e.period);
    w.Key("unit_id").Int(e.unit_id).Key("reason").String(e.reason).EndObject();
    return audit_.Record(tx, caller, "create", "ranking_exemption", std::to_string(e.id), "",
                         w.Take());
  });
  if (st.code() == ErrorCode::kConflict) {
    return Status::Conflict("该单位本期已有豁免记录",
                            "the unit already has an exemption for this period");
  }
  KL_RETURN_IF_ERROR(st);
  return e;
}

}  // namespace keyline::engine
