// FactsSource: where the services that compute indicators, lights, rankings and forecasts get the
// engine's facts, current as of the last committed write.
//
// The live implementation (loaded from the database at start, then caught up with every committed
// change) lives outside the pure core; FixedFactsSource serves tests and tools.
#pragma once

#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <utility>

#include "common/result.h"
#include "engine/facts.h"

namespace keyline::engine {

// A stable read view: no change is applied to the facts while a view lives. Hold one for the
// length of one request, not longer (writers wait for it).
class FactsView {
 public:
  FactsView(const Facts& facts, uint64_t sequence, std::shared_lock<std::shared_mutex> lock)
      : facts_(&facts), sequence_(sequence), lock_(std::move(lock)) {}

  const Facts& facts() const { return *facts_; }
  // The id of the last committed change (audit_log.id) the facts reflect; 0 = none.
  uint64_t sequence() const { return sequence_; }

 private:
  const Facts* facts_;
  uint64_t sequence_;
  std::shared_lock<std::shared_mutex> lock_;
};

class FactsSource {
 public:
  virtual ~FactsSource() = default;
  // Applies every change committed before the call, then returns a view. Fails (kUnavailable or
  // kInternal) only when the database cannot be read; the caller answers with that error.
  virtual Result<FactsView> Read() = 0;
};

// A fixed set of facts (tests, tools).
class FixedFactsSource final : public FactsSource {
 public:
  explicit FixedFactsSource(Facts facts, uint64_t sequence = 1)
      : facts_(std::move(facts)), sequence_(sequence) {}
  Result<FactsView> Read() override {
    return FactsView(facts_, sequence_, std::shared_lock<std::shared_mutex>(mutex_));
  }
  // For tests that change the facts between reads.
  Facts& mutable_facts() { return facts_; }
  void set_sequence(uint64_t s) { sequence_ = s; }

 private:
  Facts facts_;
  uint64_t sequence_;
  std::shared_mutex mutex_;
};

}  // namespace keyline::engine
