// The EXIF of a JPEG across a canvas re-encode. A canvas never writes EXIF, so a shrunk photo
// would lose when and where it was taken: exifSegment() takes the original's APP1 "Exif"
// segment, withExif() puts it into the new JPEG (after SOI and any APP0), with the Orientation
// tag reset to 1 since the canvas already drew the pixels upright. Pure byte work on
// Uint8Arrays; anything that is not a well-formed JPEG gives null / the input unchanged.

const SOI = [0xff, 0xd8];

function isJpeg(b) {
  return b && b.length > 4 && b[0] === SOI[0] && b[1] === SOI[1];
}

// Walks the marker segments before the image data: [{marker, start, end}] (end exclusive).
function segments(b) {
  const out = [];
  let pos = 2;
  while (pos + 4 <= b.length && b[pos] === 0xff) {
    const marker = b[pos + 1];
    if (marker === 0xda || marker === 0xd9) break;
    const len = (b[pos + 2] << 8) | b[pos + 3];
    if (len < 2 || pos + 2 + len > b.length) break;
    out.push({ marker, start: pos, end: pos + 2 + len });
    pos += 2 + len;
  }
  return out;
}

const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"

// The whole APP1 Exif segment (marker and length included) of a JPEG, or null.
export function exifSegment(bytes) {
  if (!isJpeg(bytes)) return null;
  for (const s of segments(bytes)) {
    if (s.marker !== 0xe1) continue;
    const body = bytes.subarray(s.start + 4, s.end);
    if (body.length > 6 && EXIF_HEADER.every((c, i) => body[i] === c)) return bytes.slice(s.start, s.end);
  }
  return null;
}

// Sets IFD0's Orientation (0x0112) to 1 in a copied APP1 segment, in place.
function resetOrientation(seg) {
  const tiff = 10; // FF E1 len(2) "Exif\0\0"
  if (seg.length < tiff + 8) return;
  const little = seg[tiff] === 0x49;
  const u16 = (at) => (little ? seg[at] | (seg[at + 1] << 8) : (seg[at] << 8) | seg[at + 1]);
  const u32 = (at) => (little
    ? (seg[at] | (seg[at + 1] << 8) | (seg[at + 2] << 16) | (seg[at + 3] << 24)) >>> 0
    : ((seg[at] << 24) | (seg[at + 1] << 16) | (seg[at + 2] << 8) | seg[at + 3]) >>> 0);
  const ifd0 = tiff + u32(tiff + 4);
  if (ifd0 + 2 > seg.length) return;
  const n = u16(ifd0);
  for (let i = 0; i < n; i++) {
    const e = ifd0 + 2 + i * 12;
    if (e + 12 > seg.length) return;
    if (u16(e) === 0x0112 && u16(e + 2) === 3) {
      seg[e + 8] = little ? 1 : 0;
      seg[e + 9] = little ? 0 : 1;
    }
  }
}

// A copy of `jpeg` carrying the APP1 segment `exif` (from exifSegment); any APP1 Exif the new
// JPEG had is replaced. Returns `jpeg` itself when either argument is unusable.
export function withExif(jpeg, exif) {
  if (!isJpeg(jpeg) || !exif) return jpeg;
  const seg = exif.slice();
  resetOrientation(seg);
  const segs = segments(jpeg);
  const app0 = segs.find((s) => s.marker === 0xe0 && s.start === 2);
  const at = app0 ? app0.end : 2;
  const old = segs.find((s) => s.marker === 0xe1 && EXIF_HEADER.every((c, i) => jpeg[s.start + 4 + i] === c));
  const head = jpeg.subarray(0, at);
  const tail = old ? [jpeg.subarray(at, old.start), jpeg.subarray(old.end)] : [jpeg.subarray(at)];
  const parts = [head, seg, ...tail];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}
