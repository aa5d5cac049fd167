// LiveFacts: the engine's facts, loaded from the database at start and caught up with every
// committed write (the audit log is the change feed: see change_feed.h).
//
// Read() asks the database for max(audit_log.id) (one index lookup); when it is newer than the
// facts, it reads the new audit rows, re-reads every project and lead they touched (in the same
// snapshot) and applies them before returning the view. So a write acknowledged by any node is
// in the next Read() of every node, without a timer. On PostgreSQL a listener thread (LISTEN
// keyline_audit, notified by a trigger on audit_log; migration 8) also catches idle nodes up in
// the background, so the first read after a burst of writes elsewhere finds the work done.
//
// Thread-safety: Read() from any thread. Catching up is done by one thread at a time (others
// wait for it, then see its result); the facts are changed under the exclusive lock, which
// waits for live FactsViews to end.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>

#include "common/clock.h"
#include "common/result.h"
#include "engine/facts_source.h"
#include "storage/sql/database.h"

namespace keyline::storage {

class LiveFacts final : public engine::FactsSource {
 public:
  LiveFacts(sql::Database& db, const Clock& clock);
  ~LiveFacts() override;

  // Loads everything from scratch (at start; also when a catch-up would touch more than
  // kFullReloadProjects projects).
  Status Load();
  // Loads first when Load() was never called.
  Result<engine::FactsView> Read() override;
  engine::FactsStats Stats() override;
  // The sequence the facts reflect now, without catching up (monitoring, tests).
  uint64_t applied_sequence() const { return sequence_.load(); }

  // PostgreSQL only (no-op on SQLite): a thread with its own connection to `pg_url` that
  // LISTENs on keyline_audit and catches up when notified. Stopped by the destructor.
  Status StartListener(const std::string& pg_url);
  void StopListener();

  static constexpr size_t kFullReloadProjects = 5000;

 private:
  Status CatchUp();
  Status LoadLocked();  // catch_up_mutex_ held
  int32_t Today() const;

  sql::Database& db_;
  const Clock& clock_;
  engine::Facts facts_;
  std::shared_mutex facts_mutex_;  // readers: FactsView; writer: applying changes
  std::mutex catch_up_mutex_;      // one catcher-up at a time
  std::atomic<uint64_t> sequence_{0};
  std::atomic<int64_t> loaded_at_ms_{0}, load_ms_{0};
  std::atomic<uint64_t> full_loads_{0}, incremental_updates_{0};
  std::atomic<bool> stop_{false};
  std::thread listener_;
};

}  // namespace keyline::storage
