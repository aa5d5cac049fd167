#include "core/service/target_service.h"

#include <cmath>

#include "common/date.h"
#include "core/attraction/attraction_access.h"
#include "core/model/attraction_json.h"
#include "core/model/json.h"

namespace keyline {
namespace {

Status Reject(const char* field, const std::string& zh, const std::string& en) {
  return Status::InvalidArgument(zh, en, {{field, zh, en}});
}

void Apply(const TargetInput& in, Target* t) {
  t->year = in.year;
  t->title = in.title;
  t->target_value = in.target_value;
  t->unit = in.unit;
  t->responsible_unit_id = in.responsible_unit_id;
  t->measure = in.measure;
  t->threshold = in.threshold;
  t->note = in.note;
}

}  // namespace

std::string TargetService::Today() const {
  return Date::FromUnixMsBeijing(clock_.NowMs()).ToString();
}

Status TargetService::Check(Tx& tx, const TargetInput& in) {
  if (in.year < 2000 || in.year > 2100)
    return Reject("year", "年度须在 2000–2100 之间", "year must be 2000..2100");
  if (in.title.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Reject("title", "目标任务名称不能为空", "title is required");
  }
  if (!std::isfinite(in.target_value) || in.target_value <= 0 || in.target_value > 1e12) {
    return Reject("target_value", "目标值应为正数", "target_value must be a positive number");
  }
  if (in.threshold && in.threshold->cents < 0) {
    return Reject("threshold", "门槛金额不能为负数", "threshold cannot be negative");
  }
  if (in.responsible_unit_id) {
    Result<Unit> unit = repos_.units->Get(tx, *in.responsible_unit_id);
    if (!unit.ok()) return Reject("responsible_unit_id", "责任单位不存在", "unknown unit");
  }
  return Status::Ok();
}

Result<TargetView> TargetService::View(Tx& tx, Target target,
                                       const std::vector<TargetActual>& actuals) {
  TargetView v;
  std::optional<double> computed;
  if (target.measure != TargetMeasure::kManual) {
    KL_ASSIGN_OR_RETURN(YearFacts facts, attraction_.targets->Facts(
                                             tx, target.year, target.threshold.value_or(Money{})));
    computed = MeasureValue(target.measure, facts);
  }
  std::optional<double> entered;
  if (!actuals.empty()) {
    v.latest = actuals.back();
    entered = actuals.back().value;
  }
  v.progress = ComputeTargetProgress(target, computed, entered, Today());
  v.target = std::move(target);
  return v;
}

Result<std::vector<TargetView>> TargetService::List(const Caller& caller, int year) {
  KL_RETURN_IF_ERROR(RequireAttractionReader(caller));
  std::vector<TargetView> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(std::vector<Target> targets, attraction_.targets->List(tx, year));
    for (Target& t : targets) {
      KL_ASSIGN_OR_RETURN(std::vector<TargetActual> actuals,
                          attraction_.targets->Actuals(tx, t.id));
      KL_ASSIGN_OR_RETURN(TargetView v, View(tx, std::move(t), actuals));
      out.push_back(std::move(v));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<TargetDetail> TargetService::Get(const Caller& caller, int64_t id) {
  KL_RETURN_IF_ERROR(RequireAttractionReader(caller));
  TargetDetail out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Target t, attraction_.targets->Get(tx, id));
    KL_ASSIGN_OR_RETURN(out.actuals, attraction_.targets->Actuals(tx, id));
    KL_ASSIGN_OR_RETURN(out.view, View(tx, std::move(t), out.actuals));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Target> TargetService::Create(const Caller& caller, const TargetInput& input) {
  KL_RETURN_IF_ERROR(RequireAttractionOffice(caller));
  Target target;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(Check(tx, input));
    Apply(input, &target);
    target.created_at = target.updated_at = clock_.NowMs();
    target.version = 1;
    KL_ASSIGN_OR_RETURN(target.id, attraction_.targets->Insert(tx, target));
    return audit_.Record(tx, caller, "create", "annual_target", std::to_string(target.id), "",
                         ToJson(target));
  });
  if (!st.ok()) return st;
  return target;
}

Result<Target> TargetService::Update(const Caller& caller, int64_t id, int64_t expected_version,
                                     const TargetInput& input) {
  KL_RETURN_IF_ERROR(RequireAttractionOffice(caller));
  Target target;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(Check(tx, input));
    KL_ASSIGN_OR_RETURN(Target before, attraction_.targets->Get(tx, id));
    target = before;
    Apply(input, &target);
    target.updated_at = clock_.NowMs();
    KL_RETURN_IF_ERROR(attraction_.targets->Update(tx, target, expected_version));
    target.version = expected_version + 1;
    return audit_.Record(tx, caller, "update", "annual_target", std::to_string(id), ToJson(before),
                         ToJson(target));
  });
  if (!st.ok()) return st;
  return target;
}

Result<TargetActual> TargetService::RecordActual(const Caller& caller, int64_t id, double value,
                                                 const std::string& as_of,
                                                 const std::string& note) {
  KL_RETURN_IF_ERROR(RequireAttractionReader(caller));
  if (!std::isfinite(value) || value < 0 || value > 1e12) {
    return Reject("value", "完成值应为非负数", "value must be a non-negative number");
  }
  if (!Date::Parse(as_of).ok())
    return Reject("as_of", "日期格式应为 YYYY-MM-DD", "as_of: expected YYYY-MM-DD");
  TargetActual actual;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Target target, attraction_.targets->Get(tx, id));
    KL_RETURN_IF_ERROR(CheckTargetActualWriter(caller, target));
    if (target.measure != TargetMeasure::kManual) {
      return Status::Conflict("该目标的完成值由系统根据业务数据计算，无需填报",
                              "this target's actual is computed from Keyline's data");
    }
    actual.target_id = id;
    actual.value = value;
    actual.as_of = as_of;
    actual.note = note;
    actual.user_id = caller.user_id;
    actual.username = caller.username;
    actual.at = clock_.NowMs();
    KL_ASSIGN_OR_RETURN(actual.id, attraction_.targets->InsertActual(tx, actual));
    return audit_.Record(tx, caller, "actual", "annual_target", std::to_string(id), "",
                         ToJson(actual));
  });
  if (!st.ok()) return st;
  return actual;
}

}  // namespace keyline
