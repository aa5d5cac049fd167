// IndicatorCatalogue: the indicators an office has defined (stored as data), compiled and ready
// to evaluate. Rankings, bulletins and the API look indicators up here by code.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "engine/evaluate.h"

namespace keyline::engine {

class IndicatorCatalogue {
 public:
  virtual ~IndicatorCatalogue() = default;
  // kNotFound (zh + en) for an unknown code. The result stays valid after later changes.
  virtual Result<std::shared_ptr<const CompiledIndicator>> Find(std::string_view code) = 0;
  // Every indicator, ordered by set then code.
  virtual Result<std::vector<std::shared_ptr<const CompiledIndicator>>> List() = 0;
};

// The shipped Fengxi and Shaanxi sets, compiled once (tests, tools, and the fallback before the
// database holds definitions).
class ShippedIndicatorCatalogue final : public IndicatorCatalogue {
 public:
  ShippedIndicatorCatalogue();
  Result<std::shared_ptr<const CompiledIndicator>> Find(std::string_view code) override;
  Result<std::vector<std::shared_ptr<const CompiledIndicator>>> List() override;

 private:
  std::vector<std::shared_ptr<const CompiledIndicator>> all_;
};

}  // namespace keyline::engine
