#include "engine/indicator_catalogue.h"

#include <string>
#include <utility>

#include "engine/indicator_sets.h"

namespace keyline::engine {

ShippedIndicatorCatalogue::ShippedIndicatorCatalogue() {
  for (auto set : {FengxiIndicators(), ShaanxiIndicators()}) {
    for (auto& def : set) {
      auto compiled = CompileIndicator(std::move(def));
      // The shipped definitions are tested to compile (indicator_sets_test.cc).
      if (compiled.ok())
        all_.push_back(std::make_shared<const CompiledIndicator>(std::move(*compiled)));
    }
  }
}

Result<std::shared_ptr<const CompiledIndicator>> ShippedIndicatorCatalogue::Find(
    std::string_view code) {
  for (const auto& i : all_) {
    if (i->def.code == code) return i;
  }
  return Status::NotFound("没有指标 " + std::string(code), "no indicator " + std::string(code));
}

Result<std::vector<std::shared_ptr<const CompiledIndicator>>> ShippedIndicatorCatalogue::List() {
  return all_;
}

}  // namespace keyline::engine
