#include "core/service/reference_service.h"

#include "common/date.h"
#include "core/codes/area_code.h"
#include "core/codes/credit_code.h"
#include "core/model/json.h"
#include "core/service/contact_access.h"
#include "core/service/project_access.h"

namespace keyline {
namespace {

Status NoWrite() {
  return Status::Forbidden("当前角色无权维护基础数据", "this role may not change reference data");
}

size_t Utf8Length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

Status Invalid(const std::string& what_zh, const std::string& what_en,
               std::vector<FieldError> errors) {
  FieldError first = errors.front();
  return Status::InvalidArgument(what_zh + first.message_zh, what_en + first.message_en,
                                 std::move(errors));
}

Status StaleVersion() {
  return Status::Conflict("数据已被他人修改，请刷新后重试",
                          "the record was changed by someone else; reload and retry");
}

}  // namespace

// ---- Regions ----

Status ReferenceService::ValidateRegion(Tx& tx, const Region& r) {
  std::vector<FieldError> errors;
  codes::CodeCheck check = codes::CheckRegionCode(r.code);
  if (check.level == codes::CodeCheck::Level::kError) {
    errors.push_back({"code", "区划代码" + check.message_zh, "area code: " + check.message_en});
  }
  if (Blank(r.name) || Utf8Length(r.name) > 100) {
    errors.push_back({"name", "名称不能为空且不超过100字", "name is required (max 100)"});
  }
  if (r.parent_code) {
    if (*r.parent_code == r.code) {
      errors.push_back({"parent_code", "上级区划不能是自身", "a region cannot be its own parent"});
    } else if (!repos_.regions->Get(tx, *r.parent_code).ok()) {
      errors.push_back({"parent_code", "上级区划不存在", "parent region does not exist"});
    }
  }
  if (errors.empty()) return Status::Ok();
  return Invalid("区划信息有误：", "invalid region: ", std::move(errors));
}

Result<std::vector<Region>> ReferenceService::ListRegions(const Caller&) {
  std::vector<Region> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, repos_.regions->List(tx));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Region> ReferenceService::GetRegion(const Caller&, const std::string& code) {
  Region out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, repos_.regions->Get(tx, code));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Region> ReferenceService::CreateRegion(const Caller& caller, Region region) {
  if (!MayWriteReference(caller.role)) return NoWrite();
  Region created;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(created, CreateRegionInTx(tx, caller, std::move(region)));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return created;
}

Result<Region> ReferenceService::CreateRegionInTx(Tx& tx, const Caller& caller, Region region) {
  if (!MayWriteReference(caller.role)) return NoWrite();
  KL_RETURN_IF_ERROR(ValidateRegion(tx, region));
  if (repos_.regions->Get(tx, region.code).ok()) {
    return Status::Conflict("区划代码已存在：" + region.code,
                            "region code already exists: " + region.code);
  }
  region.version = 1;
  KL_RETURN_IF_ERROR(repos_.regions->Insert(tx, region));
  KL_ASSIGN_OR_RETURN(Region created, repos_.regions->Get(tx, region.code));
  KL_RETURN_IF_ERROR(
      audit_.Record(tx, caller, "create", "region", region.code, "", ToJson(created)));
  return created;
}

Result<Region> ReferenceService::UpdateRegion(const Caller& caller, const std::string& code,
                                              int64_t expected_version, const RegionPatch& patch) {
  if (!MayWriteReference(caller.role)) return NoWrite();
  Region updated;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Region before, repos_.regions->Get(tx, code));
    if (before.version != expected_version) return StaleVersion();
    Region after = before;
    KL_RETURN_IF_ERROR(patch(after));
    after.code = before.code;  // the code is the identity
    KL_RETURN_IF_ERROR(ValidateRegion(tx, after));
    KL_RETURN_IF_ERROR(repos_.regions->Update(tx, after, expected_version));
    KL_ASSIGN_OR_RETURN(updated, repos_.regions->Get(tx, code));
    return audit_.Record(tx, caller, "update", "region", code, ToJson(before), ToJson(updated));
  });
  if (!st.ok()) return st;
  return updated;
}

// ---- Units ----

Status ReferenceService::ValidateUnit(Tx& tx, Unit* u, bool lenient,
                                      std::vector<std::string>* warnings) {
  std::vector<FieldError> errors;
  if (Blank(u->name) || Utf8Length(u->name) > 200) {
    errors.push_back({"name", "单位名称不能为空且不超过200字", "name is required (max 200)"});
  }
  if (Utf8Length(u->contact) > 200) {
    errors.push_back({"contact", "联系方式过长", "contact is too long (max 200)"});
  }
  if (u->credit_code) {
    std::string code = *u->credit_code;
    for (char& c : code) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    u->credit_code = code;
    codes::CodeCheck check = codes::CheckCreditCode(code, !lenient);
    if (check.level == codes::CodeCheck::Level::kError) {
      errors.push_back({"credit_code", "统一社会信用代码" + check.message_zh,
                        "credit code: " + check.message_en});
    } else if (check.level == codes::CodeCheck::Level::kWarning && warnings) {
      warnings->push_back("统一社会信用代码" + check.message_zh);
    }
  }
  if (u->region_code && !repos_.regions->Get(tx, *u->region_code).ok()) {
    errors.push_back({"region_code", "所属区域代码不存在", "unknown region code"});
  }
  if (u->parent_id) {
    if (*u->parent_id == u->id) {
      errors.push_back({"parent_id", "上级单位不能是自身", "a unit cannot be its own parent"});
    } else if (!repos_.units->Get(tx, *u->parent_id).ok()) {
      errors.push_back({"parent_id", "上级单位不存在", "parent unit does not exist"});
    }
  }
  if (errors.empty()) return Status::Ok();
  return Invalid("单位信息有误：", "invalid unit: ", std::move(errors));
}

std::string ReferenceService::Today() const {
  return Date::FromUnixMsBeijing(clock_.NowMs()).ToString();
}

Result<PageOf<Unit>> ReferenceService::ListUnits(const Caller& caller, const UnitQuery& query) {
  PageOf<Unit> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, repos_.units->List(tx, query));
    ContactAccess access(caller);
    for (Unit& u : out.items) KL_RETURN_IF_ERROR(access.Apply(tx, *repos_.projects, Today(), &u));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Unit> ReferenceService::GetUnit(const Caller& caller, int64_t id) {
  Unit out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, repos_.units->Get(tx, id));
    ContactAccess access(caller);
    return access.Apply(tx, *repos_.projects, Today(), &out);
  });
  if (!st.ok()) return st;
  return out;
}

Result<Unit> ReferenceService::CreateUnit(const Caller& caller, Unit unit, bool lenient,
                                          std::vector<std::string>* warnings) {
  if (!MayWriteReference(caller.role)) return NoWrite();
  Unit created;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(created, CreateUnitInTx(tx, caller, std::move(unit), lenient, warnings));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return created;
}

Result<Unit> ReferenceService::CreateUnitInTx(Tx& tx, const Caller& caller, Unit unit, bool lenient,
                                              std::vector<std::string>* warnings) {
  if (!MayWriteReference(caller.role)) return NoWrite();
  unit.id = 0;
  KL_RETURN_IF_ERROR(ValidateUnit(tx, &unit, lenient, warnings));
  unit.version = 1;
  unit.created_at = unit.updated_at = clock_.NowMs();
  KL_ASSIGN_OR_RETURN(int64_t id, repos_.units->Insert(tx, unit));
  KL_ASSIGN_OR_RETURN(Unit created, repos_.units->Get(tx, id));
  KL_RETURN_IF_ERROR(
      audit_.Record(tx, caller, "create", "unit", std::to_string(id), "", ToJson(created)));
  return created;
}

Result<Unit> ReferenceService::UpdateUnit(const Caller& caller, int64_t id,
                                          int64_t expected_version, const UnitPatch& patch) {
  if (!MayWriteReference(caller.role)) return NoWrite();
  Unit updated;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Unit before, repos_.units->Get(tx, id));
    if (before.version != expected_version) return StaleVersion();
    Unit after = before;
    KL_RETURN_IF_ERROR(patch(after));
    after.id = id;
    KL_RETURN_IF_ERROR(ValidateUnit(tx, &after, /*lenient=*/false, nullptr));
    after.updated_at = clock_.NowMs();
    KL_RETURN_IF_ERROR(repos_.units->Update(tx, after, expected_version));
    KL_ASSIGN_OR_RETURN(updated, repos_.units->Get(tx, id));
    return audit_.Record(tx, caller, "update", "unit", std::to_string(id), ToJson(before),
                         ToJson(updated));
  });
  if (!st.ok()) return st;
  return updated;
}

// ---- People ----

Status ReferenceService::ValidatePerson(Tx& tx, const Person& p) {
  std::vector<FieldError> errors;
  if (Blank(p.name) || Utf8Length(p.name) > 50) {
    errors.push_back({"name", "姓名不能为空且不超过50字", "name is required (max 50)"});
  }
  if (Utf8Length(p.title) > 100) errors.push_back({"title", "职务过长", "title is too long"});
  if (Utf8Length(p.phone) > 40) errors.push_back({"phone", "电话过长", "phone is too long"});
  if (p.unit_id && !repos_.units->Get(tx, *p.unit_id).ok()) {
    errors.push_back({"unit_id", "所在单位不存在", "unit does not exist"});
  }
  if (errors.empty()) return Status::Ok();
  return Invalid("人员信息有误：", "invalid person: ", std::move(errors));
}

Result<PageOf<Person>> ReferenceService::ListPeople(const Caller& caller,
                                                    const PersonQuery& query) {
  PageOf<Person> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, repos_.people->List(tx, query));
    ContactAccess access(caller);
    for (Person& p : out.items) {
      KL_RETURN_IF_ERROR(access.Apply(tx, *repos_.projects, Today(), &p));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Person> ReferenceService::GetPerson(const Caller& caller, int64_t id) {
  Person out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, repos_.people->Get(tx, id));
    ContactAccess access(caller);
    return access.Apply(tx, *repos_.projects, Today(), &out);
  });
  if (!st.ok()) return st;
  return out;
}

Result<Person> ReferenceService::CreatePerson(const Caller& caller, Person person) {
  if (!MayWriteReference(caller.role)) return NoWrite();
  Person created;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    person.id = 0;
    KL_RETURN_IF_ERROR(ValidatePerson(tx, person));
    person.version = 1;
    person.created_at = person.updated_at = clock_.NowMs();
    KL_ASSIGN_OR_RETURN(int64_t id, repos_.people->Insert(tx, person));
    KL_ASSIGN_OR_RETURN(created, repos_.people->Get(tx, id));
    return audit_.Record(tx, caller, "create", "person", std::to_string(id), "", ToJson(created));
  });
  if (!st.ok()) return st;
  return created;
}

Result<Person> ReferenceService::UpdatePerson(const Caller& caller, int64_t id,
                                              int64_t expected_version, const PersonPatch& patch) {
  if (!MayWriteReference(caller.role)) return NoWrite();
  Person updated;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Person before, repos_.people->Get(tx, id));
    if (before.version != expected_version) return StaleVersion();
    Person after = before;
    KL_RETURN_IF_ERROR(patch(after));
    after.id = id;
    KL_RETURN_IF_ERROR(ValidatePerson(tx, after));
    after.updated_at = clock_.NowMs();
    KL_RETURN_IF_ERROR(repos_.people->Update(tx, after, expected_version));
    KL_ASSIGN_OR_RETURN(updated, repos_.people->Get(tx, id));
    return audit_.Record(tx, caller, "update", "person", std::to_string(id), ToJson(before),
                         ToJson(updated));
  });
  if (!st.ok()) return st;
  return updated;
}

}  // namespace keyline
