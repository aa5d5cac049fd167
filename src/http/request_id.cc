#include "http/request_id.h"

#include <cstdint>
#include <functional>
#include <random>
#include <thread>

namespace keyline::http {

std::string NewRequestId() {
  thread_local std::mt19937_64 generator = [] {
    std::random_device device;
    std::seed_seq seed{
        device(), device(), device(), device(),
        static_cast<unsigned>(std::hash<std::thread::id>()(std::this_thread::get_id()))};
    return std::mt19937_64(seed);
  }();
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t value = generator();
  std::string id(16, '0');
  for (int i = 15; i >= 0; --i) {
    id[i] = kHex[value & 0xF];
    value >>= 4;
  }
  return id;
}

}  // namespace keyline::http
