// Request counters for GET /metrics (private to the HTTP transport). Lock-free: every
// counter is a relaxed atomic, so recording costs a few atomic adds per request.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>

namespace keyline::http {

class HttpMetrics {
 public:
  // Counts one finished response by status class and its duration in the histogram.
  void RecordResponse(int status, double seconds);
  void RequestStarted() { in_flight_.fetch_add(1, std::memory_order_relaxed); }
  void RequestFinished() { in_flight_.fetch_sub(1, std::memory_order_relaxed); }
  // One request answered 503 because the worker queue was full.
  void RecordRejected() { rejected_.fetch_add(1, std::memory_order_relaxed); }

  // Prometheus text exposition format 0.0.4.
  std::string Render(size_t queue_depth) const;

 private:
  static constexpr std::array<double, 10> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,  0.1,    0.25,  1.0,  5.0};
  std::array<std::atomic<uint64_t>, 5> by_class_{};                   // 1xx..5xx
  std::array<std::atomic<uint64_t>, kBuckets.size() + 1> buckets_{};  // last: +Inf only
  std::atomic<uint64_t> sum_micros_{0};
  std::atomic<int64_t> in_flight_{0};
  std::atomic<uint64_t> rejected_{0};
};

}  // namespace keyline::http
