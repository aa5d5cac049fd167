// GET /export/rates.xlsx, /export/lights.xlsx and /export/rankings.xlsx (issue 7): the tables of
// GET /rates, /lights and /rankings as office .xlsx, from the same services with the caller (same
// roles, scope and 400s). Registered by the composition root with one additive call.
#pragma once

#include "api/api_context.h"

namespace keyline::engine {
class LightsService;
class RankingService;
}  // namespace keyline::engine

namespace keyline::api {

void RegisterEngineExportRoutes(http::Router& router, ApiContext& ctx,
                                engine::LightsService& lights, engine::RankingService& rankings);

}  // namespace keyline::api
