#include "storage/engine/change_feed.h"

namespace keyline::storage {

void TouchedFacts::Add(const AuditChange& c) {
  if (c.project_id > 0) projects.insert(c.project_id);
  if (c.lead_id > 0) leads.insert(c.lead_id);
}

}  // namespace keyline::storage
