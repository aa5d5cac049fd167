#include "http/static_files.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string_view>
#include <system_error>

namespace keyline::http {
namespace {

namespace fs = std::filesystem;

struct MimeType {
  std::string_view extension;
  std::string_view type;
};

constexpr MimeType kMimeTypes[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".json", "application/json; charset=utf-8"},
    {".woff2", "font/woff2"},
    {".ico", "image/x-icon"},
    {".txt", "text/plain; charset=utf-8"},
    {".map", "application/json; charset=utf-8"},
};

std::string_view ContentTypeFor(std::string_view path) {
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return "application/octet-stream";
  }
  std::string_view ext = path.substr(dot);
  for (const MimeType& m : kMimeTypes) {
    if (m.extension.size() != ext.size()) continue;
    bool same = true;
    for (size_t i = 0; i < ext.size() && same; ++i) {
      same = (ext[i] | 0x20) == m.extension[i];
    }
    if (same) return m.type;
  }
  return "application/octet-stream";
}

// True when `path` has no "..", backslash or NUL, so it can be joined safely to the root.
bool IsSafeRelative(std::string_view path) {
  if (path.find('\\') != std::string_view::npos) return false;
  if (path.find('\0') != std::string_view::npos) return false;
  while (!path.empty()) {
    size_t slash = path.find('/');
    std::string_view segment = path.substr(0, slash);
    if (segment == "..") return false;
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return true;
}

bool IsInside(const std::string& root, const std::string& candidate) {
  if (candidate == root) return true;
  return candidate.size() > root.size() && candidate.compare(0, root.size(), root) == 0 &&
         candidate[root.size()] == '/';
}

}  // namespace

StaticFiles::StaticFiles(const std::string& dir) {
  if (dir.empty()) return;
  std::error_code ec;
  fs::path canonical = fs::canonical(dir, ec);
  if (ec || !fs::is_directory(canonical, ec)) return;
  root_ = canonical.string();
  while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
}

std::optional<Response> StaticFiles::Serve(const Request& request) const {
  if (!enabled()) return std::nullopt;
  const std::string& path = request.path;
  if (path.empty() || path.front() != '/' || !IsSafeRelative(path)) return std::nullopt;

  std::string relative = path.substr(1);
  while (!relative.empty() && relative.front() == '/') relative.erase(0, 1);
  std::error_code ec;
  fs::path resolved = fs::weakly_canonical(fs::path(root_) / relative, ec);
  if (ec || !IsInside(root_, resolved.string())) return std::nullopt;

  if (fs::is_directory(resolved, ec)) {
    resolved = fs::weakly_canonical(resolved / "index.html", ec);
    if (ec || !IsInside(root_, resolved.string())) return std::nullopt;
  }
  if (fs::is_regular_file(resolved, ec)) return ReadFile(resolved.string());

  // SPA fallback: "/projects/12" is a client-side route, "/missing.js" is a real 404.
  std::string_view last = std::string_view(path).substr(path.rfind('/') + 1);
  if (last.find('.') != std::string_view::npos) return std::nullopt;
  fs::path index = fs::weakly_canonical(fs::path(root_) / "index.html", ec);
  if (ec || !IsInside(root_, index.string()) || !fs::is_regular_file(index, ec)) {
    return std::nullopt;
  }
  return ReadFile(index.string());
}

std::optional<Response> StaticFiles::ReadFile(const std::string& canonical_path) const {
  std::ifstream in(canonical_path, std::ios::binary);
  if (!in) return std::nullopt;
  Response response;
  response.status = 200;
  response.content_type = std::string(ContentTypeFor(canonical_path));
  response.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  std::string_view relative = std::string_view(canonical_path).substr(root_.size());
  bool is_index = relative.size() >= 11 && relative.substr(relative.size() - 11) == "/index.html";
  if (!is_index && relative.substr(0, 8) == "/assets/") {
    response.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  } else {
    response.headers.emplace_back("Cache-Control", "no-cache");
  }
  return response;
}

}  // namespace keyline::http
