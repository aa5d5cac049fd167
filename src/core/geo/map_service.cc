#include "core/geo/map_service.h"

#include <cmath>

#include "core/service/project_access.h"

namespace keyline {
namespace {

// The district outline is reference data: the same rule as regions and units
// (the web reads it as `can.edit_reference`).
bool MayEditOutline(const Caller& caller) { return MayWriteReference(caller.role); }

Status ForbiddenOutline() {
  return Status::Forbidden("只有管理员和发改可设置区域边界",
                           "only an admin or the supervisor (发改) may set the outline");
}

double Round7(double v) { return std::round(v * 1e7) / 1e7; }

}  // namespace

Result<std::optional<StoredOutline>> MapService::Outline(const Caller&) {
  std::optional<StoredOutline> out;
  KL_RETURN_IF_ERROR(tx_.Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, outlines_.Get(tx));
    return Status::Ok();
  }));
  return out;
}

Result<StoredOutline> MapService::PutOutline(const Caller& caller, std::string geojson) {
  if (!MayEditOutline(caller)) return ForbiddenOutline();
  KL_ASSIGN_OR_RETURN(geo::Outline parsed, geo::ParseOutline(geojson));
  StoredOutline stored{std::move(geojson), caller.user_id, clock_.NowMs()};
  KL_RETURN_IF_ERROR(tx_.Write([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(outlines_.Put(tx, stored));
    std::string summary = "{\"polygons\":" + std::to_string(parsed.polygons.size()) +
                          ",\"vertices\":" + std::to_string(parsed.vertices) + "}";
    return audit_.Record(tx, caller, "map_outline", "district", "outline", "", summary);
  }));
  return stored;
}

Status MapService::ClearOutline(const Caller& caller) {
  if (!MayEditOutline(caller)) return ForbiddenOutline();
  return tx_.Write([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(outlines_.Clear(tx));
    return audit_.Record(tx, caller, "map_outline_clear", "district", "outline", "", "");
  });
}

Result<Project> MapService::SetLocation(const Caller& caller, int64_t project_id,
                                        const LocationInput& in) {
  geo::LngLat p = in.datum == Datum::kGcj02 ? geo::Gcj02ToWgs84(in.point) : in.point;
  p.lng = Round7(p.lng);
  p.lat = Round7(p.lat);
  Project updated;
  KL_RETURN_IF_ERROR(tx_.Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(std::optional<StoredOutline> stored, outlines_.Get(tx));
    if (stored) {
      KL_ASSIGN_OR_RETURN(geo::Outline outline, geo::ParseOutline(stored->geojson));
      if (!geo::Contains(outline, p)) {
        return Status::InvalidArgument(
            "位置不在本区域边界内，请在边界内点选",
            "the location lies outside the district outline; pick a point inside it",
            {{"location", "位置不在区域边界内", "outside the district outline"}});
      }
    }
    KL_ASSIGN_OR_RETURN(updated,
                        projects_.UpdateInTx(tx, caller, project_id, in.version, [&](Project& pr) {
                          pr.longitude = p.lng;
                          pr.latitude = p.lat;
                          return Status::Ok();
                        }));
    return Status::Ok();
  }));
  return updated;
}

}  // namespace keyline
