// FilterFacts: a copy of the facts restricted to some projects (the caller's visible ones), so
// indicators and rankings over a department's or a company's scope use only its projects.
// Leads follow their unit when they have no project, their project otherwise. O(rows).
#pragma once

#include <cstdint>
#include <unordered_set>

#include "engine/facts.h"

namespace keyline::engine {

Facts FilterFacts(const Facts& facts, const std::unordered_set<int64_t>& project_ids,
                  const std::unordered_set<int64_t>& lead_units);

}  // namespace keyline::engine
