#include "core/geo/geo.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <numbers>

namespace keyline::geo {
namespace {

namespace json = boost::json;

Status Bad(std::string zh, std::string en) {
  return Status::InvalidArgument("区域边界无效：" + zh, "invalid outline: " + en,
                                 {{"outline", zh, en}});
}

struct Parser {
  Outline out;

  Status Position(const json::value& v, LngLat* p) {
    if (!v.is_array() || v.as_array().size() < 2 || v.as_array().size() > 3) {
      return Bad("坐标应为 [经度, 纬度]", "a position must be [longitude, latitude]");
    }
    const json::array& a = v.as_array();
    for (const json::value& n : a) {
      if (!n.is_number()) return Bad("坐标应为数字", "a coordinate must be a number");
    }
    p->lng = a[0].to_number<double>();
    p->lat = a[1].to_number<double>();
    if (!std::isfinite(p->lng) || !std::isfinite(p->lat) || p->lng < -180 || p->lng > 180 ||
        p->lat < -90 || p->lat > 90) {
      return Bad("坐标超出范围（经度 -180..180，纬度 -90..90）",
                 "a coordinate is out of range (longitude -180..180, latitude -90..90)");
    }
    if (++out.vertices > kMaxOutlineVertices) {
      return Bad("顶点过多（最多 " + std::to_string(kMaxOutlineVertices) + " 个）",
                 "too many positions (at most " + std::to_string(kMaxOutlineVertices) + ")");
    }
    return Status::Ok();
  }

  Status RingOf(const json::value& v, Ring* ring) {
    if (!v.is_array()) return Bad("环应为坐标数组", "a ring must be an array of positions");
    for (const json::value& pos : v.as_array()) {
      LngLat p;
      KL_RETURN_IF_ERROR(Position(pos, &p));
      ring->push_back(p);
    }
    if (ring->size() < 4) {
      return Bad("每个环至少 4 个坐标", "a ring needs at least 4 positions");
    }
    if (ring->front().lng != ring->back().lng || ring->front().lat != ring->back().lat) {
      return Bad("环未闭合（首尾坐标应相同）",
                 "a ring is not closed (its first and last positions must be equal)");
    }
    return Status::Ok();
  }

  Status PolygonOf(const json::value& v) {
    if (!v.is_array() || v.as_array().empty()) {
      return Bad("多边形应为非空的环数组", "a polygon must be a non-empty array of rings");
    }
    Polygon polygon;
    for (const json::value& r : v.as_array()) {
      Ring ring;
      KL_RETURN_IF_ERROR(RingOf(r, &ring));
      polygon.push_back(std::move(ring));
    }
    out.polygons.push_back(std::move(polygon));
    return Status::Ok();
  }

  Status Geometry(const json::value& v) {
    if (!v.is_object()) return Bad("几何对象应为对象", "a geometry must be an object");
    const json::object& o = v.as_object();
    const json::value* type = o.if_contains("type");
    const json::value* coords = o.if_contains("coordinates");
    std::string_view t = type && type->is_string() ? std::string_view(type->as_string()) : "";
    if (t == "Polygon" && coords) return PolygonOf(*coords);
    if (t == "MultiPolygon" && coords) {
      if (!coords->is_array() || coords->as_array().empty()) {
        return Bad("MultiPolygon 应为非空的多边形数组",
                   "a MultiPolygon must be a non-empty array of polygons");
      }
      for (const json::value& p : coords->as_array()) KL_RETURN_IF_ERROR(PolygonOf(p));
      return Status::Ok();
    }
    if (t == "Feature") {
      const json::value* g = o.if_contains("geometry");
      if (!g || g->is_null()) return Bad("Feature 缺少几何对象", "a Feature has no geometry");
      return Geometry(*g);
    }
    if (t == "FeatureCollection") {
      const json::value* fs = o.if_contains("features");
      if (!fs || !fs->is_array() || fs->as_array().empty()) {
        return Bad("FeatureCollection 应含至少一个 Feature",
                   "a FeatureCollection needs at least one Feature");
      }
      for (const json::value& f : fs->as_array()) {
        const json::value* ft = f.is_object() ? f.as_object().if_contains("type") : nullptr;
        if (!ft || !ft->is_string() || ft->as_string() != "Feature") {
          return Bad("features 中应只有 Feature", "features must hold only Features");
        }
        KL_RETURN_IF_ERROR(Geometry(f));
      }
      return Status::Ok();
    }
    return Bad("应为 Polygon 或 MultiPolygon（可包在 Feature / FeatureCollection 中），而不是 " +
                   (t.empty() ? std::string("无类型") : std::string(t)),
               "expected a Polygon or MultiPolygon (possibly in a Feature or FeatureCollection), "
               "not " +
                   (t.empty() ? std::string("an object without type") : std::string(t)));
  }
};

// Even-odd rule over one ring.
bool InRing(const Ring& ring, LngLat p) {
  bool inside = false;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const LngLat& a = ring[i];
    const LngLat& b = ring[j];
    if ((a.lat > p.lat) != (b.lat > p.lat) &&
        p.lng < (b.lng - a.lng) * (p.lat - a.lat) / (b.lat - a.lat) + a.lng) {
      inside = !inside;
    }
  }
  return inside;
}

constexpr double kPi = std::numbers::pi;
constexpr double kA = 6378245.0;                // Krasovsky 1940 semi-major axis
constexpr double kEe = 0.00669342162296594323;  // its eccentricity squared

double TransformLat(double x, double y) {
  double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
  r += (160.0 * std::sin(y / 12.0 * kPi) + 320 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
  return r;
}

double TransformLng(double x, double y) {
  double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
  r += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
  return r;
}

}  // namespace

Result<Outline> ParseOutline(std::string_view geojson) {
  if (geojson.size() > kMaxOutlineBytes) {
    return Bad("文件过大（最多 2 MB）", "the GeoJSON is too large (at most 2 MB)");
  }
  json::error_code ec;
  json::value v = json::parse(geojson, ec);
  if (ec) return Bad("不是有效的 JSON", "not valid JSON");
  Parser p;
  KL_RETURN_IF_ERROR(p.Geometry(v));
  return std::move(p.out);
}

bool Contains(const Outline& outline, LngLat p) {
  for (const Polygon& polygon : outline.polygons) {
    if (polygon.empty() || !InRing(polygon[0], p)) continue;
    bool in_hole = false;
    for (size_t i = 1; i < polygon.size() && !in_hole; ++i) in_hole = InRing(polygon[i], p);
    if (!in_hole) return true;
  }
  return false;
}

bool OutOfChina(LngLat p) {
  return p.lng < 72.004 || p.lng > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

LngLat Wgs84ToGcj02(LngLat p) {
  if (OutOfChina(p)) return p;
  double d_lat = TransformLat(p.lng - 105.0, p.lat - 35.0);
  double d_lng = TransformLng(p.lng - 105.0, p.lat - 35.0);
  double rad_lat = p.lat / 180.0 * kPi;
  double magic = std::sin(rad_lat);
  magic = 1 - kEe * magic * magic;
  double sqrt_magic = std::sqrt(magic);
  d_lat = (d_lat * 180.0) / ((kA * (1 - kEe)) / (magic * sqrt_magic) * kPi);
  d_lng = (d_lng * 180.0) / (kA / sqrt_magic * std::cos(rad_lat) * kPi);
  return {p.lng + d_lng, p.lat + d_lat};
}

LngLat Gcj02ToWgs84(LngLat p) {
  if (OutOfChina(p)) return p;
  LngLat w = p;
  for (int i = 0; i < 10; ++i) {
    LngLat g = Wgs84ToGcj02(w);
    double e_lng = g.lng - p.lng, e_lat = g.lat - p.lat;
    w.lng -= e_lng;
    w.lat -= e_lat;
    if (std::abs(e_lng) < 1e-9 && std::abs(e_lat) < 1e-9) break;
  }
  return w;
}

double DistanceMetres(LngLat a, LngLat b) {
  constexpr double kR = 6371000.0;
  double p1 = a.lat * kPi / 180, p2 = b.lat * kPi / 180;
  double dp = p2 - p1, dl = (b.lng - a.lng) * kPi / 180;
  double h = std::sin(dp / 2) * std::sin(dp / 2) +
             std::cos(p1) * std::cos(p2) * std::sin(dl / 2) * std::sin(dl / 2);
  return 2 * kR * std::asin(std::min(1.0, std::sqrt(h)));
}

Status CheckTileTemplate(std::string_view url) {
  auto bad = [&](std::string zh, std::string en) {
    return Status::InvalidArgument("瓦片地址模板无效：" + zh, "invalid tile URL template: " + en,
                                   {{"map_tiles", zh, en}});
  };
  if (url.size() > 2000)
    return bad("过长（最多 2000 字符）", "too long (at most 2,000 characters)");
  if (url.substr(0, 7) != "http://" && url.substr(0, 8) != "https://") {
    return bad("应以 http:// 或 https:// 开头", "must start with http:// or https://");
  }
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '\'' || c == '<' || c == '>' ||
        c == '\\') {
      return bad("含有空白或不允许的字符", "contains whitespace or a character not allowed");
    }
  }
  bool z = false, x = false, y = false;
  for (size_t i = url.find('{'); i != std::string_view::npos; i = url.find('{', i + 1)) {
    size_t end = url.find('}', i);
    if (end == std::string_view::npos) return bad("占位符未闭合", "a placeholder is not closed");
    std::string_view name = url.substr(i + 1, end - i - 1);
    if (name == "z") {
      z = true;
    } else if (name == "x") {
      x = true;
    } else if (name == "y") {
      y = true;
    } else if (name != "s") {
      return bad("未知占位符 {" + std::string(name) + "}（可用 {z} {x} {y} {s}）",
                 "unknown placeholder {" + std::string(name) + "} (allowed: {z} {x} {y} {s})");
    }
  }
  if (!z || !x || !y) return bad("缺少 {z}、{x} 或 {y}", "lacks {z}, {x} or {y}");
  return Status::Ok();
}

Result<TileSource> ResolveTileSource(std::string_view url_template, std::string_view tianditu_key) {
  TileSource t;
  if (!url_template.empty() && !tianditu_key.empty()) {
    return Status::InvalidArgument("瓦片地址与天地图密钥只能配置其一",
                                   "give either a tile URL template or a 天地图 key, not both");
  }
  if (!url_template.empty()) {
    KL_RETURN_IF_ERROR(CheckTileTemplate(url_template));
    t.kind = "xyz";
    t.url = std::string(url_template);
    t.subdomains = "abc";
    return t;
  }
  if (!tianditu_key.empty()) {
    bool ok = tianditu_key.size() >= 16 && tianditu_key.size() <= 64;
    for (char c : tianditu_key) {
      ok = ok && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    }
    if (!ok) {
      return Status::InvalidArgument("天地图密钥应为 16..64 个字母或数字",
                                     "the 天地图 key must be 16..64 letters or digits",
                                     {{"tianditu_key", "格式无效", "malformed"}});
    }
    auto layer = [&](std::string_view name) {
      return "https://t{s}.tianditu.gov.cn/" + std::string(name) +
             "_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=" + std::string(name) +
             "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}"
             "&tk=" +
             std::string(tianditu_key);
    };
    t.kind = "tianditu";
    t.url = layer("vec");
    t.overlay_url = layer("cva");
    t.subdomains = "01234567";
    t.attribution = "© 天地图 国家地理信息公共服务平台";
  }
  return t;
}

std::string CspImgSources(const TileSource& tiles) {
  std::string out;
  for (const std::string* url : {&tiles.url, &tiles.overlay_url}) {
    size_t scheme = url->find("://");
    if (url->empty() || scheme == std::string::npos) continue;
    size_t end = url->find_first_of("/?#", scheme + 3);
    std::string host = url->substr(scheme + 3, end == std::string::npos ? end : end - scheme - 3);
    // A subdomain placeholder in the first label: any subdomain.
    size_t dot = host.find('.');
    if (host.find("{s}") != std::string::npos) {
      if (dot == std::string::npos || host.find("{s}") > dot) continue;
      host = "*" + host.substr(dot);
    }
    bool ok = !host.empty();
    for (char c : host) {
      ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '.' || c == '-' || c == ':' || c == '*' || c == '[' || c == ']');
    }
    if (!ok) continue;
    std::string source = url->substr(0, scheme + 3) + host;
    if (out.find(source) != std::string::npos) continue;
    if (!out.empty()) out += ' ';
    out += source;
  }
  return out;
}

}  // namespace keyline::geo
