// The district outline of the map (one per deployment, i.e. per 发改 office): its GeoJSON text
// as uploaded, who set it and when.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/result.h"
#include "core/ports/tx.h"

namespace keyline {

struct StoredOutline {
  std::string geojson;
  int64_t updated_by = 0;
  int64_t updated_at = 0;  // ms since the epoch
};

class MapOutlineRepository {
 public:
  virtual ~MapOutlineRepository() = default;
  // The outline, or nullopt when none is set.
  virtual Result<std::optional<StoredOutline>> Get(Tx& tx) = 0;
  // Replaces the outline.
  virtual Status Put(Tx& tx, const StoredOutline& outline) = 0;
  // Removes it (OK when there is none).
  virtual Status Clear(Tx& tx) = 0;
};

}  // namespace keyline
