// Geography for the map: the district outline (a GeoJSON polygon or multipolygon), whether a
// point lies inside it, the GCJ-02 -> WGS-84 correction, and the check of a tile URL template.
// Coordinates are degrees in WGS-84 / CGCS2000 (the datum of 天地图; the two differ by
// centimetres), longitude first as in GeoJSON.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace keyline::geo {

struct LngLat {
  double lng = 0;
  double lat = 0;
};

using Ring = std::vector<LngLat>;   // closed: first == last, at least 4 positions
using Polygon = std::vector<Ring>;  // ring 0 the outer boundary, the others holes
struct Outline {
  std::vector<Polygon> polygons;  // at least one
  size_t vertices = 0;
};

// Limits of an outline: its GeoJSON text and its positions.
inline constexpr size_t kMaxOutlineBytes = 2 * 1024 * 1024;
inline constexpr size_t kMaxOutlineVertices = 20000;

// Parses a GeoJSON Polygon or MultiPolygon, or a Feature / FeatureCollection made only of them
// (their geometries merged). kInvalidArgument (zh + en, field "outline") when the text is not
// JSON, is larger than kMaxOutlineBytes, has another geometry type, a ring with fewer than four
// positions or not closed, a position that is not [lng, lat] within -180..180 / -90..90, or
// more than kMaxOutlineVertices positions.
Result<Outline> ParseOutline(std::string_view geojson);

// True when the point lies inside one of the polygons (inside its outer ring and in none of
// its holes; a point exactly on an edge may fall either way).
bool Contains(const Outline& outline, LngLat point);

// True outside the rough bounding box of mainland China, where GCJ-02 equals WGS-84.
bool OutOfChina(LngLat p);
// WGS-84 -> GCJ-02 (the published obfuscation of 高德, 腾讯 and Google China maps).
LngLat Wgs84ToGcj02(LngLat p);
// GCJ-02 -> WGS-84 by iterating the forward transform (error well under 1 m).
LngLat Gcj02ToWgs84(LngLat p);
// Distance in metres on a sphere of radius 6,371 km.
double DistanceMetres(LngLat a, LngLat b);

// A tile URL template: http:// or https://, at most 2,000 characters, containing {z}, {x} and
// {y}; {s} (subdomain) is allowed; no other {…} placeholder. kInvalidArgument otherwise.
Status CheckTileTemplate(std::string_view url);

// Where the map's background tiles come from (server configuration, read-only to clients).
struct TileSource {
  std::string kind = "none";  // "none" (a plain background) | "xyz" | "tianditu"
  std::string url;            // template with {z} {x} {y} [{s}]; "" for none
  std::string overlay_url;    // 天地图: the annotation (注记) layer drawn over url; else ""
  std::string subdomains;     // the values of {s}
  std::string attribution;
};

// The tile source of the configuration: url_template (CheckTileTemplate) when given, else
// 天地图's WMTS vector map and annotations with tianditu_key (16..64 letters and digits) when
// given, else none. kInvalidArgument when a value is bad or both are given.
Result<TileSource> ResolveTileSource(std::string_view url_template, std::string_view tianditu_key);

// The img-src sources of the Content-Security-Policy the tiles need: "scheme://host[:port]" of
// url and overlay_url, a {s} label as "*", space-separated; "" for none.
std::string CspImgSources(const TileSource& tiles);

}  // namespace keyline::geo
