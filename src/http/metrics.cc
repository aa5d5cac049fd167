#include "http/metrics.h"

#include <algorithm>
#include <cstdio>

namespace keyline::http {
namespace {

void AppendLine(std::string* out, const char* format, double value) {
  char buffer[160];
  int n = std::snprintf(buffer, sizeof buffer, format, value);
  if (n > 0) out->append(buffer, static_cast<size_t>(n) < sizeof buffer ? n : sizeof buffer - 1);
}

void AppendCounter(std::string* out, const char* name_and_labels, uint64_t value) {
  out->append(name_and_labels);
  out->push_back(' ');
  out->append(std::to_string(value));
  out->push_back('\n');
}

}  // namespace

void HttpMetrics::RecordResponse(int status, double seconds) {
  int cls = status / 100;
  if (cls >= 1 && cls <= 5) by_class_[cls - 1].fetch_add(1, std::memory_order_relaxed);
  size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  buckets_[bucket].fetch_add(1, std::memory_order_relaxed);
  double micros = seconds > 0 ? seconds * 1e6 : 0;
  sum_micros_.fetch_add(static_cast<uint64_t>(micros), std::memory_order_relaxed);
}

std::string HttpMetrics::Render(size_t queue_depth) const {
  std::string out;
  out.reserve(2048);
  out.append(
      "# HELP keyline_http_requests_total HTTP responses by status class.\n"
      "# TYPE keyline_http_requests_total counter\n");
  static constexpr const char* kClassLines[] = {
      "keyline_http_requests_total{code=\"1xx\"}", "keyline_http_requests_total{code=\"2xx\"}",
      "keyline_http_requests_total{code=\"3xx\"}", "keyline_http_requests_total{code=\"4xx\"}",
      "keyline_http_requests_total{code=\"5xx\"}"};
  for (size_t i = 0; i < by_class_.size(); ++i) {
    AppendCounter(&out, kClassLines[i], by_class_[i].load(std::memory_order_relaxed));
  }

  out.append(
      "# HELP keyline_http_request_duration_seconds Time from request read to response "
      "written.\n"
      "# TYPE keyline_http_request_duration_seconds histogram\n");
  uint64_t cumulative = 0;
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    cumulative += buckets_[i].load(std::memory_order_relaxed);
    AppendLine(&out, "keyline_http_request_duration_seconds_bucket{le=\"%g\"} ", kBuckets[i]);
    out.append(std::to_string(cumulative));
    out.push_back('\n');
  }
  cumulative += buckets_[kBuckets.size()].load(std::memory_order_relaxed);
  AppendCounter(&out, "keyline_http_request_duration_seconds_bucket{le=\"+Inf\"}", cumulative);
  AppendLine(&out, "keyline_http_request_duration_seconds_sum %.6f\n",
             static_cast<double>(sum_micros_.load(std::memory_order_relaxed)) / 1e6);
  // The count equals the +Inf bucket by definition; reuse it so a scrape stays consistent.
  AppendCounter(&out, "keyline_http_request_duration_seconds_count", cumulative);

  out.append(
      "# HELP keyline_http_in_flight Requests being processed.\n"
      "# TYPE keyline_http_in_flight gauge\n");
  AppendCounter(&out, "keyline_http_in_flight",
                static_cast<uint64_t>(std::max<int64_t>(0, in_flight_.load())));
  out.append(
      "# HELP keyline_http_rejected_total Requests answered 503 because the worker queue was "
      "full.\n"
      "# TYPE keyline_http_rejected_total counter\n");
  AppendCounter(&out, "keyline_http_rejected_total", rejected_.load(std::memory_order_relaxed));
  out.append(
      "# HELP keyline_worker_queue_depth Requests waiting for a worker thread.\n"
      "# TYPE keyline_worker_queue_depth gauge\n");
  AppendCounter(&out, "keyline_worker_queue_depth", queue_depth);
  return out;
}

}  // namespace keyline::http
