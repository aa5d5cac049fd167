// Leaflet and its marker clustering, loaded on first use (their own chunk, so the login page
// and the other screens do not carry them), and the pieces the map screens share: the base
// layers of the server's tile configuration, the district outline, the light colours.
// Coordinates are WGS-84 / CGCS2000 throughout (天地图's datum); Leaflet's default Web Mercator
// (EPSG:3857) matches 天地图's "_w" tile sets.
let loading = null;

export function loadLeaflet() {
  if (!loading) {
    loading = (async () => {
      const L = (await import('leaflet')).default;
      await import('leaflet/dist/leaflet.css');
      // leaflet.markercluster extends the global L.
      window.L = L;
      await import('leaflet.markercluster');
      await import('leaflet.markercluster/dist/MarkerCluster.css');
      return L;
    })();
  }
  return loading;
}

export const LIGHT_COLOURS = { red: '#d9363e', yellow: '#e6a23c', green: '#3ea55b', none: '#909399' };
export const LIGHTS = ['red', 'yellow', 'green', 'none'];
// 雁塔区, when nothing else says where to look.
export const DEFAULT_CENTER = [34.22, 108.95];

// The base layers of GET /map/config (none: nothing, the container's plain background shows).
export function addBaseLayers(L, map, config) {
  const tiles = config && config.tiles;
  if (!tiles || !tiles.url) return false;
  const opts = { subdomains: tiles.subdomains || 'abc', attribution: tiles.attribution || '', maxZoom: 18 };
  L.tileLayer(tiles.url, opts).addTo(map);
  if (tiles.overlay_url) L.tileLayer(tiles.overlay_url, { ...opts, attribution: '' }).addTo(map);
  return true;
}

// The district outline (GeoJSON) as a line without fill; null when there is none.
export function addOutline(L, map, geojson) {
  if (!geojson) return null;
  return L.geoJSON(geojson, {
    interactive: false,
    style: { color: '#2f6fdb', weight: 2, fill: true, fillOpacity: 0.03, dashArray: '6 4' },
  }).addTo(map);
}

// GCJ-02 -> WGS-84 for a preview on the client (the server converts again when saving).
const A = 6378245.0;
const EE = 0.00669342162296594323;
function outOfChina(lng, lat) {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}
function tLat(x, y) {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}
function tLng(x, y) {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}
function toGcj(lng, lat) {
  if (outOfChina(lng, lat)) return [lng, lat];
  let dLat = tLat(lng - 105, lat - 35);
  let dLng = tLng(lng - 105, lat - 35);
  const rad = (lat / 180) * Math.PI;
  let magic = Math.sin(rad);
  magic = 1 - EE * magic * magic;
  const sq = Math.sqrt(magic);
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sq)) * Math.PI);
  dLng = (dLng * 180) / ((A / sq) * Math.cos(rad) * Math.PI);
  return [lng + dLng, lat + dLat];
}
export function gcj02ToWgs84(lng, lat) {
  let w = [lng, lat];
  for (let i = 0; i < 10; i++) {
    const g = toGcj(w[0], w[1]);
    w = [w[0] - (g[0] - lng), w[1] - (g[1] - lat)];
  }
  return w;
}

// What a pasted text says: {lng, lat, gcj02} or null. A 高德 (amap.com) or 腾讯 (qq.com) link
// carries GCJ-02; plain "lng,lat" is taken as WGS-84 (a "lat,lng" order is recognised by range).
export function parsePastedLocation(text) {
  const s = String(text || '').trim();
  if (!s) return null;
  const gcj = /amap\.com|autonavi|gaode|map\.qq\.com|apis\.map\.qq|tencent/i.test(s);
  let m = s.match(/(?:position|location|center|coord|lnglat|marker)=([-\d.]+)[,\s]+([-\d.]+)/i);
  if (!m) m = s.match(/(-?\d{1,3}\.\d+)\s*[,，\s]\s*(-?\d{1,3}\.\d+)/);
  if (!m) return null;
  let a = Number(m[1]);
  let b = Number(m[2]);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
  // China: longitude 73..136, latitude 3..54 — swap a "lat,lng" pair.
  if (a >= 3 && a <= 54 && b >= 73 && b <= 136) [a, b] = [b, a];
  if (a < -180 || a > 180 || b < -90 || b > 90) return null;
  return { lng: a, lat: b, gcj02: gcj };
}
