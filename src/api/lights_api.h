// Registration of the issue-5 lights, rankings, forecast and dispatch-list endpoints
// (lights_api.cc, rankings_api.cc). Kept out of ApiContext so the composition root wires them
// with one additive call.
#pragma once

#include "api/api_context.h"

namespace keyline::engine {
class LightsService;
class RankingService;
}  // namespace keyline::engine

namespace keyline::api {

// /lights, /projects/{id}/lights, /projects/{id}/lights/judgements, /light-rules, /forecast,
// /projects/{id}/forecast, /dispatch-list.
void RegisterLightsRoutes(http::Router& router, ApiContext& ctx, engine::LightsService& lights);
// /ranking-schemes, /rankings, /rankings/exemptions.
void RegisterRankingRoutes(http::Router& router, ApiContext& ctx, engine::RankingService& rankings);

}  // namespace keyline::api
