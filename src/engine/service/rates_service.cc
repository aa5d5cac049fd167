#include "engine/service/rates_service.h"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "common/date.h"
#include "common/enum_table.h"
#include "core/model/project.h"
#include "core/service/engine_access.h"
#include "core/service/project_access.h"
#include "engine/grouping.h"

namespace keyline::engine {

struct RatesService::Scope {
  std::string key;                        // "all", "unit:5", "owner:7", "person:9"
  std::optional<std::vector<char>> mask;  // project row → visible; none = everything
};

struct RatesService::Labels {
  std::map<int64_t, std::string> units, people, campaigns;
  std::map<std::string, std::string> regions;
};

namespace {

constexpr struct {
  std::string_view name;
  GroupKind kind;
} kGroupKinds[] = {{"area", GroupKind::kArea},        {"unit", GroupKind::kUnit},
                   {"region", GroupKind::kRegion},    {"leader", GroupKind::kLeader},
                   {"level", GroupKind::kLevel},      {"industry", GroupKind::kIndustry},
                   {"campaign", GroupKind::kCampaign}};

GroupBy ByOf(GroupKind k) {
  switch (k) {
    case GroupKind::kUnit:
      return GroupBy::kUnit;
    case GroupKind::kRegion:
      return GroupBy::kRegion;
    case GroupKind::kLeader:
      return GroupBy::kLeader;
    case GroupKind::kLevel:
      return GroupBy::kLevel;
    case GroupKind::kIndustry:
      return GroupBy::kIndustry;
    default:
      return GroupBy::kArea;
  }
}

int64_t KeyId(const std::string& key) {
  int64_t v = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::string LabelOf(GroupKind kind, const std::string& key, const auto& labels) {
  if (key == "none") return "未指定";
  auto find = [&](const auto& map, const auto& k) -> std::string {
    auto it = map.find(k);
    return it == map.end() ? key : it->second;
  };
  switch (kind) {
    case GroupKind::kArea:
      return "全区";
    case GroupKind::kUnit:
      return find(labels.units, KeyId(key));
    case GroupKind::kLeader:
      return find(labels.people, KeyId(key));
    case GroupKind::kCampaign:
      return find(labels.campaigns, KeyId(key));
    case GroupKind::kRegion:
      return find(labels.regions, key);
    case GroupKind::kLevel: {
      auto level = ParseEnum(ProjectLevelTable(), key);
      return level ? std::string(EnumZh(ProjectLevelTable(), *level)) : key;
    }
    case GroupKind::kIndustry:
      return key;
  }
  return key;
}

std::string TodayIso(const Clock& clock) {
  return Date::FromUnixMsBeijing(clock.NowMs()).ToString();
}

// An expression that is one aggregate (not area(...)): its area value is the sum of its values
// over groups that partition the rows.
bool SingleAggregate(const Expression& e) {
  return e.root && e.root->kind == Node::Kind::kAggregate && !e.root->agg.whole_area;
}

// The area's value from a by-group result whose groups partition the projects (not campaign).
std::optional<IndicatorValue> AreaFromGroups(const IndicatorResult& r) {
  const CompiledIndicator& ind = *r.indicator;
  if (!SingleAggregate(ind.numerator) || !SingleAggregate(ind.denominator)) return std::nullopt;
  IndicatorValue v;
  v.key = "area";
  Rational num = Rational::Of(0), den = Rational::Of(0);
  for (const auto& g : r.groups) {
    if (!g.value.numerator || !g.value.denominator) return std::nullopt;
    auto n = Add(num, *g.value.numerator);
    auto d = Add(den, *g.value.denominator);
    if (!n || !d) return std::nullopt;
    num = *n;
    den = *d;
  }
  v.numerator = num;
  v.denominator = den;
  if (!den.IsZero()) {
    v.rate = Div(num, den);
    if (!v.rate) return std::nullopt;
    v.percent = FormatPercent(*v.rate, ind.def.decimals);
  }
  return v;  // without drill-down ids, like the by-group result it comes from
}

Status NoSet(const std::string& set) {
  return Status::NotFound("没有指标集 " + set, "no indicator set " + set);
}

}  // namespace

std::optional<GroupKind> ParseGroupKind(std::string_view s) {
  for (const auto& g : kGroupKinds) {
    if (g.name == s) return g.kind;
  }
  return std::nullopt;
}

std::optional<Window> ParseWindow(std::string_view s) {
  if (s == "ytd") return Window::kYtd;
  if (s == "quarter") return Window::kQuarter;
  if (s == "month") return Window::kMonth;
  return std::nullopt;
}

Result<std::shared_ptr<const RatesService::Scope>> RatesService::ScopeOf(const Caller& caller,
                                                                         const FactsView& view) {
  ProjectScope ps = ScopeFor(caller, TodayIso(clock_));
  auto scope = std::make_shared<Scope>();
  switch (ps.kind) {
    case ProjectScope::Kind::kAll:
      scope->key = "all";
      return std::shared_ptr<const Scope>(scope);
    case ProjectScope::Kind::kUnit:
      scope->key = "unit:" + std::to_string(ps.id);
      break;
    case ProjectScope::Kind::kOwner:
      scope->key = "owner:" + std::to_string(ps.id);
      break;
    case ProjectScope::Kind::kPerson:
      scope->key = "person:" + std::to_string(ps.id);
      break;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (cache_sequence_ == view.sequence()) {
      if (auto it = scopes_.find(scope->key); it != scopes_.end()) return it->second;
    }
  }
  std::vector<int64_t> ids;
  KL_RETURN_IF_ERROR(tx_.Read([&](Tx& tx) -> keyline::Status {
    KL_ASSIGN_OR_RETURN(ids, lookups_.ProjectIdsInScope(tx, ps));
    return keyline::Status::Ok();
  }));
  const Facts& f = view.facts();
  scope->mask.emplace(f.projects.size(), 0);
  for (int64_t id : ids) {
    if (auto it = f.project_row.find(id); it != f.project_row.end()) (*scope->mask)[it->second] = 1;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (cache_sequence_ == view.sequence()) scopes_[scope->key] = scope;
  return std::shared_ptr<const Scope>(scope);
}

Result<std::shared_ptr<const RatesService::Labels>> RatesService::LabelsAt(uint64_t sequence) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (labels_ && cache_sequence_ == sequence) return labels_;
  }
  auto labels = std::make_shared<Labels>();
  KL_RETURN_IF_ERROR(tx_.Read([&](Tx& tx) -> keyline::Status {
    KL_ASSIGN_OR_RETURN(labels->units, lookups_.UnitNames(tx));
    KL_ASSIGN_OR_RETURN(labels->people, lookups_.PersonNames(tx));
    KL_ASSIGN_OR_RETURN(labels->regions, lookups_.RegionNames(tx));
    KL_ASSIGN_OR_RETURN(labels->campaigns, lookups_.CampaignNames(tx));
    return keyline::Status::Ok();
  }));
  std::lock_guard<std::mutex> lock(mutex_);
  if (cache_sequence_ == sequence) labels_ = labels;
  return std::shared_ptr<const Labels>(labels);
}

std::string RatesService::CacheKey(const CompiledIndicator* ind, const RateQuery& q,
                                   const Scope& scope, bool drilldown) {
  return std::to_string(reinterpret_cast<uintptr_t>(ind)) + "|" + std::to_string(q.period) + "|" +
         std::to_string(static_cast<int>(q.group)) + "|" +
         std::to_string(static_cast<int>(q.window)) + "|" + scope.key + (drilldown ? "|d" : "|n");
}

std::shared_ptr<const IndicatorResult> RatesService::Cached(uint64_t sequence,
                                                            const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (cache_sequence_ != sequence) {
    // Any committed write moved the sequence: everything cached is stale.
    cache_sequence_ = sequence;
    results_.clear();
    scopes_.clear();
    labels_.reset();
    return nullptr;
  }
  auto it = results_.find(key);
  return it == results_.end() ? nullptr : it->second;
}

void RatesService::Store(uint64_t sequence, const std::string& key,
                         std::shared_ptr<const IndicatorResult> result) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (cache_sequence_ == sequence) results_[key] = std::move(result);
}

Result<std::shared_ptr<const IndicatorResult>> RatesService::Compute(
    const FactsView& view, std::shared_ptr<const CompiledIndicator> ind, const RateQuery& q,
    const Scope& scope, bool drilldown, bool track) {
  std::string key = CacheKey(ind.get(), q, scope, drilldown);
  if (auto hit = Cached(view.sequence(), key)) return hit;
  if (!drilldown) {  // a result with drill-down serves too
    if (auto hit = Cached(view.sequence(), CacheKey(ind.get(), q, scope, true))) return hit;
  }
  KL_ASSIGN_OR_RETURN(auto labels, LabelsAt(view.sequence()));
  const Facts& f = view.facts();
  auto out = std::make_shared<IndicatorResult>();
  out->indicator = ind;
  out->sequence = view.sequence();
  EvalOptions o;
  o.period = q.period;
  o.window = q.window;
  o.drilldown = drilldown;
  if (q.group == GroupKind::kCampaign) {
    // A project may be in several rounds: it counts in each.
    std::set<int64_t> rounds;
    for (size_t r = 0; r < f.projects.size(); ++r) {
      if (scope.mask && !(*scope.mask)[r]) continue;
      rounds.insert(f.projects.campaigns[r].begin(), f.projects.campaigns[r].end());
    }
    std::vector<char> mask(f.projects.size(), 0);
    for (int64_t round : rounds) {
      for (size_t r = 0; r < f.projects.size(); ++r) {
        const auto& c = f.projects.campaigns[r];
        mask[r] =
            (!scope.mask || (*scope.mask)[r]) && std::binary_search(c.begin(), c.end(), round);
      }
      o.project_mask = &mask;
      KL_ASSIGN_OR_RETURN(auto values, EvaluateIndicator(f, *ind, o));
      std::string k = std::to_string(round);
      for (auto& v : values) {
        v.key = k;
        out->groups.push_back({k, LabelOf(q.group, k, *labels), std::move(v)});
      }
    }
    std::sort(out->groups.begin(), out->groups.end(),
              [](const auto& a, const auto& b) { return a.key < b.key; });
  } else {
    o.grouping.by = ByOf(q.group);
    if (scope.mask) o.project_mask = &*scope.mask;
    std::vector<IndicatorValue> values;
    if (track && !drilldown && !scope.mask) {
      // The whole area without drill-down (the five rates): updated from the last evaluation
      // for the projects changed since, when it can be.
      std::shared_ptr<const TrackedIndicator> previous;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (auto it = tracked_.find(key); it != tracked_.end() && it->second.indicator == ind) {
          previous = it->second.state;
        }
      }
      KL_ASSIGN_OR_RETURN(auto tracked, EvaluateIndicatorTracked(f, *ind, o, previous.get()));
      values = std::move(tracked.values);
      std::lock_guard<std::mutex> lock(mutex_);
      if (tracked_.size() >= kMaxTracked && !tracked_.count(key)) tracked_.clear();
      tracked_[key] = Tracked{ind, std::move(tracked.state)};
    } else {
      KL_ASSIGN_OR_RETURN(values, EvaluateIndicator(f, *ind, o));
    }
    std::unordered_set<std::string> visible;
    if (scope.mask) {
      Groups g = BuildGroups(f, o.grouping);
      for (size_t r = 0; r < f.projects.size(); ++r) {
        if ((*scope.mask)[r]) visible.insert(g.keys[g.of_project[r]]);
      }
      if (q.group == GroupKind::kArea) visible.insert("area");
    }
    for (auto& v : values) {
      if (scope.mask && !visible.count(v.key)) continue;
      std::string k = v.key;
      out->groups.push_back({k, LabelOf(q.group, k, *labels), std::move(v)});
    }
  }
  std::shared_ptr<const IndicatorResult> result = out;
  Store(view.sequence(), key, result);
  return result;
}

Result<std::shared_ptr<const IndicatorResult>> RatesService::Values(const Caller& caller,
                                                                    const std::string& code,
                                                                    const RateQuery& q) {
  KL_ASSIGN_OR_RETURN(auto ind, catalogue_.Find(code));
  KL_ASSIGN_OR_RETURN(FactsView view, facts_.Read());
  KL_ASSIGN_OR_RETURN(auto scope, ScopeOf(caller, view));
  return Compute(view, ind, q, *scope, true);
}

Result<ProjectPage> RatesService::Drilldown(const Caller& caller, const std::string& code,
                                            const RateQuery& q, const std::string& group,
                                            bool numerator, int64_t offset, int64_t limit) {
  KL_ASSIGN_OR_RETURN(auto result, Values(caller, code, q));
  for (const auto& g : result->groups) {
    if (g.key != group) continue;
    const auto& ids = numerator ? g.value.numerator_projects : g.value.denominator_projects;
    ProjectPage page;
    page.total = static_cast<int64_t>(ids.size());
    std::vector<int64_t> slice;
    for (int64_t i = offset; i < page.total && i < offset + limit; ++i) slice.push_back(ids[i]);
    KL_RETURN_IF_ERROR(tx_.Read([&](Tx& tx) -> keyline::Status {
      KL_ASSIGN_OR_RETURN(page.items, lookups_.Projects(tx, slice));
      return keyline::Status::Ok();
    }));
    return page;
  }
  return keyline::Status::NotFound("没有该分组：" + group, "no such group: " + group);
}

Result<RatesService::SetResult> RatesService::Rates(const Caller& caller, const std::string& set,
                                                    const RateQuery& q) {
  KL_ASSIGN_OR_RETURN(auto all, catalogue_.List());
  KL_ASSIGN_OR_RETURN(FactsView view, facts_.Read());
  KL_ASSIGN_OR_RETURN(auto scope, ScopeOf(caller, view));
  SetResult out;
  out.sequence = view.sequence();
  RateQuery area = q;
  area.group = GroupKind::kArea;
  for (const auto& ind : all) {
    if (ind->def.set != set) continue;
    KL_ASSIGN_OR_RETURN(auto by_group, Compute(view, ind, q, *scope, false, true));
    std::string area_key = CacheKey(ind.get(), area, *scope, false);
    std::shared_ptr<const IndicatorResult> whole = Cached(view.sequence(), area_key);
    if (!whole && q.group != GroupKind::kCampaign && q.group != GroupKind::kArea && !scope->mask) {
      // Groups partition the rows (every group is listed when nothing is masked): the area is
      // their sum, no second pass over the facts.
      if (auto v = AreaFromGroups(*by_group)) {
        auto r = std::make_shared<IndicatorResult>();
        r->indicator = ind;
        r->sequence = by_group->sequence;
        r->groups.push_back({"area", "全区", std::move(*v)});
        whole = std::move(r);
        Store(view.sequence(), area_key, whole);
      }
    }
    if (!whole) {
      KL_ASSIGN_OR_RETURN(whole, Compute(view, ind, area, *scope, false, true));
    }
    out.by_group.push_back(std::move(by_group));
    out.area.push_back(std::move(whole));
  }
  if (out.by_group.empty()) return NoSet(set);
  return out;
}

Result<RatesService::Trend> RatesService::TrendOf(const Caller& caller, const std::string& set,
                                                  int from, int to) {
  std::vector<int> periods;
  for (int p = from; p <= to && periods.size() <= 36; p = (p % 100 == 12) ? p + 89 : p + 1) {
    periods.push_back(p);
  }
  if (periods.empty() || periods.size() > 36) {
    return keyline::Status::InvalidArgument(
        "期间应为 from ≤ to，且不超过 36 个月", "from must not be after to; at most 36 months",
        {FieldError{"to", "期间应为 from ≤ to，且不超过 36 个月", "from ≤ to, at most 36 months"}});
  }
  KL_ASSIGN_OR_RETURN(auto all, catalogue_.List());
  KL_ASSIGN_OR_RETURN(FactsView view, facts_.Read());
  KL_ASSIGN_OR_RETURN(auto scope, ScopeOf(caller, view));
  Trend out;
  out.periods = periods;
  for (const auto& ind : all) {
    if (ind->def.set != set) continue;
    out.indicators.push_back(ind);
    std::vector<std::string> series;
    for (int p : periods) {
      RateQuery q;
      q.period = p;
      KL_ASSIGN_OR_RETURN(auto r, Compute(view, ind, q, *scope, false));
      series.push_back(r->groups.empty() ? "" : r->groups[0].value.percent);
    }
    out.percent.push_back(std::move(series));
  }
  if (out.indicators.empty()) return NoSet(set);
  return out;
}

Result<FactsStats> RatesService::EngineStatus(const Caller& caller) {
  if (!MayConfigureEngine(caller.role)) {
    return keyline::Status::Forbidden("只有管理员或发改部门可以查看引擎状态",
                                      "only an administrator or the supervisor may see the engine");
  }
  return facts_.Stats();
}

}  // namespace keyline::engine
