// StaticFiles content negotiation: the precompressed .br / .gz variants picked by
// Accept-Encoding (brotli first, q=0 refuses), identity otherwise, Vary and the caching headers.
#include "http/static_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "testing/test_env.h"

namespace keyline::http {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

std::string HeaderOf(const Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return "";
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(temp_.path()) / "dist";
    Write(root_ / "index.html", "INDEX");
    Write(root_ / "index.html.br", "INDEX-BR");
    Write(root_ / "index.html.gz", "INDEX-GZ");
    Write(root_ / "sw.js", "SW");
    Write(root_ / "sw.js.gz", "SW-GZ");
    Write(root_ / "manifest.webmanifest", "{}");
    Write(root_ / "assets" / "app.1a2b.js", "APP");
    Write(root_ / "assets" / "app.1a2b.js.br", "APP-BR");
    Write(root_ / "assets" / "app.1a2b.js.gz", "APP-GZ");
    Write(root_ / "assets" / "logo.5e6f.png", "PNG");
    Write(fs::path(temp_.path()) / "outside.gz", "OUTSIDE");
    fs::create_symlink(fs::path(temp_.path()) / "outside.gz", root_ / "assets" / "x.js.gz");
    Write(root_ / "assets" / "x.js", "X");
  }

  Response Get(const std::string& path, const std::string& accept_encoding) {
    StaticFiles files(root_.string());
    Request req;
    req.method = "GET";
    req.path = path;
    req.target = path;
    if (!accept_encoding.empty()) req.headers.emplace_back("accept-encoding", accept_encoding);
    std::optional<Response> r = files.Serve(req);
    EXPECT_TRUE(r.has_value()) << path;
    return r ? *r : Response{};
  }

  keyline::testing::TempDir temp_;
  fs::path root_;
};

TEST_F(StaticFilesTest, BrotliPreferredThenGzipThenIdentity) {
  Response br = Get("/assets/app.1a2b.js", "gzip, deflate, br, zstd");
  EXPECT_EQ(br.body, "APP-BR");
  EXPECT_EQ(HeaderOf(br, "Content-Encoding"), "br");
  EXPECT_EQ(br.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(HeaderOf(br, "Vary"), "Accept-Encoding");

  Response gz = Get("/assets/app.1a2b.js", "gzip");
  EXPECT_EQ(gz.body, "APP-GZ");
  EXPECT_EQ(HeaderOf(gz, "Content-Encoding"), "gzip");
  EXPECT_EQ(gz.content_type, "text/javascript; charset=utf-8");

  Response plain = Get("/assets/app.1a2b.js", "");
  EXPECT_EQ(plain.body, "APP");
  EXPECT_EQ(HeaderOf(plain, "Content-Encoding"), "");
  EXPECT_EQ(HeaderOf(plain, "Vary"), "Accept-Encoding");

  Response identity = Get("/assets/app.1a2b.js", "identity");
  EXPECT_EQ(identity.body, "APP");
}

TEST_F(StaticFilesTest, QualityZeroRefusesAndNamesIgnoreCase) {
  EXPECT_EQ(Get("/assets/app.1a2b.js", "br;q=0, gzip").body, "APP-GZ");
  EXPECT_EQ(Get("/assets/app.1a2b.js", "br;q=0.0, gzip;q=0").body, "APP");
  EXPECT_EQ(Get("/assets/app.1a2b.js", "BR;q=0.8").body, "APP-BR");
  EXPECT_EQ(Get("/assets/app.1a2b.js", "*").body, "APP-BR");
  EXPECT_EQ(Get("/assets/app.1a2b.js", "*, br;q=0").body, "APP-GZ");
  EXPECT_EQ(Get("/assets/app.1a2b.js", "brotli, gzipx").body, "APP");
}

TEST_F(StaticFilesTest, CachingHeaders) {
  // Hashed assets: a year, immutable, whatever the encoding.
  for (const char* ae : {"br", "gzip", ""}) {
    EXPECT_EQ(HeaderOf(Get("/assets/app.1a2b.js", ae), "Cache-Control"),
              "public, max-age=31536000, immutable");
  }
  // The shell and the service worker: revalidated on every load.
  Response index = Get("/", "br");
  EXPECT_EQ(index.body, "INDEX-BR");
  EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(HeaderOf(index, "Cache-Control"), "no-cache");
  Response route = Get("/reporting/fill", "gzip");  // SPA fallback, compressed too
  EXPECT_EQ(route.body, "INDEX-GZ");
  EXPECT_EQ(HeaderOf(route, "Cache-Control"), "no-cache");
  Response sw = Get("/sw.js", "gzip, br");
  EXPECT_EQ(sw.body, "SW-GZ");  // only a .gz beside it
  EXPECT_EQ(HeaderOf(sw, "Cache-Control"), "no-cache");
  Response manifest = Get("/manifest.webmanifest", "");
  EXPECT_EQ(manifest.content_type, "application/manifest+json; charset=utf-8");
  EXPECT_EQ(HeaderOf(manifest, "Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, FilesWithoutVariantsAndSymlinkedVariants) {
  Response png = Get("/assets/logo.5e6f.png", "br, gzip");
  EXPECT_EQ(png.body, "PNG");
  EXPECT_EQ(HeaderOf(png, "Content-Encoding"), "");
  EXPECT_EQ(HeaderOf(png, "Vary"), "");
  // A variant that is a symlink (here out of the root) is never used.
  Response x = Get("/assets/x.js", "gzip");
  EXPECT_EQ(x.body, "X");
  EXPECT_EQ(HeaderOf(x, "Content-Encoding"), "");
}

}  // namespace
}  // namespace keyline::http
