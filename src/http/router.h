// Router: maps (method, path template) to a handler. Templates are literal segments and
// "{name}" captures, e.g. "/api/v1/projects/{id}/stage". Matching is exact per segment;
// no regexes, no wildcards. Thread-safe for concurrent Match after all Add calls.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "http/request.h"

namespace keyline::http {

using Handler = std::function<Response(Request&)>;

struct RouteOptions {
  size_t max_body_bytes = 1 << 20;  // larger bodies are answered 413 before the handler runs
};

class Router {
 public:
  void Add(std::string method, std::string path_template, Handler handler,
           RouteOptions options = {});

  enum class MatchKind { kFound, kNotFound, kMethodNotAllowed };
  struct Match {
    MatchKind kind = MatchKind::kNotFound;
    const Handler* handler = nullptr;
    const RouteOptions* options = nullptr;
    std::string allowed_methods;  // for 405: "GET, POST"
  };
  // Matches request.path and request.method; on kFound fills request.path_params.
  Match Find(Request& request) const;
  // The largest body any route with a matching path accepts (used before reading the body).
  size_t MaxBodyFor(const std::string& method, const std::string& path) const;

  struct RouteInfo {
    std::string method;         // "GET", "POST", ...
    std::string path_template;  // as given to Add, e.g. "/api/v1/projects/{id}"
  };
  // Every route in the order added (read-only; the contract test compares it with docs/api.yaml).
  std::vector<RouteInfo> Routes() const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
    RouteOptions options;
  };
  std::vector<Route> routes_;
};

}  // namespace keyline::http
