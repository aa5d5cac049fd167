// DbIndicatorCatalogue: the indicator definitions stored in the database (migration 8),
// compiled once and cached. Each lookup costs one primary-key read of the catalogue's
// generation (bumped by every change on any node); the compiled set is rebuilt only when it
// moved, so a change made through the API (on this node or another) takes effect at once.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/ports/engine_repositories.h"
#include "core/ports/tx.h"
#include "engine/indicator_catalogue.h"

namespace keyline::engine {

class DbIndicatorCatalogue final : public IndicatorCatalogue {
 public:
  DbIndicatorCatalogue(TxRunner& tx, IndicatorRepository& repo) : tx_(tx), repo_(repo) {}
  Result<std::shared_ptr<const CompiledIndicator>> Find(std::string_view code) override;
  Result<std::vector<std::shared_ptr<const CompiledIndicator>>> List() override;
  // The generation the cached set was compiled at (part of result-cache keys).
  Result<int64_t> Generation();

 private:
  using Set = std::vector<std::shared_ptr<const CompiledIndicator>>;
  Result<std::shared_ptr<const Set>> Current();

  TxRunner& tx_;
  IndicatorRepository& repo_;
  std::mutex mutex_;
  int64_t generation_ = -1;
  std::shared_ptr<const Set> cached_;
};

// The definition of a record, for compiling.
IndicatorDef DefOf(const IndicatorRecord& r);

}  // namespace keyline::engine
