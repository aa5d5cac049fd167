// ConnectionPool<T>: at most `capacity` connections of type T, created on demand by a
// factory and handed out one per caller; Acquire blocks while all are busy.
//
// Used by both drivers (SQLite readers, PostgreSQL connections). Thread-safe. After Close,
// idle connections are destroyed at once and busy ones when they are released; Acquire then
// fails with kUnavailable.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "common/result.h"
#include "common/status.h"

namespace keyline::sql {

template <typename T>
class ConnectionPool {
 public:
  using Factory = std::function<Result<std::unique_ptr<T>>()>;

  // A borrowed connection, returned to the pool by the destructor. Call Discard() when the
  // connection is broken: it is destroyed instead and a fresh one is made on demand.
  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<T> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&& other) noexcept
        : pool_(std::exchange(other.pool_, nullptr)), conn_(std::move(other.conn_)) {}
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease() {
      if (pool_ != nullptr) pool_->Release(std::move(conn_));
    }
    T& operator*() const { return *conn_; }
    T* operator->() const { return conn_.get(); }
    void Discard() { conn_.reset(); }
    // Replaces a broken connection with a new one from the factory (kept leased).
    Status Replace() {
      conn_.reset();
      auto made = pool_->factory_();
      if (!made.ok()) return made.status();
      conn_ = std::move(made).value();
      return Status::Ok();
    }
    bool valid() const { return conn_ != nullptr; }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<T> conn_;
  };

  ConnectionPool(int capacity, Factory factory)
      : capacity_(capacity < 1 ? 1 : capacity), factory_(std::move(factory)) {}
  ~ConnectionPool() { Close(); }
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  // Creates connections until `count` exist (to fail fast at open time).
  Status Prefill(int count) {
    for (;;) {
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (live_ >= count || live_ >= capacity_) return Status::Ok();
        ++live_;
      }
      auto made = factory_();
      std::lock_guard<std::mutex> lock(mu_);
      if (!made.ok()) {
        --live_;
        return made.status();
      }
      idle_.push_back(std::move(made).value());
      cv_.notify_one();
    }
  }

  Result<Lease> Acquire() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return closed_ || !idle_.empty() || live_ < capacity_; });
    if (closed_) return ClosedError();
    if (!idle_.empty()) {
      std::unique_ptr<T> conn = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(conn));
    }
    ++live_;  // reserve a slot, then connect without holding the lock
    lock.unlock();
    auto made = factory_();
    if (!made.ok()) {
      lock.lock();
      --live_;
      cv_.notify_one();
      return made.status();
    }
    return Lease(this, std::move(made).value());
  }

  void Close() {
    std::vector<std::unique_ptr<T>> doomed;
    {
      std::lock_guard<std::mutex> lock(mu_);
      closed_ = true;
      live_ -= static_cast<int>(idle_.size());
      doomed.swap(idle_);
    }
    cv_.notify_all();
  }

  static Status ClosedError() { return Status::Unavailable("数据库已关闭", "database is closed"); }

 private:
  void Release(std::unique_ptr<T> conn) {
    std::unique_ptr<T> doomed;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (conn == nullptr || closed_) {
        --live_;
        doomed = std::move(conn);
      } else {
        idle_.push_back(std::move(conn));
      }
    }
    cv_.notify_one();
  }

  const int capacity_;
  Factory factory_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<T>> idle_;
  int live_ = 0;  // idle + leased (+ being created)
  bool closed_ = false;
};

}  // namespace keyline::sql
