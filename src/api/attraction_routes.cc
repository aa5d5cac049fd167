#include "api/attraction_routes.h"

namespace keyline::api {

Status QueryYear(const http::Request& request, std::optional<int>* year) {
  KL_ASSIGN_OR_RETURN(std::optional<int64_t> v, QueryInt(request, "year", 2000, 2100, false));
  if (v) *year = static_cast<int>(*v);
  return Status::Ok();
}

void RegisterAttractionRoutes(http::Router& router, ApiContext& ctx) {
  RegisterLeadRoutes(router, ctx);
  RegisterSigningRoutes(router, ctx);
  RegisterCampaignRoutes(router, ctx);
  RegisterTargetRoutes(router, ctx);
}

}  // namespace keyline::api
