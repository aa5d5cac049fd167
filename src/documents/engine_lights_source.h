// LightsRankingSource: the bulletin's rankings (with change of rank) and red/yellow lists (with
// the reasons of the lit dimensions) from the issue-5 RankingService and LightsService, scoped
// to the caller like their own endpoints (a department keeps its own unit's ranking row and its
// projects' lights); the five rates come from another source (EngineIndicatorSource).
// Rankings use the first scheme (or the one named); a quarterly scheme shows the last quarter
// complete by the end of the bulletin's month.
#pragma once

#include <string>

#include "documents/bulletin_sources.h"
#include "engine/service/lights_service.h"
#include "engine/service/ranking_service.h"

namespace keyline::documents {

class LightsRankingSource final : public BulletinIndicatorSource {
 public:
  // scheme_code: the ranking scheme shown ("" = the first scheme defined).
  LightsRankingSource(engine::LightsService& lights, engine::RankingService& rankings,
                      BulletinIndicatorSource& rates, std::string scheme_code = "")
      : lights_(lights), rankings_(rankings), rates_(rates), scheme_(std::move(scheme_code)) {}

  Result<RatesTable> FiveRates(const Caller& caller, const BulletinScope& scope) override {
    return rates_.FiveRates(caller, scope);
  }
  Result<RankingTable> Rankings(const Caller& caller, const BulletinScope& scope) override;
  Result<LightLists> Lights(const Caller& caller, const BulletinScope& scope) override;

 private:
  engine::LightsService& lights_;
  engine::RankingService& rankings_;
  BulletinIndicatorSource& rates_;
  std::string scheme_;
};

}  // namespace keyline::documents
