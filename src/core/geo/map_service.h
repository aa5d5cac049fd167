// MapService: the district outline of the map and the checked setting of a project's location.
//
//   outline   GET everyone signed in (the boundary is drawn on every map); PUT / DELETE admin
//             and supervisor (发改) only, validated (geo::ParseOutline), audited as
//             ("map_outline", "district", "outline")
//   location  whoever may edit the project (ProjectService::Update decides); the point must lie
//             inside the outline when one is set, else kInvalidArgument naming the field; a
//             point given in GCJ-02 (高德 / 腾讯 coordinates) is converted to WGS-84 first
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/clock.h"
#include "common/result.h"
#include "core/geo/geo.h"
#include "core/model/role.h"
#include "core/ports/map_outline_repository.h"
#include "core/ports/tx.h"
#include "core/service/audit_log.h"
#include "core/service/project_service.h"

namespace keyline {

enum class Datum { kWgs84, kGcj02 };

struct LocationInput {
  int64_t version = 0;  // the project's version the client saw
  geo::LngLat point;
  Datum datum = Datum::kWgs84;
};

class MapService {
 public:
  MapService(TxRunner& tx, MapOutlineRepository& outlines, ProjectService& projects,
             AuditLog& audit, const Clock& clock)
      : tx_(tx), outlines_(outlines), projects_(projects), audit_(audit), clock_(clock) {}

  // The stored outline, nullopt when none is set.
  Result<std::optional<StoredOutline>> Outline(const Caller& caller);
  // Validates and stores geojson; returns what was stored. kForbidden for other roles.
  Result<StoredOutline> PutOutline(const Caller& caller, std::string geojson);
  // Removes the outline. kForbidden for other roles.
  Status ClearOutline(const Caller& caller);
  // Sets the project's longitude/latitude (WGS-84, rounded to 7 decimals) in one transaction
  // with the outline check; returns the updated project. kConflict on a stale version.
  Result<Project> SetLocation(const Caller& caller, int64_t project_id, const LocationInput& in);

 private:
  TxRunner& tx_;
  MapOutlineRepository& outlines_;
  ProjectService& projects_;
  AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace keyline
