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
    {".webmanifest", "application/manifest+json; charset=utf-8"},
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

// True when the Accept-Encoding header value accepts `coding` ("br", "gzip"): listed by name
// (or as "*") without q=0. Names are case-insensitive.
bool Accepts(std::string_view header, std::string_view coding) {
  auto lower_eq = [](std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
    }
    return true;
  };
  auto trim = [](std::string_view v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    return v;
  };
  bool star = false;
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    size_t semi = item.find(';');
    std::string_view name = trim(item.substr(0, semi));
    bool refused = false;
    if (semi != std::string_view::npos) {
      std::string_view param = trim(item.substr(semi + 1));
      if (param.size() >= 2 && (param[0] | 0x20) == 'q' && param[1] == '=') {
        std::string_view q = trim(param.substr(2));
        refused = !q.empty() && q.find_first_not_of("0.") == std::string_view::npos;
      }
    }
    if (lower_eq(name, coding)) return !refused;
    if (name == "*") star = !refused;
  }
  return star;
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
  std::string_view accept_encoding = request.Header("accept-encoding");
  if (fs::is_regular_file(resolved, ec)) return ReadFile(resolved.string(), accept_encoding);

  // SPA fallback: "/projects/12" is a client-side route, "/missing.js" is a real 404.
  std::string_view last = std::string_view(path).substr(path.rfind('/') + 1);
  if (last.find('.') != std::string_view::npos) return std::nullopt;
  fs::path index = fs::weakly_canonical(fs::path(root_) / "index.html", ec);
  if (ec || !IsInside(root_, index.string()) || !fs::is_regular_file(index, ec)) {
    return std::nullopt;
  }
  return ReadFile(index.string(), accept_encoding);
}

std::optional<Response> StaticFiles::ReadFile(const std::string& canonical_path,
                                              std::string_view accept_encoding) const {
  struct Variant {
    std::string_view coding;
    std::string_view suffix;
  };
  constexpr Variant kVariants[] = {{"br", ".br"}, {"gzip", ".gz"}};
  std::string chosen = canonical_path;
  std::string_view coding;
  bool has_variant = false;
  for (const Variant& v : kVariants) {
    std::error_code ec;
    std::string candidate = canonical_path + std::string(v.suffix);
    // The variant must be a plain file beside the original (never a symlink out of the root).
    if (!fs::is_regular_file(fs::symlink_status(candidate, ec))) continue;
    has_variant = true;
    if (coding.empty() && Accepts(accept_encoding, v.coding)) {
      chosen = candidate;
      coding = v.coding;
    }
  }
  std::ifstream in(chosen, std::ios::binary);
  if (!in) return std::nullopt;
  Response response;
  response.status = 200;
  response.content_type = std::string(ContentTypeFor(canonical_path));
  response.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  if (!coding.empty()) response.headers.emplace_back("Content-Encoding", std::string(coding));
  if (has_variant) response.headers.emplace_back("Vary", "Accept-Encoding");
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
