// NameBook: the names of the units and regions a set of projects refers to, read once.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "core/model/project.h"
#include "core/model/reference.h"
#include "core/ports/repositories.h"

namespace keyline::documents {

struct NameBook {
  std::map<int64_t, Unit> units;
  std::map<std::string, std::string> regions;  // code → name

  // "" when the id is absent or unknown.
  std::string UnitName(const std::optional<int64_t>& id) const;
  const Unit* FindUnit(const std::optional<int64_t>& id) const;
  std::string RegionName(const std::optional<std::string>& code) const;
};

// Reads the owner and responsible units and the regions of `projects` (plus `extra_units`)
// inside tx. Reference data is not scoped: any caller who sees a project sees its units' names.
Result<NameBook> LoadNames(Tx& tx, const Repositories& repos, const std::vector<Project>& projects,
                           const std::vector<int64_t>& extra_units = {});

}  // namespace keyline::documents
