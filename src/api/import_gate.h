// ImportGate: at most N imports at once in this process (a dry run of a
// 200,000-row sheet holds its table and plan in memory while it runs). The import routes
// (imports_api.cc) take a slot for the whole request — upload, dry run again, mapping,
// values, confirm — and answer 429 "导入任务过多，请稍后重试" with Retry-After when none is free.
// Thread-safe; a Slot gives its place back when destroyed.
#pragma once

#include <atomic>
#include <optional>
#include <utility>

namespace keyline::api {

class ImportGate {
 public:
  // limit ≥ 1: imports that may run at once.
  explicit ImportGate(int limit) : limit_(limit < 1 ? 1 : limit) {}
  ImportGate(const ImportGate&) = delete;
  ImportGate& operator=(const ImportGate&) = delete;

  class Slot {
   public:
    explicit Slot(ImportGate* gate) : gate_(gate) {}
    Slot(Slot&& other) noexcept : gate_(std::exchange(other.gate_, nullptr)) {}
    Slot& operator=(Slot&&) = delete;
    Slot(const Slot&) = delete;
    ~Slot() {
      if (gate_) gate_->active_.fetch_sub(1);
    }

   private:
    ImportGate* gate_;
  };

  // A slot, or nullopt when `limit` imports are running.
  std::optional<Slot> TryEnter() {
    int n = active_.load();
    while (n < limit_) {
      if (active_.compare_exchange_weak(n, n + 1)) return Slot(this);
    }
    return std::nullopt;
  }
  int limit() const { return limit_; }
  int active() const { return active_.load(); }

 private:
  const int limit_;
  std::atomic<int> active_{0};
};

}  // namespace keyline::api
