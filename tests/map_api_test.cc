// The map over HTTP: projects as points scoped like the ledger, the district outline (validated,
// office-only writes) and a project's location checked against it; the tile configuration.
#include <boost/json.hpp>
#include <set>

#include "core/geo/geo.h"
#include "tests/api_test.h"

namespace keyline::testing {
namespace {

namespace json = boost::json;

// A square around 雁塔区 (108.85..109.05 E, 34.15..34.30 N).
constexpr const char* kOutline =
    R"({"type":"Feature","properties":{"name":"雁塔区"},"geometry":{"type":"Polygon",)"
    R"("coordinates":[[[108.85,34.15],[109.05,34.15],[109.05,34.30],[108.85,34.30],[108.85,34.15]]]}})";

class MapApi : public ApiTest {
 protected:
  HttpResult Locate(HttpClient& c, int64_t id, double lng, double lat, const char* datum = "") {
    HttpResult project = c.Get("/api/v1/projects/" + Id(id));
    int64_t version = project.status == 200 ? project.json.at("version").as_int64() : 1;
    json::object body{{"version", version}, {"longitude", lng}, {"latitude", lat}};
    if (*datum) body["datum"] = datum;
    return c.Request("PUT", "/api/v1/map/projects/" + Id(id) + "/location", Json(body));
  }
  static std::set<int64_t> Ids(const HttpResult& r) {
    std::set<int64_t> ids;
    for (const auto& v : r.json.at("projects").at("id").as_array()) ids.insert(v.as_int64());
    return ids;
  }
};
KL_INSTANTIATE_BACKENDS(MapApi);

TEST_P(MapApi, PointsAreTheCallersLocatedProjectsOnly) {
  const Fixture& f = fx();
  auto fgw = As("fgw");
  ASSERT_EQ(Locate(*fgw, f.project_school, 108.95, 34.22).status, 200);
  ASSERT_EQ(Locate(*fgw, f.project_road, 108.96, 34.21).status, 200);
  // project_mall stays without a location: counted, not drawn.

  HttpResult all = fgw->Get("/api/v1/map/projects");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(Ids(all), (std::set<int64_t>{f.project_school, f.project_road}));
  EXPECT_EQ(all.json.at("total").as_int64(), 3);
  EXPECT_EQ(all.json.at("located").as_int64(), 2);
  const json::value& cols = all.json.at("projects");
  for (const char* key : {"name", "lat", "lng", "light", "stage"}) {
    EXPECT_EQ(cols.at(key).as_array().size(), 2u) << key;
  }
  for (const auto& light : cols.at("light").as_array()) {
    std::string l(light.as_string());
    EXPECT_TRUE(l == "green" || l == "yellow" || l == "red" || l == "none") << l;
  }

  auto company_a = As("company_a");
  HttpResult mine = company_a->Get("/api/v1/map/projects");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(Ids(mine), std::set<int64_t>{f.project_school});
  EXPECT_EQ(mine.json.at("total").as_int64(), 1);
  HttpResult b = As("company_b")->Get("/api/v1/map/projects");
  EXPECT_EQ(Ids(b), std::set<int64_t>{f.project_road});
  // Nor can a company place somebody else's project.
  EXPECT_EQ(Locate(*company_a, f.project_road, 108.9, 34.2).status, 404);
}

TEST_P(MapApi, LedgerFiltersApply) {
  const Fixture& f = fx();
  auto fgw = As("fgw");
  ASSERT_EQ(Locate(*fgw, f.project_school, 108.95, 34.22).status, 200);
  ASSERT_EQ(Locate(*fgw, f.project_road, 108.96, 34.21).status, 200);
  std::string name(
      fgw->Get("/api/v1/projects/" + Id(f.project_school)).json.at("name").as_string());
  HttpResult r = fgw->Get("/api/v1/map/projects?unit=" + Id(f.company_a));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Ids(r), std::set<int64_t>{f.project_school});
  EXPECT_EQ(r.json.at("projects").at("name").at(0).as_string(), name);
  // The overall light filters too: the three colours partition the points.
  size_t points = 0;
  for (const char* colour : {"green", "yellow", "red"}) {
    HttpResult c = fgw->Get(std::string("/api/v1/map/projects?colour=") + colour);
    ASSERT_EQ(c.status, 200) << c.body;
    for (const auto& l : c.json.at("projects").at("light").as_array()) EXPECT_EQ(l, colour);
    points += c.json.at("projects").at("id").as_array().size();
  }
  EXPECT_EQ(points, 2u);
  EXPECT_EQ(fgw->Get("/api/v1/map/projects?colour=blue").status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/map/projects?limit=10").status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/map/projects?stage=nonsense").status, 400);
}

TEST_P(MapApi, OutlineIsSetByTheOfficeAndReadByEveryone) {
  auto fgw = As("fgw");
  auto company_a = As("company_a");
  HttpResult none = company_a->Get("/api/v1/map/outline");
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_TRUE(none.json.at("outline").is_null());
  EXPECT_FALSE(company_a->Get("/api/v1/map/config").json.at("outline_set").as_bool());

  EXPECT_EQ(company_a->Request("PUT", "/api/v1/map/outline", kOutline).status, 403);
  EXPECT_EQ(As("edu")->Request("PUT", "/api/v1/map/outline", kOutline).status, 403);
  HttpResult put = fgw->Request("PUT", "/api/v1/map/outline", kOutline);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json.at("outline").at("type"), "Feature");

  HttpResult got = company_a->Get("/api/v1/map/outline");
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.json.at("outline"), json::parse(kOutline));
  EXPECT_TRUE(company_a->Get("/api/v1/map/config").json.at("outline_set").as_bool());
  // Audited.
  HttpResult audit = As("admin")->Get("/api/v1/audit?entity=district");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_NE(audit.body.find("map_outline"), std::string::npos);

  EXPECT_EQ(company_a->Delete("/api/v1/map/outline").status, 403);
  EXPECT_EQ(As("admin")->Delete("/api/v1/map/outline").status, 204);
  EXPECT_TRUE(company_a->Get("/api/v1/map/outline").json.at("outline").is_null());
}

TEST_P(MapApi, BadOutlinesAreRefusedWithAMessage) {
  auto fgw = As("fgw");
  std::string huge = R"({"type":"Polygon","coordinates":[[)";
  for (size_t i = 0; i <= geo::kMaxOutlineVertices; ++i) huge += "[108.9,34.2],";
  huge += "[108.9,34.2]]]}";
  struct Case {
    std::string body;
    const char* en;
  } cases[] = {
      {R"({"type":"Point","coordinates":[108.9,34.2]})", "not Point"},
      {R"({"type":"LineString","coordinates":[[108.9,34.2],[109,34.3]]})", "not LineString"},
      {R"({"type":"Polygon","coordinates":[[[108.85,34.15],[109.05,34.15],[109.05,34.3]]]})",
       "at least 4"},
      {R"({"type":"Polygon","coordinates":[[[108.85,34.15],[109.05,34.15],[109.05,34.3],[108.9,34.3]]]})",
       "not closed"},
      {R"({"type":"Polygon","coordinates":[[[108.85,34.15],[109.05,99],[109.05,34.3],[108.85,34.15]]]})",
       "out of range"},
      {huge, "too many positions"},
      {"not json", "not valid JSON"},
  };
  for (const Case& c : cases) {
    HttpResult r = fgw->Request("PUT", "/api/v1/map/outline", c.body);
    EXPECT_EQ(r.status, 400) << c.en;
    EXPECT_EQ(r.ErrorCode(), "invalid_argument") << r.body;
    std::string en(r.json.at("error").at("message_en").as_string());
    EXPECT_NE(en.find(c.en), std::string::npos) << en;
    std::string zh(r.json.at("error").at("message_zh").as_string());
    EXPECT_NE(zh.find("区域边界无效"), std::string::npos) << zh;
  }
  // Over 2 MB (within the route's 4 MB): refused with a message, nothing stored.
  std::string too_big = std::string(geo::kMaxOutlineBytes, ' ') + kOutline;
  HttpResult big = fgw->Request("PUT", "/api/v1/map/outline", too_big);
  EXPECT_EQ(big.status, 400);
  EXPECT_NE(big.body.find("too large"), std::string::npos) << big.body.substr(0, 300);
  EXPECT_TRUE(fgw->Get("/api/v1/map/outline").json.at("outline").is_null());
}

TEST_P(MapApi, ALocationOutsideTheOutlineIsRefused) {
  const Fixture& f = fx();
  auto fgw = As("fgw");
  ASSERT_EQ(fgw->Request("PUT", "/api/v1/map/outline", kOutline).status, 200);
  HttpResult out = Locate(*fgw, f.project_school, 108.70, 34.22);  // west of the outline
  EXPECT_EQ(out.status, 400) << out.body;
  EXPECT_EQ(out.json.at("error").at("details").at(0).at("field"), "location");
  std::string zh(out.json.at("error").at("message_zh").as_string());
  EXPECT_NE(zh.find("不在本区域边界内"), std::string::npos) << zh;
  EXPECT_TRUE(fgw->Get("/api/v1/projects/" + Id(f.project_school)).json.at("longitude").is_null() ||
              fgw->Get("/api/v1/projects/" + Id(f.project_school)).json.at("longitude") != 108.70);

  HttpResult in = Locate(*fgw, f.project_school, 108.95, 34.22);
  ASSERT_EQ(in.status, 200) << in.body;
  EXPECT_DOUBLE_EQ(in.json.at("longitude").as_double(), 108.95);
  EXPECT_DOUBLE_EQ(in.json.at("latitude").as_double(), 34.22);
  // A stale version is a conflict.
  json::object stale{{"version", 1}, {"longitude", 108.95}, {"latitude", 34.22}};
  EXPECT_EQ(
      fgw->Request("PUT", "/api/v1/map/projects/" + Id(f.project_school) + "/location", Json(stale))
          .status,
      409);
  // Field errors.
  json::object bad{{"version", 2}, {"longitude", 200.0}, {"latitude", 34.2}, {"datum", "bd09"}};
  HttpResult b =
      fgw->Request("PUT", "/api/v1/map/projects/" + Id(f.project_school) + "/location", Json(bad));
  EXPECT_EQ(b.status, 400);
  EXPECT_EQ(b.json.at("error").at("details").as_array().size(), 2u) << b.body;
}

TEST_P(MapApi, Gcj02CoordinatesAreConvertedToWgs84) {
  const Fixture& f = fx();
  auto fgw = As("fgw");
  geo::LngLat wgs{108.95, 34.22};
  geo::LngLat gcj = geo::Wgs84ToGcj02(wgs);
  HttpResult r = Locate(*fgw, f.project_school, gcj.lng, gcj.lat, "gcj02");
  ASSERT_EQ(r.status, 200) << r.body;
  geo::LngLat stored{r.json.at("longitude").as_double(), r.json.at("latitude").as_double()};
  EXPECT_LT(geo::DistanceMetres(stored, wgs), 0.1);
  EXPECT_GT(geo::DistanceMetres(stored, gcj), 100);
}

TEST_P(MapApi, TileConfiguration) {
  HttpResult plain = As("company_a")->Get("/api/v1/map/config");
  ASSERT_EQ(plain.status, 200) << plain.body;
  EXPECT_EQ(plain.json.at("tiles").at("kind"), "none");
  EXPECT_TRUE(plain.json.at("tiles").at("url").is_null());
  EXPECT_EQ(plain.json.at("datum"), "wgs84");

  std::string reason;
  TestServerOptions xyz;
  xyz.configure = [](Config& c) { c.map_tiles = "http://127.0.0.1:9/{z}/{x}/{y}.png"; };
  auto s = TestServer::Start(GetParam(), &reason, xyz);
  ASSERT_NE(s, nullptr) << reason;
  HttpResult r = s->LoggedIn("leader")->Get("/api/v1/map/config");
  EXPECT_EQ(r.json.at("tiles").at("kind"), "xyz");
  EXPECT_EQ(r.json.at("tiles").at("url"), "http://127.0.0.1:9/{z}/{x}/{y}.png");

  for (const char* bad : {"ftp://tiles/{z}/{x}/{y}.png", "https://tiles/{z}/{x}.png"}) {
    TestServerOptions o;
    o.configure = [bad](Config& c) { c.map_tiles = bad; };
    std::string why;
    EXPECT_EQ(TestServer::Start(GetParam(), &why, o), nullptr) << bad;
    EXPECT_NE(why.find("tile URL template"), std::string::npos) << why;
  }
}

}  // namespace
}  // namespace keyline::testing
