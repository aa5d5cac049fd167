// NamingService: the aliases (简称/别名) of units and people, and name look-ups through the
// matchers (core/naming). Aliases are reference data: every role that sees units reads them,
// only admin and the 发改 office (supervisor) add or remove them, and every write is audited
// ("unit_alias" / "person_alias").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/role.h"
#include "core/naming/person_name_matcher.h"
#include "core/naming/unit_name_matcher.h"
#include "core/ports/alias_repositories.h"
#include "core/ports/repositories.h"
#include "core/service/audit_log.h"

namespace keyline {

// The matchers over the whole database, as of tx.
Result<naming::UnitNameMatcher> LoadUnitMatcher(Tx& tx, const Repositories& repos);
Result<naming::PersonNameMatcher> LoadPersonMatcher(Tx& tx, const Repositories& repos);

enum class AliasSaveMode {
  kStrict,   // the API: an alias equal to the name, or one the owner has, is an error
  kLenient,  // an import's confirmation: those are skipped, and an alias of another
             // unit/person moves to this one (the user's newer answer; audited as a delete)
};

// Saves `alias` for the unit or person `owner_id` inside tx, audited. Returns whether a row
// was written. kInvalidArgument for a blank or over-long alias (max 100 characters),
// kNotFound for an unknown owner; strict: kConflict when the alias already names another
// unit/person or the owner has it, kInvalidArgument when it is the owner's name.
Result<bool> SaveAlias(Tx& tx, const Repositories& repos, AuditLog& audit, const Caller& caller,
                       AliasOwner owner, int64_t owner_id, const std::string& alias, int64_t now,
                       AliasSaveMode mode);

class NamingService {
 public:
  NamingService(const Repositories& repos, AuditLog& audit, const Clock& clock)
      : repos_(repos), audit_(audit), clock_(clock) {}

  // The aliases of one unit/person (kNotFound when it does not exist).
  Result<std::vector<NameAlias>> ListAliases(const Caller& caller, AliasOwner owner,
                                             int64_t owner_id);
  // Adds an alias (admin/supervisor; kForbidden otherwise). Besides SaveAlias's checks, an
  // alias may not be another unit's registered name (kConflict).
  Result<NameAlias> AddAlias(const Caller& caller, AliasOwner owner, int64_t owner_id,
                             const std::string& alias);
  // Removes an alias of owner_id (kNotFound when it is not one of its aliases).
  Status DeleteAlias(const Caller& caller, AliasOwner owner, int64_t owner_id, int64_t alias_id);

  // The units a text may name (the matched unit, or every candidate of an ambiguous text;
  // none for an unknown one), optionally of one kind: the unit list's fallback when its
  // substring search finds nothing (GET /units?q=区住建局). Every role that lists units.
  Result<std::vector<Unit>> UnitsNamed(const Caller& caller, const std::string& text,
                                       std::optional<UnitKind> kind);

  // What a text names (admin/supervisor: the office's look-up; kForbidden otherwise).
  Result<naming::UnitMatch> ResolveUnit(const Caller& caller, const std::string& text);
  Result<naming::PersonMatch> ResolvePerson(const Caller& caller, const std::string& text);

 private:
  Repositories repos_;
  AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace keyline
