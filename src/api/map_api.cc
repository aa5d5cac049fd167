// /api/v1/map: the map's tile configuration, the visible projects as points (compact columns,
// ledger filters), the district outline (GeoJSON) and the checked setting of a location.
#include "api/api_context.h"

#include <cmath>

#include "api/json_input.h"
#include "api/project_input.h"
#include "common/json_writer.h"
#include "core/geo/geo.h"
#include "core/geo/map_service.h"
#include "core/model/json.h"
#include "core/service/project_service.h"
#include "engine/service/lights_service.h"

namespace keyline::api {
namespace {

using engine::LightColour;
using engine::LightsService;

Reply MapConfig(ApiContext& ctx, const Caller& caller, http::Request& req) {
  const geo::TileSource& tiles = *ctx.map_tiles;
  MapService& map = *ctx.map;
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {}));
  KL_ASSIGN_OR_RETURN(auto outline, map.Outline(caller));
  JsonWriter w;
  w.BeginObject().Key("tiles").BeginObject().Key("kind").String(tiles.kind);
  if (tiles.url.empty()) {
    w.Key("url").Null();
  } else {
    w.Key("url").String(tiles.url);
  }
  if (tiles.overlay_url.empty()) {
    w.Key("overlay_url").Null();
  } else {
    w.Key("overlay_url").String(tiles.overlay_url);
  }
  w.Key("subdomains").String(tiles.subdomains).Key("attribution").String(tiles.attribution);
  w.EndObject();
  w.Key("datum").String("wgs84").Key("outline_set").Bool(outline.has_value());
  w.EndObject();
  return JsonOk(w.Take());
}

Reply Points(ApiContext& ctx, const Caller& caller, http::Request& req) {
  LightsService& lights = *ctx.lights;
  // Everything the ledger list filters on (not its paging or order), and the overall light.
  KL_RETURN_IF_ERROR(RejectUnknownQuery(
      req, {"q", "stage", "level", "category", "unit", "leader", "parent", "region", "industry",
            "year", "investment_min", "investment_max", "colour"}));
  std::optional<LightColour> colour;
  if (auto c = req.Query("colour")) {
    colour = engine::ParseColour(*c);
    if (!colour) {
      return Status::InvalidArgument("colour 应为 green、yellow 或 red",
                                     "colour must be green, yellow or red",
                                     {{"colour", "灯色无效", "unknown colour"}});
    }
  }
  // The ledger's filters, read by the ledger's own reader.
  http::Request ledger_req = req;
  std::erase_if(ledger_req.query, [](const auto& kv) { return kv.first == "colour"; });
  ProjectQuery query;
  KL_RETURN_IF_ERROR(ReadProjectQuery(ledger_req, &query));
  query.sort = ProjectSortField::kId;
  query.descending = false;
  query.page.limit = 500;
  query.page.offset = 0;

  int period = lights.CurrentPeriod();
  KL_ASSIGN_OR_RETURN(auto colours, lights.OverallColours(caller, period));

  JsonWriter ids, names, lats, lngs, lamps, stages;
  for (JsonWriter* w : {&ids, &names, &lats, &lngs, &lamps, &stages}) w->BeginArray();
  int64_t total = 0, located = 0, green = 0, yellow = 0, red = 0;
  for (;;) {
    KL_ASSIGN_OR_RETURN(auto page, ctx.projects->List(caller, query));
    for (const Project& p : page.items) {
      auto it = colours.find(p.id);
      std::optional<LightColour> light;
      if (it != colours.end()) light = it->second;
      if (colour && light != colour) continue;
      ++total;
      if (!p.latitude || !p.longitude) continue;
      ++located;
      ids.Int(p.id);
      names.String(p.name);
      // 6 decimals (≈0.1 m) keep 10,000 points small.
      lats.Double(std::round(*p.latitude * 1e6) / 1e6);
      lngs.Double(std::round(*p.longitude * 1e6) / 1e6);
      if (light) {
        lamps.String(engine::ColourCode(*light));
        (*light == LightColour::kRed ? red : *light == LightColour::kYellow ? yellow : green)++;
      } else {
        lamps.String("none");
      }
      stages.String(EnumCode(StageTable(), p.stage));
    }
    query.page.offset += static_cast<int64_t>(page.items.size());
    if (page.items.empty() || query.page.offset >= page.total) break;
  }
  for (JsonWriter* w : {&ids, &names, &lats, &lngs, &lamps, &stages}) w->EndArray();

  JsonWriter w;
  w.BeginObject().Key("period").Int(period).Key("total").Int(total).Key("located").Int(located);
  w.Key("counts").BeginObject().Key("green").Int(green).Key("yellow").Int(yellow);
  w.Key("red").Int(red).EndObject();
  w.Key("projects").BeginObject();
  w.Key("id").Raw(ids.Take()).Key("name").Raw(names.Take()).Key("lat").Raw(lats.Take());
  w.Key("lng").Raw(lngs.Take()).Key("light").Raw(lamps.Take()).Key("stage").Raw(stages.Take());
  w.EndObject().EndObject();
  return JsonOk(w.Take());
}

std::string OutlineJson(const std::optional<StoredOutline>& o) {
  JsonWriter w;
  w.BeginObject();
  if (o) {
    w.Key("outline").Raw(o->geojson).Key("updated_by").Int(o->updated_by);
    w.Key("updated_at").Int(o->updated_at);
  } else {
    w.Key("outline").Null().Key("updated_by").Null().Key("updated_at").Null();
  }
  w.EndObject();
  return w.Take();
}

Reply GetOutline(ApiContext& ctx, const Caller& caller, http::Request& req) {
  MapService& map = *ctx.map;
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {}));
  KL_ASSIGN_OR_RETURN(auto o, map.Outline(caller));
  return JsonOk(OutlineJson(o));
}

Reply PutOutline(ApiContext& ctx, const Caller& caller, http::Request& req) {
  MapService& map = *ctx.map;
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {}));
  KL_ASSIGN_OR_RETURN(auto stored, map.PutOutline(caller, req.body));
  return JsonOk(OutlineJson(stored));
}

Reply DeleteOutline(ApiContext& ctx, const Caller& caller, http::Request& req) {
  MapService& map = *ctx.map;
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {}));
  KL_RETURN_IF_ERROR(map.ClearOutline(caller));
  http::Response res;
  res.status = 204;
  return res;
}

Reply PutLocation(ApiContext& ctx, const Caller& caller, http::Request& req) {
  MapService& map = *ctx.map;
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  LocationInput in;
  auto version = f.Int("version", true, 1, INT64_MAX);
  auto lng = f.Double("longitude", true);
  auto lat = f.Double("latitude", true);
  auto datum = f.String("datum", false, 16);
  if (lng && (*lng < -180 || *lng > 180)) f.AddError("longitude", "应在 -180..180", "-180..180");
  if (lat && (*lat < -90 || *lat > 90)) f.AddError("latitude", "应在 -90..90", "-90..90");
  if (datum && *datum != "wgs84" && *datum != "gcj02") {
    f.AddError("datum", "应为 wgs84 或 gcj02", "must be wgs84 or gcj02");
  }
  KL_RETURN_IF_ERROR(f.Finish());
  in.version = *version;
  in.point = {*lng, *lat};
  in.datum = datum && *datum == "gcj02" ? Datum::kGcj02 : Datum::kWgs84;
  KL_ASSIGN_OR_RETURN(auto updated, map.SetLocation(caller, id, in));
  return JsonOk(ToJson(updated));
}

}  // namespace

void RegisterMapRoutes(http::Router& router, ApiContext& ctx) {
  Route(router, ctx, "GET", "/api/v1/map/config", MapConfig);
  Route(router, ctx, "GET", "/api/v1/map/projects", Points);
  Route(router, ctx, "GET", "/api/v1/map/outline", GetOutline);
  http::RouteOptions big;
  big.max_body_bytes = 2 * geo::kMaxOutlineBytes;  // 2..4 MB: 400 with a message; more: 413
  Route(router, ctx, "PUT", "/api/v1/map/outline", PutOutline, big);
  Route(router, ctx, "DELETE", "/api/v1/map/outline", DeleteOutline);
  Route(router, ctx, "PUT", "/api/v1/map/projects/{id}/location", PutLocation);
}

}  // namespace keyline::api
