// RatesService: indicator values over the live facts, as the API serves them:
// one indicator by group, its drill-down, a whole set (the five rates) by group, the area's
// trend, and the engine's status.
//
// Scope: admin, supervisor and leader compute over the whole area; a department over the
// projects its unit is related to, a reporter over its company's projects, a service officer
// over the projects assigned to the person (ScopeFor, core/service/project_access.h). Values
// are computed over those projects only (leads without a project count only for the whole
// area) and a drill-down lists only them.
//
// Results are cached by (facts sequence, indicator, period, grouping, window, scope): a
// repeated read is a map lookup. A committed write moves the sequence; the next read of the
// whole area without drill-down (the five rates) then re-evaluates only the rows of the
// projects changed since its last evaluation (EvaluateIndicatorTracked, evaluate.h); other
// reads compute afresh.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/role.h"
#include "core/ports/engine_repositories.h"
#include "engine/evaluate.h"
#include "engine/facts_source.h"
#include "engine/indicator_catalogue.h"

namespace keyline::engine {

enum class GroupKind : uint8_t { kArea, kUnit, kRegion, kLeader, kLevel, kIndustry, kCampaign };
// "area", "unit", ... ; nullopt for anything else.
std::optional<GroupKind> ParseGroupKind(std::string_view s);
std::optional<Window> ParseWindow(std::string_view s);

struct RateQuery {
  int period = 0;  // YYYYMM
  GroupKind group = GroupKind::kArea;
  Window window = Window::kYtd;
};

struct GroupResult {
  std::string key;
  std::string label;
  IndicatorValue value;  // with the drill-down project ids
};

struct IndicatorResult {
  std::shared_ptr<const CompiledIndicator> indicator;
  uint64_t sequence = 0;
  std::vector<GroupResult> groups;
};

struct ProjectPage {
  int64_t total = 0;
  std::vector<EngineProjectRow> items;
};

class RatesService {
 public:
  RatesService(TxRunner& tx, EngineLookups& lookups, FactsSource& facts,
               IndicatorCatalogue& catalogue, const Clock& clock)
      : tx_(tx), lookups_(lookups), facts_(facts), catalogue_(catalogue), clock_(clock) {}

  Result<std::shared_ptr<const IndicatorResult>> Values(const Caller& caller,
                                                        const std::string& code,
                                                        const RateQuery& q);
  // side: "numerator" or "denominator"; kNotFound for an unknown group.
  Result<ProjectPage> Drilldown(const Caller& caller, const std::string& code, const RateQuery& q,
                                const std::string& group, bool numerator, int64_t offset,
                                int64_t limit);
  // Every indicator of `set`, grouped as asked (first) and for the area (second).
  struct SetResult {
    std::vector<std::shared_ptr<const IndicatorResult>> by_group, area;
    uint64_t sequence = 0;
  };
  Result<SetResult> Rates(const Caller& caller, const std::string& set, const RateQuery& q);
  // The area's value of every indicator of `set` per month from..to (≤ 36 months).
  struct Trend {
    std::vector<std::shared_ptr<const CompiledIndicator>> indicators;
    std::vector<int> periods;
    std::vector<std::vector<std::string>> percent;  // [indicator][period]
  };
  Result<Trend> TrendOf(const Caller& caller, const std::string& set, int from, int to);
  // admin and supervisor only.
  Result<FactsStats> EngineStatus(const Caller& caller);

 private:
  struct Scope;
  Result<std::shared_ptr<const Scope>> ScopeOf(const Caller& caller, const FactsView& view);
  // drilldown: also collect the project ids behind each side (values, drill-down); without it
  // the ids are empty (rates, trend), which saves sorting them. track (rates): keep the state
  // that lets the next evaluation after a write update only the changed projects.
  Result<std::shared_ptr<const IndicatorResult>> Compute(
      const FactsView& view, std::shared_ptr<const CompiledIndicator> ind, const RateQuery& q,
      const Scope& scope, bool drilldown, bool track = false);
  static std::string CacheKey(const CompiledIndicator* ind, const RateQuery& q, const Scope& scope,
                              bool drilldown);
  // The cached result at this sequence, or null (a new sequence empties the caches); Store
  // keeps one while its sequence is current.
  std::shared_ptr<const IndicatorResult> Cached(uint64_t sequence, const std::string& key);
  void Store(uint64_t sequence, const std::string& key,
             std::shared_ptr<const IndicatorResult> result);
  struct Labels;
  Result<std::shared_ptr<const Labels>> LabelsAt(uint64_t sequence);

  TxRunner& tx_;
  EngineLookups& lookups_;
  FactsSource& facts_;
  IndicatorCatalogue& catalogue_;
  const Clock& clock_;

  std::mutex mutex_;  // guards the caches below
  uint64_t cache_sequence_ = 0;
  std::unordered_map<std::string, std::shared_ptr<const IndicatorResult>> results_;
  std::unordered_map<std::string, std::shared_ptr<const Scope>> scopes_;
  std::shared_ptr<const Labels> labels_;
  // Per cache key (any sequence): the last evaluation's per-project state, which the next
  // evaluation after a write updates for the changed projects only (EvaluateIndicatorTracked).
  // The indicator is held so its address (part of the key) is not reused while listed.
  struct Tracked {
    std::shared_ptr<const CompiledIndicator> indicator;
    std::shared_ptr<const TrackedIndicator> state;
  };
  static constexpr size_t kMaxTracked = 24;  // about 3.5 MB each at 100,000 projects
  std::unordered_map<std::string, Tracked> tracked_;
};

}  // namespace keyline::engine
