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
  //
  // Precompressed variants (scripts/build-web.sh writes FILE.br and FILE.gz beside each text
  // asset) are served in place of FILE when the request's Accept-Encoding allows them — brotli
  // first, then gzip — with Content-Encoding and FILE's own Content-Type; every response of a
  // file that has a variant says Vary: Accept-Encoding. Hashed assets (/assets/...) are cached
  // for a year as immutable; everything else (index.html, sw.js, the manifest) is no-cache.
  std::optional<Response> Serve(const Request& request) const;

 private:
  std::optional<Response> ReadFile(const std::string& canonical_path,
                                   std::string_view accept_encoding) const;
  std::string root_;  // canonical directory, no trailing slash; empty when disabled
};

}  // namespace keyline::http
