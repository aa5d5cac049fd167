// The query parsing of the engine's JSON endpoints, shared with their .xlsx exports
// (engine_exports_api.cc) so both answer bad parameters with the same 400s.
#pragma once

#include <string>

#include "api/api_context.h"
#include "engine/service/lights_service.h"
#include "engine/service/rates_service.h"

namespace keyline::api {

// period (required, YYYYMM), group_by (default `default_group`), window (default ytd); the
// caller rejects unknown parameters. indicators_api.cc.
Result<engine::RateQuery> ReadRateQuery(const http::Request& req, const char* default_group);

// period (default: the current month), colour, dimension, unit_id of GET /lights; page and
// page_size are left to the caller. lights_api.cc.
Result<engine::LightsQuery> ReadLightsFilter(const http::Request& req,
                                             engine::LightsService& lights);

// scheme and period of GET /rankings, both required (the service checks them). rankings_api.cc.
struct RankingQuery {
  std::string scheme, period;
};
Result<RankingQuery> ReadRankingQuery(const http::Request& req);

}  // namespace keyline::api
