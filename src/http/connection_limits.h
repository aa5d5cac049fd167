// ConnectionLimits: the open-connection budget of the server (private to the HTTP transport):
// at most `max_total` connections, and at most `max_per_address` from one client address, so
// that one client holding idle sockets cannot starve the others. Thread-safe.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace keyline::http {

class ConnectionLimits {
 public:
  ConnectionLimits(size_t max_total, size_t max_per_address)
      : max_total_(max_total), max_per_address_(max_per_address) {}

  // Counts one more connection from address and returns true, or returns false (counting
  // nothing) when either limit is reached.
  bool TryOpen(const std::string& address);
  // Counts one connection from address as closed (only after a successful TryOpen).
  void Close(const std::string& address);

  size_t open() const;
  size_t open_from(const std::string& address) const;

 private:
  const size_t max_total_;
  const size_t max_per_address_;
  mutable std::mutex mu_;
  size_t total_ = 0;
  std::unordered_map<std::string, size_t> by_address_;
};

}  // namespace keyline::http
