#include "engine/service/db_indicator_catalogue.h"

#include <string>
#include <utility>

namespace keyline::engine {

IndicatorDef DefOf(const IndicatorRecord& r) {
  IndicatorDef d;
  d.code = r.code;
  d.name_zh = r.name_zh;
  d.name_en = r.name_en;
  d.numerator = r.numerator;
  d.denominator = r.denominator;
  d.decimals = r.decimals;
  d.set = r.set;
  return d;
}

Result<std::shared_ptr<const DbIndicatorCatalogue::Set>> DbIndicatorCatalogue::Current() {
  int64_t generation = 0;
  std::vector<IndicatorRecord> records;
  std::lock_guard<std::mutex> lock(mutex_);
  KL_RETURN_IF_ERROR(tx_.Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(generation, repo_.Generation(tx));
    if (generation == generation_ && cached_) return Status::Ok();
    KL_ASSIGN_OR_RETURN(records, repo_.List(tx));
    return Status::Ok();
  }));
  if (generation == generation_ && cached_) return cached_;
  auto set = std::make_shared<Set>();
  for (const auto& r : records) {
    // Definitions are checked when written; one that no longer compiles is left out.
    auto compiled = CompileIndicator(DefOf(r));
    if (compiled.ok())
      set->push_back(std::make_shared<const CompiledIndicator>(std::move(*compiled)));
  }
  cached_ = std::move(set);
  generation_ = generation;
  return cached_;
}

Result<int64_t> DbIndicatorCatalogue::Generation() {
  KL_RETURN_IF_ERROR(Current().status());
  std::lock_guard<std::mutex> lock(mutex_);
  return generation_;
}

Result<std::shared_ptr<const CompiledIndicator>> DbIndicatorCatalogue::Find(std::string_view code) {
  KL_ASSIGN_OR_RETURN(auto set, Current());
  for (const auto& i : *set) {
    if (i->def.code == code) return i;
  }
  return Status::NotFound("没有指标 " + std::string(code), "no indicator " + std::string(code));
}

Result<std::vector<std::shared_ptr<const CompiledIndicator>>> DbIndicatorCatalogue::List() {
  KL_ASSIGN_OR_RETURN(auto set, Current());
  return *set;
}

}  // namespace keyline::engine
