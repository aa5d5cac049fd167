#include "core/service/naming_service.h"

#include "common/json_writer.h"
#include "core/naming/name_key.h"
#include "core/service/project_access.h"

namespace keyline {
namespace {

constexpr size_t kMaxAliasChars = 100;

std::string_view EntityOf(AliasOwner owner) {
  return owner == AliasOwner::kUnit ? "unit_alias" : "person_alias";
}

std::string AliasJson(AliasOwner owner, const NameAlias& a) {
  JsonWriter w;
  w.BeginObject().Key("id").Int(a.id);
  w.Key(owner == AliasOwner::kUnit ? "unit_id" : "person_id").Int(a.owner_id);
  w.Key("alias").String(a.alias).Key("match_key").String(a.match_key);
  w.Key("created_at").Int(a.created_at).EndObject();
  return w.Take();
}

Status NoWrite() {
  return Status::Forbidden("只有管理员和发改部门可以维护简称/别名",
                           "only admin and the 发改 office may change aliases");
}

// The owner's registered name; kNotFound when it does not exist.
Result<std::string> OwnerName(Tx& tx, const Repositories& repos, AliasOwner owner, int64_t id) {
  if (owner == AliasOwner::kUnit) {
    KL_ASSIGN_OR_RETURN(Unit u, repos.units->Get(tx, id));
    return u.name;
  }
  KL_ASSIGN_OR_RETURN(Person p, repos.people->Get(tx, id));
  return p.name;
}

}  // namespace

Result<naming::UnitNameMatcher> LoadUnitMatcher(Tx& tx, const Repositories& repos) {
  KL_ASSIGN_OR_RETURN(std::vector<naming::MatchableUnit> units, repos.aliases->MatchableUnits(tx));
  KL_ASSIGN_OR_RETURN(std::vector<Region> regions, repos.regions->List(tx));
  return naming::UnitNameMatcher(std::move(units), regions);
}

Result<naming::PersonNameMatcher> LoadPersonMatcher(Tx& tx, const Repositories& repos) {
  KL_ASSIGN_OR_RETURN(std::vector<naming::MatchablePerson> people,
                      repos.aliases->MatchablePeople(tx));
  return naming::PersonNameMatcher(std::move(people));
}

Result<bool> SaveAlias(Tx& tx, const Repositories& repos, AuditLog& audit, const Caller& caller,
                       AliasOwner owner, int64_t owner_id, const std::string& alias, int64_t now,
                       AliasSaveMode mode) {
  NameAlias a;
  a.owner_id = owner_id;
  a.alias = alias;
  a.match_key = naming::FoldName(alias);
  if (a.match_key.empty() || naming::CodePoints(alias).size() > kMaxAliasChars) {
    return Status::InvalidArgument("简称/别名不能为空且不超过100字",
                                   "the alias is required (max 100 characters)",
                                   {{"alias", "不能为空且不超过100字", "required, max 100"}});
  }
  KL_ASSIGN_OR_RETURN(std::string name, OwnerName(tx, repos, owner, owner_id));
  bool strict = mode == AliasSaveMode::kStrict;
  if (naming::FoldName(name) == a.match_key) {
    if (!strict) return false;
    return Status::InvalidArgument("别名与名称相同：" + alias,
                                   "the alias is the registered name: " + alias,
                                   {{"alias", "与名称相同", "same as the name"}});
  }
  KL_ASSIGN_OR_RETURN(std::optional<NameAlias> taken,
                      repos.aliases->FindByKey(tx, owner, a.match_key));
  if (taken && taken->owner_id == owner_id) {
    if (!strict) return false;
    return Status::Conflict("已有该别名：" + taken->alias, "the alias exists: " + taken->alias);
  }
  if (taken && !strict) {
    // The user mapped the value to another unit/person this time: the alias moves with it.
    KL_RETURN_IF_ERROR(repos.aliases->Delete(tx, owner, taken->id));
    KL_RETURN_IF_ERROR(audit.Record(tx, caller, "delete", std::string(EntityOf(owner)),
                                    std::to_string(taken->id), AliasJson(owner, *taken), ""));
    taken.reset();
  }
  if (taken) {
    std::string other = std::to_string(taken->owner_id);
    return Status::Conflict(
        "别名“" + alias + "”已属于" + (owner == AliasOwner::kUnit ? "单位" : "人员") + "#" + other,
        "the alias \"" + alias + "\" already belongs to " +
            (owner == AliasOwner::kUnit ? "unit" : "person") + " #" + other);
  }
  a.created_by = caller.user_id > 0 ? std::optional<int64_t>(caller.user_id) : std::nullopt;
  a.created_at = now;
  KL_ASSIGN_OR_RETURN(a.id, repos.aliases->Insert(tx, owner, a));
  KL_RETURN_IF_ERROR(audit.Record(tx, caller, "create", std::string(EntityOf(owner)),
                                  std::to_string(a.id), "", AliasJson(owner, a)));
  return true;
}

Result<std::vector<NameAlias>> NamingService::ListAliases(const Caller&, AliasOwner owner,
                                                          int64_t owner_id) {
  std::vector<NameAlias> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(OwnerName(tx, repos_, owner, owner_id).status());
    KL_ASSIGN_OR_RETURN(out, repos_.aliases->List(tx, owner, owner_id));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<NameAlias> NamingService::AddAlias(const Caller& caller, AliasOwner owner, int64_t owner_id,
                                          const std::string& alias) {
  if (!MayWriteReference(caller.role)) return NoWrite();
  NameAlias out;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    std::string key = naming::FoldName(alias);
    if (owner == AliasOwner::kUnit && !key.empty()) {
      // Another unit's registered name cannot be this unit's alias.
      KL_ASSIGN_OR_RETURN(std::vector<naming::MatchableUnit> units,
                          repos_.aliases->MatchableUnits(tx));
      for (const auto& u : units) {
        if (u.id != owner_id && naming::FoldName(u.name) == key) {
          return Status::Conflict("别名与单位“" + u.name + "”的名称相同",
                                  "the alias is the name of unit #" + std::to_string(u.id));
        }
      }
    }
    KL_ASSIGN_OR_RETURN(bool saved, SaveAlias(tx, repos_, audit_, caller, owner, owner_id, alias,
                                              clock_.NowMs(), AliasSaveMode::kStrict));
    if (!saved) return Status::Internal("alias not saved");
    KL_ASSIGN_OR_RETURN(std::optional<NameAlias> found, repos_.aliases->FindByKey(tx, owner, key));
    if (!found) return Status::Internal("alias not found after insert");
    out = *found;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status NamingService::DeleteAlias(const Caller& caller, AliasOwner owner, int64_t owner_id,
                                  int64_t alias_id) {
  if (!MayWriteReference(caller.role)) return NoWrite();
  return repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(NameAlias a, repos_.aliases->Get(tx, owner, alias_id));
    if (a.owner_id != owner_id) return Status::NotFound("别名不存在", "alias not found");
    KL_RETURN_IF_ERROR(repos_.aliases->Delete(tx, owner, alias_id));
    return audit_.Record(tx, caller, "delete", std::string(EntityOf(owner)),
                         std::to_string(alias_id), AliasJson(owner, a), "");
  });
}

Result<std::vector<Unit>> NamingService::UnitsNamed(const Caller&, const std::string& text,
                                                    std::optional<UnitKind> kind) {
  std::vector<Unit> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(naming::UnitNameMatcher matcher, LoadUnitMatcher(tx, repos_));
    naming::UnitMatch match = matcher.Resolve(text, /*with_suggestions=*/false);
    std::vector<int64_t> ids;
    if (match.unit_id) ids.push_back(*match.unit_id);
    if (match.outcome == naming::MatchOutcome::kAmbiguous) {
      for (const auto& c : match.candidates) ids.push_back(c.id);
    }
    for (int64_t id : ids) {
      KL_ASSIGN_OR_RETURN(Unit u, repos_.units->Get(tx, id));
      if (!kind || u.kind == *kind) out.push_back(std::move(u));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<naming::UnitMatch> NamingService::ResolveUnit(const Caller& caller,
                                                     const std::string& text) {
  if (!MayWriteReference(caller.role)) {
    return Status::Forbidden("只有管理员和发改部门可以按名称查找单位",
                             "only admin and the 发改 office may look units up by name");
  }
  naming::UnitMatch out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(naming::UnitNameMatcher matcher, LoadUnitMatcher(tx, repos_));
    out = matcher.Resolve(text);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<naming::PersonMatch> NamingService::ResolvePerson(const Caller& caller,
                                                         const std::string& text) {
  if (!MayWriteReference(caller.role)) {
    return Status::Forbidden("只有管理员和发改部门可以按姓名查找人员",
                             "only admin and the 发改 office may look people up by name");
  }
  naming::PersonMatch out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(naming::PersonNameMatcher matcher, LoadPersonMatcher(tx, repos_));
    out = matcher.Resolve(text);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace keyline
