// Key lists (重点项目名单) as sequences of approved changes. Pure functions, no I/O.
//
// A project is on the (year, level) list on date D when its latest approved change with
// effective_on ≤ D (ties: the later id) is an addition. Changes of one project must alternate:
// add, remove, add, ... in effective_on order; a change that would add a member or remove a
// non-member is refused.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "core/model/funds.h"

namespace keyline {

// The members on as_of among the approved changes of one list (any order, any projects),
// ordered by project id.
std::vector<KeyListMember> MembersAsOf(const std::vector<KeyListChange>& approved,
                                       const std::string& as_of);

// OK when `change` fits into the approved changes of its project (same year and level);
// kConflict with a bilingual message otherwise.
Status CheckChangeFits(const std::vector<KeyListChange>& approved, const KeyListChange& change);

}  // namespace keyline
