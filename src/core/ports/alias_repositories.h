// Storage of the aliases (简称/别名) of units and people (migration 11): the other names a
// ledger may use for them. match_key is the folded alias (core/naming/name_key.h) and is
// unique per table, so one written name never points at two units (or two people).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "core/naming/person_name_matcher.h"
#include "core/naming/unit_name_matcher.h"
#include "core/ports/tx.h"

namespace keyline {

enum class AliasOwner { kUnit, kPerson };

struct NameAlias {
  int64_t id = 0;
  int64_t owner_id = 0;  // the unit or the person
  std::string alias;     // as written
  std::string match_key;
  std::optional<int64_t> created_by;  // user id (none for the CLI / system)
  int64_t created_at = 0;
};

class AliasRepository {
 public:
  virtual ~AliasRepository() = default;
  // Every alias of `owner` kind, or of one unit/person; in id order.
  virtual Result<std::vector<NameAlias>> List(Tx& tx, AliasOwner owner,
                                              std::optional<int64_t> owner_id) = 0;
  virtual Result<NameAlias> Get(Tx& tx, AliasOwner owner, int64_t id) = 0;  // kNotFound
  // The alias with this match key, if any.
  virtual Result<std::optional<NameAlias>> FindByKey(Tx& tx, AliasOwner owner,
                                                     const std::string& match_key) = 0;
  // The new id; kConflict when the match key is taken.
  virtual Result<int64_t> Insert(Tx& tx, AliasOwner owner, const NameAlias& alias) = 0;
  virtual Status Delete(Tx& tx, AliasOwner owner, int64_t id) = 0;  // kNotFound

  // Every unit (id, name, kind, region) with its aliases, and every person (with the name of
  // their unit) with theirs: what the name matchers are built from, one query each.
  virtual Result<std::vector<naming::MatchableUnit>> MatchableUnits(Tx& tx) = 0;
  virtual Result<std::vector<naming::MatchablePerson>> MatchablePeople(Tx& tx) = 0;
};

}  // namespace keyline
