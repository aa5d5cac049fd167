#include "http/connection_limits.h"

namespace keyline::http {

bool ConnectionLimits::TryOpen(const std::string& address) {
  std::lock_guard lock(mu_);
  if (total_ >= max_total_) return false;
  size_t& n = by_address_[address];
  if (n >= max_per_address_) return false;
  ++n;
  ++total_;
  return true;
}

void ConnectionLimits::Close(const std::string& address) {
  std::lock_guard lock(mu_);
  auto it = by_address_.find(address);
  if (it == by_address_.end() || it->second == 0) return;
  if (--it->second == 0) by_address_.erase(it);
  --total_;
}

size_t ConnectionLimits::open() const {
  std::lock_guard lock(mu_);
  return total_;
}

size_t ConnectionLimits::open_from(const std::string& address) const {
  std::lock_guard lock(mu_);
  auto it = by_address_.find(address);
  return it == by_address_.end() ? 0 : it->second;
}

}  // namespace keyline::http
