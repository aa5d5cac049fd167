// A fixed set of threads draining a bounded FIFO of jobs (private to the HTTP transport).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace keyline::http {

class WorkerPool {
 public:
  WorkerPool(int threads, size_t max_queue);
  ~WorkerPool();  // calls Stop()
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `job` unless the queue already holds max_queue jobs (or the pool is stopped); returns
  // whether it was queued. Jobs run in FIFO order on some worker thread.
  bool TrySubmit(std::function<void()> job);
  // Jobs waiting (not yet running).
  size_t depth() const;
  // Lets running jobs finish, drops queued ones, joins the threads. Idempotent.
  void Stop();

 private:
  void Run();

  const size_t max_queue_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace keyline::http
