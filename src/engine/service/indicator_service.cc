#include "engine/service/indicator_service.h"

#include <utility>

#include "common/json_writer.h"
#include "core/service/engine_access.h"
#include "engine/evaluate.h"
#include "engine/indicator_sets.h"
#include "engine/service/db_indicator_catalogue.h"

namespace keyline::engine {
namespace {

Status RequireEditor(const Caller& caller) {
  if (MayConfigureEngine(caller.role)) return Status::Ok();
  return Status::Forbidden("只有管理员或发改部门可以修改指标",
                           "only an administrator or the supervisor may change indicators");
}

Status Bad(const char* field, const std::string& zh, const std::string& en) {
  return Status::InvalidArgument(zh, en, {FieldError{field, zh, en}});
}

bool ValidKey(const std::string& s, size_t max, bool dots) {
  if (s.empty() || s.size() > max) return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (dots && c == '.');
    if (!ok) return false;
  }
  return true;
}

std::string ToJson(const IndicatorRecord& r) {
  JsonWriter w;
  w.BeginObject();
  w.Key("code").String(r.code);
  w.Key("set").String(r.set);
  w.Key("name_zh").String(r.name_zh);
  w.Key("name_en").String(r.name_en);
  w.Key("numerator").String(r.numerator);
  w.Key("denominator").String(r.denominator);
  w.Key("decimals").Int(r.decimals);
  w.Key("builtin").Bool(r.builtin);
  w.EndObject();
  return w.Take();
}

Status NoSuchIndicator(const std::string& code) {
  return Status::NotFound("没有指标 " + code, "no indicator " + code);
}

}  // namespace

Status IndicatorService::Validate(const IndicatorRecord& in) {
  if (!ValidKey(in.code, 64, true)) {
    return Bad("code", "指标代码应为 1–64 个小写字母、数字、下划线或点",
               "code must be 1-64 characters of a-z, 0-9, _ and .");
  }
  if (!ValidKey(in.set, 32, false)) {
    return Bad("set", "指标集代码应为 1–32 个小写字母、数字或下划线",
               "set must be 1-32 characters of a-z, 0-9 and _");
  }
  if (in.name_zh.empty() || in.name_zh.size() > 200) {
    return Bad("name_zh", "中文名称不能为空且不超过 200 字节", "name_zh must be 1-200 bytes");
  }
  if (in.name_en.size() > 200) {
    return Bad("name_en", "英文名称不超过 200 字节", "name_en must be at most 200 bytes");
  }
  IndicatorDef def = DefOf(in);
  return CompileIndicator(std::move(def)).status();
}

Status IndicatorService::Check(const std::string& numerator, const std::string& denominator) {
  IndicatorDef def;
  def.numerator = numerator;
  def.denominator = denominator;
  return CompileIndicator(std::move(def)).status();
}

Result<std::vector<IndicatorRecord>> IndicatorService::List(const Caller&) {
  std::vector<IndicatorRecord> out;
  KL_RETURN_IF_ERROR(tx_.Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, repo_.List(tx));
    return Status::Ok();
  }));
  return out;
}

Result<IndicatorRecord> IndicatorService::Get(const Caller&, const std::string& code) {
  std::optional<IndicatorRecord> out;
  KL_RETURN_IF_ERROR(tx_.Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, repo_.Get(tx, code));
    return Status::Ok();
  }));
  if (!out) return NoSuchIndicator(code);
  return *out;
}

Result<IndicatorRecord> IndicatorService::Create(const Caller& caller, IndicatorRecord in) {
  KL_RETURN_IF_ERROR(RequireEditor(caller));
  KL_RETURN_IF_ERROR(Validate(in));
  in.builtin = false;
  in.created_at = in.updated_at = clock_.NowMs();
  KL_RETURN_IF_ERROR(tx_.Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(auto existing, repo_.Get(tx, in.code));
    if (existing) {
      return Status::Conflict("指标代码已存在：" + in.code, "indicator code exists: " + in.code);
    }
    KL_RETURN_IF_ERROR(repo_.Insert(tx, in));
    return audit_.Record(tx, caller, "create", "indicator", in.code, "", ToJson(in));
  }));
  return in;
}

Result<IndicatorRecord> IndicatorService::Update(const Caller& caller, const std::string& code,
                                                 IndicatorRecord in) {
  KL_RETURN_IF_ERROR(RequireEditor(caller));
  in.code = code;
  KL_RETURN_IF_ERROR(Validate(in));
  KL_RETURN_IF_ERROR(tx_.Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(auto before, repo_.Get(tx, code));
    if (!before) return NoSuchIndicator(code);
    in.builtin = before->builtin;
    in.created_at = before->created_at;
    in.updated_at = clock_.NowMs();
    KL_RETURN_IF_ERROR(repo_.Update(tx, in));
    return audit_.Record(tx, caller, "update", "indicator", code, ToJson(*before), ToJson(in));
  }));
  return in;
}

Status IndicatorService::Delete(const Caller& caller, const std::string& code) {
  KL_RETURN_IF_ERROR(RequireEditor(caller));
  return tx_.Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(auto before, repo_.Get(tx, code));
    if (!before) return NoSuchIndicator(code);
    KL_RETURN_IF_ERROR(repo_.Delete(tx, code));
    return audit_.Record(tx, caller, "delete", "indicator", code, ToJson(*before), "");
  });
}

Status IndicatorService::EnsureBuiltins() {
  Caller system = Caller::System("indicators");
  int64_t now = clock_.NowMs();
  return tx_.Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(auto existing, repo_.List(tx));
    if (!existing.empty()) return Status::Ok();
    for (const auto& set : {FengxiIndicators(), ShaanxiIndicators()}) {
      for (const auto& d : set) {
        IndicatorRecord r{d.code,        d.set,      d.name_zh, d.name_en, d.numerator,
                          d.denominator, d.decimals, true,      now,       now};
        KL_RETURN_IF_ERROR(repo_.Insert(tx, r));
        KL_RETURN_IF_ERROR(audit_.Record(tx, system, "create", "indicator", r.code, "", ToJson(r)));
      }
    }
    return Status::Ok();
  });
}

}  // namespace keyline::engine
