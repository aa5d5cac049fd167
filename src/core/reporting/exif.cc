#include "core/reporting/exif.h"

#include <cstdint>
#include <cstdio>

namespace keyline {
namespace {

// The TIFF structure inside the APP1 segment; offsets are relative to its start.
class Tiff {
 public:
  explicit Tiff(std::string_view bytes) : b_(bytes) {}

  bool ReadHeader(uint32_t* ifd0) {
    if (b_.size() < 8) return false;
    if (b_[0] == 'I' && b_[1] == 'I') {
      little_ = true;
    } else if (b_[0] == 'M' && b_[1] == 'M') {
      little_ = false;
    } else {
      return false;
    }
    uint16_t magic = 0;
    return U16(2, &magic) && magic == 42 && U32(4, ifd0);
  }

  bool U16(uint64_t at, uint16_t* out) const {
    if (at + 2 > b_.size()) return false;
    auto c = [&](uint64_t i) { return static_cast<uint16_t>(static_cast<uint8_t>(b_[at + i])); };
    *out =
        little_ ? static_cast<uint16_t>(c(0) | c(1) << 8) : static_cast<uint16_t>(c(0) << 8 | c(1));
    return true;
  }

  bool U32(uint64_t at, uint32_t* out) const {
    if (at + 4 > b_.size()) return false;
    auto c = [&](uint64_t i) { return static_cast<uint32_t>(static_cast<uint8_t>(b_[at + i])); };
    *out = little_ ? (c(0) | c(1) << 8 | c(2) << 16 | c(3) << 24)
                   : (c(0) << 24 | c(1) << 16 | c(2) << 8 | c(3));
    return true;
  }

  // One IFD entry: tag, type, count and where its value lies (inline when ≤ 4 bytes).
  struct Entry {
    uint16_t tag = 0;
    uint16_t type = 0;
    uint32_t count = 0;
    uint64_t value_at = 0;
  };

  // The entries of the IFD at `offset`; false when it does not fit in the bytes.
  template <typename Fn>
  bool ForEachEntry(uint32_t offset, Fn&& fn) const {
    uint16_t n = 0;
    if (!U16(offset, &n)) return false;
    if (uint64_t{offset} + 2 + uint64_t{n} * 12 > b_.size()) return false;
    for (uint16_t i = 0; i < n; ++i) {
      uint64_t at = uint64_t{offset} + 2 + uint64_t{i} * 12;
      Entry e;
      uint32_t raw = 0;
      if (!U16(at, &e.tag) || !U16(at + 2, &e.type) || !U32(at + 4, &e.count) ||
          !U32(at + 8, &raw)) {
        return false;
      }
      uint64_t size = uint64_t{TypeSize(e.type)} * e.count;
      e.value_at = size <= 4 ? at + 8 : raw;
      if (size == 0 || e.value_at + size > b_.size()) continue;  // unknown type or outside
      fn(e);
    }
    return true;
  }

  // An ASCII value without its NUL terminator.
  std::string Ascii(const Entry& e) const {
    std::string_view s = b_.substr(e.value_at, e.count);
    size_t nul = s.find('\0');
    return std::string(s.substr(0, nul));
  }

  // Degrees + minutes / 60 + seconds / 3600 from three RATIONALs; nullopt on a zero
  // denominator or a short value.
  std::optional<double> Degrees(const Entry& e) const {
    if (e.type != 5 || e.count < 3) return std::nullopt;
    double parts[3];
    for (int i = 0; i < 3; ++i) {
      uint32_t num = 0;
      uint32_t den = 0;
      if (!U32(e.value_at + i * 8, &num) || !U32(e.value_at + i * 8 + 4, &den) || den == 0) {
        return std::nullopt;
      }
      parts[i] = static_cast<double>(num) / den;
    }
    return parts[0] + parts[1] / 60 + parts[2] / 3600;
  }

  uint32_t Pointer(const Entry& e) const {
    uint32_t v = 0;
    if (e.type == 4 && e.count == 1) U32(e.value_at, &v);
    return v;
  }

 private:
  static uint32_t TypeSize(uint16_t type) {
    switch (type) {
      case 1:  // BYTE
      case 2:  // ASCII
      case 7:  // UNDEFINED
        return 1;
      case 3:  // SHORT
        return 2;
      case 4:  // LONG
        return 4;
      case 5:   // RATIONAL
      case 10:  // SRATIONAL
        return 8;
      default:
        return 0;
    }
  }

  std::string_view b_;
  bool little_ = true;
};

// "YYYY:MM:DD HH:MM:SS" → "YYYY-MM-DDTHH:MM:SS" when it is a plausible date and time.
std::optional<std::string> ExifTime(const std::string& s) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
  if (s.size() < 19) return std::nullopt;
  for (size_t i = 0; i < 19; ++i) {
    bool digit = s[i] >= '0' && s[i] <= '9';
    bool sep = i == 4 || i == 7 || i == 10 || i == 13 || i == 16;
    if (sep ? digit : !digit) return std::nullopt;
  }
  if (s[4] != ':' || s[7] != ':' || s[10] != ' ' || s[13] != ':' || s[16] != ':') {
    return std::nullopt;
  }
  if (std::sscanf(s.c_str(), "%4d:%2d:%2d %2d:%2d:%2d", &y, &mo, &d, &h, &mi, &se) != 6) {
    return std::nullopt;
  }
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60) {
    return std::nullopt;
  }
  char out[24];
  std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, se);
  return std::string(out);
}

// The TIFF bytes of the first APP1 Exif segment, or empty.
std::string_view ExifSegment(std::string_view jpeg) {
  auto byte = [&](size_t i) { return static_cast<uint8_t>(jpeg[i]); };
  if (jpeg.size() < 4 || byte(0) != 0xFF || byte(1) != 0xD8) return {};
  size_t pos = 2;
  while (pos + 4 <= jpeg.size()) {
    if (byte(pos) != 0xFF) return {};
    uint8_t marker = byte(pos + 1);
    if (marker == 0xFF) {  // fill byte
      ++pos;
      continue;
    }
    if (marker == 0xDA || marker == 0xD9) return {};  // image data or end: no EXIF before it
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
      pos += 2;
      continue;
    }
    size_t len = static_cast<size_t>(byte(pos + 2)) << 8 | byte(pos + 3);
    if (len < 2 || pos + 2 + len > jpeg.size()) return {};
    std::string_view body = jpeg.substr(pos + 4, len - 2);
    if (marker == 0xE1 && body.size() > 6 && body.substr(0, 6) == std::string_view("Exif\0\0", 6)) {
      return body.substr(6);
    }
    pos += 2 + len;
  }
  return {};
}

}  // namespace

PhotoExif ReadPhotoExif(std::string_view jpeg) {
  PhotoExif out;
  Tiff tiff(ExifSegment(jpeg));
  uint32_t ifd0 = 0;
  if (!tiff.ReadHeader(&ifd0)) return out;

  uint32_t exif_ifd = 0;
  uint32_t gps_ifd = 0;
  std::optional<std::string> date_time;
  tiff.ForEachEntry(ifd0, [&](const Tiff::Entry& e) {
    if (e.tag == 0x8769) exif_ifd = tiff.Pointer(e);
    if (e.tag == 0x8825) gps_ifd = tiff.Pointer(e);
    if (e.tag == 0x0132 && e.type == 2) date_time = ExifTime(tiff.Ascii(e));
  });
  if (exif_ifd != 0 && exif_ifd != ifd0) {
    tiff.ForEachEntry(exif_ifd, [&](const Tiff::Entry& e) {
      if (e.tag == 0x9003 && e.type == 2) out.taken_at = ExifTime(tiff.Ascii(e));
    });
  }
  if (!out.taken_at) out.taken_at = date_time;

  if (gps_ifd != 0 && gps_ifd != ifd0) {
    std::string lat_ref;
    std::string lon_ref;
    std::optional<double> lat;
    std::optional<double> lon;
    tiff.ForEachEntry(gps_ifd, [&](const Tiff::Entry& e) {
      if (e.tag == 1 && e.type == 2) lat_ref = tiff.Ascii(e);
      if (e.tag == 2) lat = tiff.Degrees(e);
      if (e.tag == 3 && e.type == 2) lon_ref = tiff.Ascii(e);
      if (e.tag == 4) lon = tiff.Degrees(e);
    });
    bool refs_ok = (lat_ref == "N" || lat_ref == "S") && (lon_ref == "E" || lon_ref == "W");
    if (refs_ok && lat && lon && *lat <= 90 && *lon <= 180) {
      out.latitude = lat_ref == "S" ? -*lat : *lat;
      out.longitude = lon_ref == "W" ? -*lon : *lon;
    }
  }
  return out;
}

}  // namespace keyline
