#include "core/service/setup_service.h"

#include "common/json_writer.h"
#include "core/service/reference_service.h"
#include "core/service/user_service.h"

namespace keyline {
namespace {

// Where a failing row was, kept with its code and field details.
Status Within(const std::string& zh, const std::string& en, const Status& cause) {
  return Status(cause.code(), zh + "：" + cause.message_zh(), en + ": " + cause.message_en(),
                cause.details());
}

}  // namespace

Result<SetupResult> SetupService::Run(const Caller& caller, const SetupPlan& plan,
                                      const SetupAdmin& admin) {
  NewUser account;
  account.username = admin.username;
  account.display_name = admin.display_name.empty() ? admin.username : admin.display_name;
  account.role = Role::kAdmin;
  account.password = admin.password;
  KL_ASSIGN_OR_RETURN(std::string password_hash, users_.HashNewPassword(account));

  SetupResult result;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    result = SetupResult();
    // Every write appends to the audit log, and appenders are serialised (LockTail): holding
    // that lock first, the check below sees every write committed before and none can slip in
    // after it (two setups at once: the second finds the first's rows).
    KL_RETURN_IF_ERROR(repos_.audit->LockTail(tx).status());
    // Empty means no units, accounts or projects (regions may be there already).
    UnitQuery unit_query;
    unit_query.page.limit = 1;
    KL_ASSIGN_OR_RETURN(PageOf<Unit> units, repos_.units->List(tx, unit_query));
    KL_ASSIGN_OR_RETURN(std::vector<User> users, repos_.users->List(tx));
    ProjectQuery project_query;
    project_query.page.limit = 1;
    KL_ASSIGN_OR_RETURN(PageOf<Project> projects,
                        repos_.projects->List(tx, project_query, ProjectScope{}));
    if (units.total > 0 || !users.empty() || projects.total > 0) {
      std::string counts_zh = std::to_string(units.total) + " 个单位、" +
                              std::to_string(users.size()) + " 个账号、" +
                              std::to_string(projects.total) + " 个项目";
      std::string counts_en = std::to_string(units.total) + " units, " +
                              std::to_string(users.size()) + " accounts, " +
                              std::to_string(projects.total) + " projects";
      return Status::Conflict(
          "数据库已有数据（" + counts_zh +
              "），初始设置只能在空数据库上进行，未做任何修改。请换一个新数据库（--db），"
              "或以管理员身份登录后在“单位”“用户管理”中继续维护",
          "the database already has data (" + counts_en +
              "): setup only runs on an empty database, nothing was changed. Use a new "
              "database (--db), or log in as an admin and carry on under units and users");
    }

    for (const Region& region : plan.regions) {
      bool town = region.code.size() == 9;
      result.towns += town;
      if (repos_.regions->Get(tx, region.code).ok()) {
        ++result.regions_existing;
        continue;
      }
      Result<Region> created = reference_.CreateRegionInTx(tx, caller, region);
      if (!created.ok()) {
        return Within("区划 " + region.code + " " + region.name,
                      "region " + region.code + " " + region.name, created.status());
      }
      ++result.regions_created;
    }

    auto create_unit = [&](const PlannedUnit& planned) -> Result<Unit> {
      Unit unit;
      unit.name = planned.name;
      unit.kind = planned.kind;
      unit.region_code = planned.region_code;
      Result<Unit> created = reference_.CreateUnitInTx(tx, caller, unit);
      if (!created.ok()) {
        return Within("单位 " + planned.name, "unit " + planned.name, created.status());
      }
      return created;
    };
    KL_ASSIGN_OR_RETURN(result.office, create_unit(plan.office));
    for (const PlannedUnit& unit : plan.departments) {
      KL_RETURN_IF_ERROR(create_unit(unit).status());
      ++result.departments;
    }
    for (const PlannedUnit& unit : plan.townships) {
      KL_RETURN_IF_ERROR(create_unit(unit).status());
      ++result.townships;
    }

    account.unit_id = result.office.id;
    Result<User> user = users_.CreateInTx(tx, caller, account, password_hash);
    if (!user.ok()) return Within("管理员账号", "admin account", user.status());
    result.admin = *user;

    JsonWriter w;
    w.BeginObject();
    w.Key("region_code").String(plan.office.region_code);
    w.Key("office_id").Int(result.office.id);
    w.Key("office").String(result.office.name);
    w.Key("regions_created").Int(result.regions_created);
    w.Key("regions_existing").Int(result.regions_existing);
    w.Key("departments").Int(result.departments);
    w.Key("townships").Int(result.townships);
    w.Key("admin").String(result.admin.username);
    w.EndObject();
    return audit_.Record(tx, caller, "setup", "district", plan.office.region_code, "", w.Take());
  });
  if (!st.ok()) return st;
  return result;
}

}  // namespace keyline
