// EngineIndicatorSource: the bulletin's 五率 by unit from the indicator engine — the indicators
// of one set (default the Shaanxi 五率, codes "shaanxi.*") in the IndicatorCatalogue, evaluated
// over the facts from a FactsSource for the period, grouped by responsible unit (GroupBy::kUnit).
// A department's bulletin keeps only its own unit's row. Rankings and lights are delegated to
// the fallback source (the app passes NoIndicatorSource and wraps this source in
// LightsRankingSource, engine_lights_source.h, which answers them from the lights and rankings).
//
// Wiring (app): EngineIndicatorSource(catalogue, live_facts, repos, fallback), then
// BulletinService::SetIndicatorSource.
#pragma once

#include <string>

#include "core/ports/repositories.h"
#include "documents/bulletin_sources.h"
#include "engine/facts_source.h"
#include "engine/indicator_catalogue.h"

namespace keyline::documents {

class EngineIndicatorSource final : public BulletinIndicatorSource {
 public:
  EngineIndicatorSource(engine::IndicatorCatalogue& catalogue, engine::FactsSource& facts,
                        const Repositories& repos, BulletinIndicatorSource& others,
                        std::string set_prefix = "shaanxi.")
      : catalogue_(catalogue),
        facts_(facts),
        repos_(repos),
        others_(others),
        prefix_(std::move(set_prefix)) {}

  Result<RatesTable> FiveRates(const Caller& caller, const BulletinScope& scope) override;
  Result<RankingTable> Rankings(const Caller& caller, const BulletinScope& scope) override {
    return others_.Rankings(caller, scope);
  }
  Result<LightLists> Lights(const Caller& caller, const BulletinScope& scope) override {
    return others_.Lights(caller, scope);
  }

 private:
  engine::IndicatorCatalogue& catalogue_;
  engine::FactsSource& facts_;
  Repositories repos_;
  BulletinIndicatorSource& others_;
  std::string prefix_;
};

}  // namespace keyline::documents
