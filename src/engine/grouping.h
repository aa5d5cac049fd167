// Group assignment for one grouping: which group each project and lead row belongs to, and the
// group keys (see evaluate.h for the key format). Internal to the engine.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/evaluate.h"
#include "engine/facts.h"

namespace keyline::engine {

struct Groups {
  std::vector<std::string> keys;
  std::vector<int32_t> of_project;  // project row → group
  std::vector<int32_t> of_lead;     // lead row → group
};

// Keys sorted by byte order; every project's and lead's group is listed. Linear in the rows,
// one key string per distinct unit / code / level.
Groups BuildGroups(const Facts& f, const Grouping& g);
// The key BuildGroups gives one project row's group.
std::string ProjectGroupKey(const Facts& f, const Grouping& g, size_t project_row);

}  // namespace keyline::engine
