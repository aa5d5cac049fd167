// Registration of the map endpoints (map_api.cc): the map's configuration, the projects as
// points, the district outline and the checked location of a project.
#pragma once

#include "api/api_context.h"
#include "core/geo/geo.h"

namespace keyline {
class MapService;
namespace engine {
class LightsService;
}
}  // namespace keyline

namespace keyline::api {

// /map/config, /map/projects, /map/outline, /map/projects/{id}/location. `tiles` is copied.
void RegisterMapRoutes(http::Router& router, ApiContext& ctx, engine::LightsService& lights,
                       MapService& map, const geo::TileSource& tiles);

}  // namespace keyline::api
