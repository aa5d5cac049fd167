// Route registration of the investment-attraction files (leads_api.cc, signing_api.cc,
// campaigns_api.cc, targets_api.cc) and the small helpers they share. Private to src/api.
#pragma once

#include <optional>

#include "api/api_context.h"

namespace keyline::api {

void RegisterLeadRoutes(http::Router& router, ApiContext& ctx);
void RegisterSigningRoutes(http::Router& router, ApiContext& ctx);
void RegisterCampaignRoutes(http::Router& router, ApiContext& ctx);
void RegisterTargetRoutes(http::Router& router, ApiContext& ctx);

// The optional query parameter "year" (2000..2100) into *year; kInvalidArgument when bad.
Status QueryYear(const http::Request& request, std::optional<int>* year);

// Body limit of every write of these resources: their bodies are small forms.
inline http::RouteOptions SmallBody() {
  http::RouteOptions o;
  o.max_body_bytes = 32 * 1024;
  return o;
}

}  // namespace keyline::api
