#include "http/router.h"

#include <algorithm>
#include <string_view>

namespace keyline::http {
namespace {

// "/a/b/{id}" -> {"a", "b", "{id}"}; "/" -> {}. Empty segments (trailing slash) are kept so
// "/a/" does not match "/a".
std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> segments;
  if (path.empty() || path.front() != '/') {
    segments.push_back(path);
    return segments;
  }
  if (path == "/") return segments;
  path.remove_prefix(1);
  while (true) {
    size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool IsCapture(std::string_view segment) {
  return segment.size() >= 3 && segment.front() == '{' && segment.back() == '}';
}

// A route's literal-ness, segment by segment: literals beat captures at the first difference.
// Returns true when `a` is more specific than `b`.
bool MoreSpecific(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    bool ca = IsCapture(a[i]);
    bool cb = IsCapture(b[i]);
    if (ca != cb) return !ca;
  }
  return false;
}

bool PathMatches(const std::vector<std::string>& pattern,
                 const std::vector<std::string_view>& segments) {
  if (pattern.size() != segments.size()) return false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (IsCapture(pattern[i])) {
      if (segments[i].empty()) return false;
    } else if (pattern[i] != segments[i]) {
      return false;
    }
  }
  return true;
}

bool MethodMatches(const std::string& route_method, std::string_view method) {
  return route_method == method || (method == "HEAD" && route_method == "GET");
}

}  // namespace

void Router::Add(std::string method, std::string path_template, Handler handler,
                 RouteOptions options) {
  Route route;
  route.method = std::move(method);
  for (std::string_view s : SplitPath(path_template)) route.segments.emplace_back(s);
  route.handler = std::move(handler);
  route.options = options;
  routes_.push_back(std::move(route));
}

std::vector<Router::RouteInfo> Router::Routes() const {
  std::vector<RouteInfo> out;
  out.reserve(routes_.size());
  for (const Route& route : routes_) {
    std::string path;
    for (const std::string& segment : route.segments) path += "/" + segment;
    out.push_back({route.method, path.empty() ? "/" : path});
  }
  return out;
}

Router::Match Router::Find(Request& request) const {
  std::vector<std::string_view> segments = SplitPath(request.path);
  const Route* best = nullptr;
  const Route* exact_method = nullptr;  // a HEAD route beats the GET fallback
  std::vector<std::string> allowed;
  for (const Route& route : routes_) {
    if (!PathMatches(route.segments, segments)) continue;
    if (std::find(allowed.begin(), allowed.end(), route.method) == allowed.end()) {
      allowed.push_back(route.method);
    }
    if (!MethodMatches(route.method, request.method)) continue;
    if (route.method == request.method) {
      if (exact_method == nullptr || MoreSpecific(route.segments, exact_method->segments)) {
        exact_method = &route;
      }
    } else if (best == nullptr || MoreSpecific(route.segments, best->segments)) {
      best = &route;
    }
  }
  if (exact_method != nullptr) best = exact_method;
  Match match;
  if (best != nullptr) {
    match.kind = MatchKind::kFound;
    match.handler = &best->handler;
    match.options = &best->options;
    request.path_params.clear();
    for (size_t i = 0; i < best->segments.size(); ++i) {
      const std::string& pattern = best->segments[i];
      if (IsCapture(pattern)) {
        request.path_params[pattern.substr(1, pattern.size() - 2)] = std::string(segments[i]);
      }
    }
    return match;
  }
  if (allowed.empty()) return match;
  match.kind = MatchKind::kMethodNotAllowed;
  bool has_get = std::find(allowed.begin(), allowed.end(), "GET") != allowed.end();
  bool has_head = std::find(allowed.begin(), allowed.end(), "HEAD") != allowed.end();
  if (has_get && !has_head) allowed.push_back("HEAD");
  for (size_t i = 0; i < allowed.size(); ++i) {
    if (i > 0) match.allowed_methods += ", ";
    match.allowed_methods += allowed[i];
  }
  return match;
}

size_t Router::MaxBodyFor(const std::string& method, const std::string& path) const {
  std::vector<std::string_view> segments = SplitPath(path);
  bool matched = false;
  size_t limit = 0;
  for (const Route& route : routes_) {
    if (!MethodMatches(route.method, method) || !PathMatches(route.segments, segments)) continue;
    matched = true;
    limit = std::max(limit, route.options.max_body_bytes);
  }
  // Unrouted requests are answered 404/405 after their body is read with the default limit.
  return matched ? limit : RouteOptions{}.max_body_bytes;
}

}  // namespace keyline::http
