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

// What /engine/status shows.
struct FactsStats {
  uint64_t sequence = 0;
  int64_t loaded_at_ms = 0;  // when the last full load finished (ms since the epoch)
  int64_t load_ms = 0;       // how long it took
  uint64_t full_loads = 0, incremental_updates = 0;
  size_t projects = 0, plans = 0, reports = 0, procedures = 0, problems = 0, funds = 0, leads = 0;
};

class FactsSource {
 public:
  virtual ~FactsSource() = default;
  // Counters for monitoring; the default has only the row counts of one Read().
  virtual FactsStats Stats() {
    FactsStats s;
    auto view = Read();
    if (!view.ok()) return s;
    const Facts& f = view->facts();
    s.sequence = view->sequence();
    s.projects = f.projects.size();
    s.plans = f.plans.size();
    s.reports = f.reports.size();
    s.procedures = f.procedures.size();
    s.problems = f.problems.size();
    s.funds = f.funds.size();
    s.leads = f.leads.size();
    return s;
  }
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
