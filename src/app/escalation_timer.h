// EscalationTimer: a small background thread that runs the escalation sweep (提级督办,
// ProblemService::Sweep as "system") every interval, so overdue problems climb levels without
// anyone asking. The sweep is idempotent, so several Keyline nodes may run it side by side.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace keyline {

class EscalationTimer {
 public:
  // Runs tick() every interval until Stop (or destruction); the first run is immediate.
  EscalationTimer(std::chrono::milliseconds interval, std::function<void()> tick);
  ~EscalationTimer();
  EscalationTimer(const EscalationTimer&) = delete;
  EscalationTimer& operator=(const EscalationTimer&) = delete;
  void Stop();

 private:
  void Run();
  std::chrono::milliseconds interval_;
  std::function<void()> tick_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace keyline
