// Static file serving for the single-page web client (private to the HTTP transport).
#pragma once

#include <optional>
#include <string>

#include "http/request.h"

namespace keyline::http {

class StaticFiles {
 public:
  // `dir` may be empty or missing: then enabled() is false and nothing is served.
  explicit StaticFiles(const std::string& dir);

  bool enabled() const { return !root_.empty(); }

  // Serves request.path (already percent-decoded) from the directory: directories map to
  // their index.html, and a missing path whose last segment has no '.' falls back to the root
  // index.html (client-side routes). Returns nullopt when nothing may be served: the file is
  // missing, or the path has a ".." segment, a backslash or NUL, or resolves outside the
  // directory (symlinks included). (The server drops the body
  // for HEAD.)
  std::optional<Response> Serve(const Request& request) const;

 private:
  std::optional<Response> ReadFile(const std::string& canonical_path) const;
  std::string root_;  // canonical directory, no trailing slash; empty when disabled
};

}  // namespace keyline::http
