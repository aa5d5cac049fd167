#include "core/geo/geo.h"

#include <gtest/gtest.h>

#include <string>

namespace keyline::geo {
namespace {

// A 1°×1° square around (108.5, 34.5) with a 0.2° hole in its middle.
constexpr const char* kSquareWithHole = R"({"type":"Polygon","coordinates":[
  [[108,34],[109,34],[109,35],[108,35],[108,34]],
  [[108.4,34.4],[108.6,34.4],[108.6,34.6],[108.4,34.6],[108.4,34.4]]]})";

Outline Parse(const std::string& text) {
  auto o = ParseOutline(text);
  EXPECT_TRUE(o.ok()) << o.status().message_en();
  return o.ok() ? *o : Outline{};
}

TEST(GeoOutlineTest, PolygonWithHole) {
  Outline o = Parse(kSquareWithHole);
  ASSERT_EQ(o.polygons.size(), 1u);
  EXPECT_EQ(o.polygons[0].size(), 2u);
  EXPECT_EQ(o.vertices, 10u);
  EXPECT_TRUE(Contains(o, {108.1, 34.1}));
  EXPECT_TRUE(Contains(o, {108.9, 34.9}));
  EXPECT_FALSE(Contains(o, {108.5, 34.5}));  // in the hole
  EXPECT_FALSE(Contains(o, {109.1, 34.5}));  // east of it
  EXPECT_FALSE(Contains(o, {108.5, 35.01}));
}

TEST(GeoOutlineTest, ConcavePolygon) {
  // A "U": the notch between x 0.4..0.6 above y 0.3 is outside.
  Outline o = Parse(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0.6,1],[0.6,0.3],
    [0.4,0.3],[0.4,1],[0,1],[0,0]]]})");
  EXPECT_TRUE(Contains(o, {0.2, 0.8}));
  EXPECT_TRUE(Contains(o, {0.8, 0.8}));
  EXPECT_TRUE(Contains(o, {0.5, 0.1}));
  EXPECT_FALSE(Contains(o, {0.5, 0.8}));
}

TEST(GeoOutlineTest, MultiPolygonFeatureAndCollection) {
  const std::string multi =
      R"({"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],
        [[[10,10],[11,10],[11,11],[10,10]]]]})";
  Outline o = Parse(multi);
  EXPECT_EQ(o.polygons.size(), 2u);
  EXPECT_TRUE(Contains(o, {10.8, 10.2}));
  EXPECT_FALSE(Contains(o, {5, 5}));
  Outline f =
      Parse(R"({"type":"Feature","properties":{"name":"雁塔区"},"geometry":)" + multi + "}");
  EXPECT_EQ(f.polygons.size(), 2u);
  Outline c = Parse(R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":)" +
                    std::string(kSquareWithHole) +
                    R"(},{"type":"Feature","properties":null,"geometry":)" + multi + "}]}");
  EXPECT_EQ(c.polygons.size(), 3u);
}

struct BadCase {
  const char* name;
  std::string text;
  const char* en_part;
};

TEST(GeoOutlineTest, RefusesWhatIsNotAClosedPolygon) {
  std::string huge = R"({"type":"Polygon","coordinates":[[)";
  for (int i = 0; i < 20001; ++i) huge += "[" + std::to_string(i % 90) + ",1],";
  huge += "[0,1]]]}";
  const BadCase cases[] = {
      {"not json", "{", "not valid JSON"},
      {"point", R"({"type":"Point","coordinates":[108,34]})", "not Point"},
      {"line", R"({"type":"LineString","coordinates":[[108,34],[109,34]]})", "not LineString"},
      {"no type", R"({"coordinates":[]})", "without type"},
      {"open ring", R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]})",
       "not closed"},
      {"short ring", R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]})",
       "at least 4 positions"},
      {"latitude", R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,91],[0,0]]]})",
       "out of range"},
      {"longitude", R"({"type":"Polygon","coordinates":[[[0,0],[181,0],[1,1],[0,0]]]})",
       "out of range"},
      {"text position", R"({"type":"Polygon","coordinates":[[["0","0"],[1,0],[1,1],[0,0]]]})",
       "must be a number"},
      {"empty polygon", R"({"type":"Polygon","coordinates":[]})", "non-empty"},
      {"feature of a point",
       R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,1]}}]})",
       "not Point"},
      {"too many vertices", huge, "too many positions"},
      {"too large", std::string(kMaxOutlineBytes + 1, ' '), "too large"},
  };
  for (const BadCase& c : cases) {
    auto o = ParseOutline(c.text);
    ASSERT_FALSE(o.ok()) << c.name;
    EXPECT_EQ(o.status().code(), ErrorCode::kInvalidArgument) << c.name;
    EXPECT_NE(o.status().message_en().find(c.en_part), std::string::npos)
        << c.name << ": " << o.status().message_en();
    EXPECT_NE(o.status().message_zh().find("区域边界无效"), std::string::npos) << c.name;
  }
}

TEST(GeoDatumTest, Gcj02RoundTripAndOffset) {
  LngLat wgs{108.9398, 34.2316};  // 西安 雁塔区
  LngLat gcj = Wgs84ToGcj02(wgs);
  double offset = DistanceMetres(wgs, gcj);
  EXPECT_GT(offset, 200);  // GCJ-02 is a few hundred metres off in Xi'an
  EXPECT_LT(offset, 800);
  LngLat back = Gcj02ToWgs84(gcj);
  EXPECT_LT(DistanceMetres(wgs, back), 0.05);
  // Outside China both datums agree.
  LngLat paris{2.35, 48.85};
  EXPECT_EQ(Wgs84ToGcj02(paris).lng, paris.lng);
  EXPECT_TRUE(OutOfChina(paris));
}

TEST(GeoTilesTest, TemplateCheck) {
  EXPECT_TRUE(CheckTileTemplate("https://tile.example.org/{z}/{x}/{y}.png").ok());
  EXPECT_TRUE(CheckTileTemplate("http://{s}.tiles.local:8081/{z}/{x}/{y}.png").ok());
  EXPECT_TRUE(CheckTileTemplate("https://t0.tianditu.gov.cn/vec_w/wmts?LAYER=vec&TILEMATRIX={z}"
                                "&TILEROW={y}&TILECOL={x}&tk=abc")
                  .ok());
  for (const char* bad : {"ftp://x/{z}/{x}/{y}", "javascript:alert(1)//{z}{x}{y}",
                          "https://x/{z}/{x}.png", "https://x/{z}/{x}/{y}/{r}.png",
                          "https://x/{z}/{x}/{y", "https://x/ {z}/{x}/{y}", "//x/{z}/{x}/{y}"}) {
    Status st = CheckTileTemplate(bad);
    EXPECT_EQ(st.code(), ErrorCode::kInvalidArgument) << bad;
    EXPECT_NE(st.message_zh().find("瓦片地址模板无效"), std::string::npos) << bad;
  }
}

TEST(GeoTilesTest, ResolveSource) {
  auto none = ResolveTileSource("", "");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->kind, "none");
  EXPECT_EQ(none->url, "");
  auto t = ResolveTileSource("", "0123456789abcdef0123456789abcdef");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->kind, "tianditu");
  EXPECT_TRUE(CheckTileTemplate(t->url).ok());
  EXPECT_TRUE(CheckTileTemplate(t->overlay_url).ok());
  EXPECT_NE(t->url.find("tk=0123456789abcdef0123456789abcdef"), std::string::npos);
  EXPECT_FALSE(ResolveTileSource("", "short").ok());
  EXPECT_FALSE(ResolveTileSource("", "0123456789abcdef&x=1").ok());
  EXPECT_FALSE(ResolveTileSource("https://x/{z}/{x}/{y}", "0123456789abcdef").ok());
  EXPECT_FALSE(ResolveTileSource("file:///etc/{z}/{x}/{y}", "").ok());
}

TEST(GeoTilesTest, ContentSecurityPolicySources) {
  EXPECT_EQ(CspImgSources(TileSource{}), "");
  auto t = ResolveTileSource("", "0123456789abcdef0123456789abcdef");
  EXPECT_EQ(CspImgSources(*t), "https://*.tianditu.gov.cn");
  auto x = ResolveTileSource("http://127.0.0.1:8081/tiles/{z}/{x}/{y}.png", "");
  EXPECT_EQ(CspImgSources(*x), "http://127.0.0.1:8081");
  auto o = ResolveTileSource("https://{s}.tile.example.org/{z}/{x}/{y}.png?k=1", "");
  EXPECT_EQ(CspImgSources(*o), "https://*.tile.example.org");
  // Nothing that could end the directive gets through.
  auto bad = ResolveTileSource("https://a;script-src/{z}/{x}/{y}", "");
  ASSERT_TRUE(bad.ok());
  EXPECT_EQ(CspImgSources(*bad), "");
}

}  // namespace
}  // namespace keyline::geo
