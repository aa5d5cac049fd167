// ReadPhotoExif over hand-built JPEG EXIF segments: both byte orders, missing parts, and
// truncated or hostile structures (every prefix of a valid file, loops, huge counts).
#include "core/reporting/exif.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace keyline {
namespace {

// Builds a TIFF block: IFD0 → Exif IFD (DateTimeOriginal) and GPS IFD (lat/lon), in either
// byte order.
class TiffBuilder {
 public:
  explicit TiffBuilder(bool little) : little_(little) {}

  void U16(std::string& s, uint16_t v) const {
    if (little_) {
      s += static_cast<char>(v & 0xFF);
      s += static_cast<char>(v >> 8);
    } else {
      s += static_cast<char>(v >> 8);
      s += static_cast<char>(v & 0xFF);
    }
  }
  void U32(std::string& s, uint32_t v) const {
    if (little_) {
      U16(s, v & 0xFFFF);
      U16(s, v >> 16);
    } else {
      U16(s, v >> 16);
      U16(s, v & 0xFFFF);
    }
  }

  struct Field {
    uint16_t tag;
    uint16_t type;
    uint32_t count;
    std::string data;  // the value bytes (already in byte order)
  };

  // Lays out the IFDs one after the other with their out-of-line values after each.
  std::string Build(const std::string& date, const std::string& lat_ref, double lat,
                    const std::string& lon_ref, double lon, bool with_gps = true) const {
    std::string tiff = little_ ? "II" : "MM";
    U16(tiff, 42);
    U32(tiff, 8);
    // IFD0: two pointers (Exif, GPS).
    uint32_t ifd0 = 8;
    uint32_t ifd0_size = 2 + 2 * 12 + 4;
    uint32_t exif = ifd0 + ifd0_size;
    std::vector<Field> exif_fields = {
        {0x9003, 2, static_cast<uint32_t>(date.size() + 1), date + std::string(1, '\0')}};
    uint32_t exif_size = IfdSize(exif_fields);
    uint32_t gps = exif + exif_size;
    std::vector<Field> ifd0_fields = {{0x8769, 4, 1, Long(exif)}};
    if (with_gps) ifd0_fields.push_back({0x8825, 4, 1, Long(gps)});
    std::vector<Field> gps_fields = {
        {1, 2, 2, lat_ref + std::string(1, '\0')},
        {2, 5, 3, Dms(lat)},
        {3, 2, 2, lon_ref + std::string(1, '\0')},
        {4, 5, 3, Dms(lon)},
    };
    AppendIfd(tiff, ifd0, ifd0_fields);
    tiff.resize(exif, '\0');
    AppendIfd(tiff, exif, exif_fields);
    if (with_gps) AppendIfd(tiff, gps, gps_fields);
    return tiff;
  }

  std::string Long(uint32_t v) const {
    std::string s;
    U32(s, v);
    return s;
  }
  std::string Dms(double deg) const {
    std::string s;
    auto d = static_cast<uint32_t>(deg);
    double rest = (deg - d) * 60;
    auto m = static_cast<uint32_t>(rest);
    auto sec100 = static_cast<uint32_t>((rest - m) * 60 * 100 + 0.5);
    U32(s, d);
    U32(s, 1);
    U32(s, m);
    U32(s, 1);
    U32(s, sec100);
    U32(s, 100);
    return s;
  }

 private:
  static uint32_t IfdSize(const std::vector<Field>& fields) {
    uint32_t size = 2 + static_cast<uint32_t>(fields.size()) * 12 + 4;
    for (const Field& f : fields) {
      if (f.data.size() > 4) size += static_cast<uint32_t>(f.data.size());
    }
    return size;
  }
  void AppendIfd(std::string& tiff, uint32_t at, const std::vector<Field>& fields) const {
    tiff.resize(at, '\0');
    uint32_t extra = at + 2 + static_cast<uint32_t>(fields.size()) * 12 + 4;
    std::string tail;
    U16(tiff, static_cast<uint16_t>(fields.size()));
    for (const Field& f : fields) {
      U16(tiff, f.tag);
      U16(tiff, f.type);
      U32(tiff, f.count);
      if (f.data.size() <= 4) {
        std::string inline_value = f.data;
        inline_value.resize(4, '\0');
        tiff += inline_value;
      } else {
        U32(tiff, extra + static_cast<uint32_t>(tail.size()));
        tail += f.data;
      }
    }
    U32(tiff, 0);  // no next IFD
    tiff += tail;
  }

  bool little_;
};

// SOI, an APP0, the APP1 Exif segment, a tiny SOS and EOI.
std::string Jpeg(const std::string& tiff) {
  std::string app1 = std::string("Exif\0\0", 6) + tiff;
  std::string out = "\xFF\xD8";
  out += std::string("\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 18);
  out += "\xFF\xE1";
  out += static_cast<char>((app1.size() + 2) >> 8);
  out += static_cast<char>((app1.size() + 2) & 0xFF);
  out += app1;
  out += std::string("\xFF\xDA\x00\x02\x11\x22\xFF\xD9", 8);
  return out;
}

TEST(ExifTest, ReadsTimeAndPositionInBothByteOrders) {
  for (bool little : {true, false}) {
    TiffBuilder b(little);
    PhotoExif e = ReadPhotoExif(Jpeg(b.Build("2026:12:03 10:21:07", "N", 34.2186, "E", 108.9641)));
    ASSERT_TRUE(e.taken_at) << little;
    EXPECT_EQ(*e.taken_at, "2026-12-03T10:21:07");
    ASSERT_TRUE(e.latitude && e.longitude);
    EXPECT_NEAR(*e.latitude, 34.2186, 1e-4);
    EXPECT_NEAR(*e.longitude, 108.9641, 1e-4);
    EXPECT_FALSE(e.empty());
  }
}

TEST(ExifTest, SouthAndWestAreNegative) {
  TiffBuilder b(true);
  PhotoExif e = ReadPhotoExif(Jpeg(b.Build("2025:01:31 23:59:59", "S", 33.8688, "W", 151.2093)));
  ASSERT_TRUE(e.latitude && e.longitude);
  EXPECT_NEAR(*e.latitude, -33.8688, 1e-4);
  EXPECT_NEAR(*e.longitude, -151.2093, 1e-4);
}

TEST(ExifTest, TimeWithoutGps) {
  TiffBuilder b(false);
  PhotoExif e = ReadPhotoExif(Jpeg(b.Build("2026:06:01 08:00:00", "N", 1, "E", 1, false)));
  EXPECT_EQ(e.taken_at.value_or(""), "2026-06-01T08:00:00");
  EXPECT_FALSE(e.latitude);
  EXPECT_FALSE(e.longitude);
}

TEST(ExifTest, NoExifOrNotAJpegIsEmpty) {
  EXPECT_TRUE(ReadPhotoExif("").empty());
  EXPECT_TRUE(ReadPhotoExif("\x89PNG\r\n\x1a\n....").empty());
  // A JPEG with only APP0 and image data.
  std::string plain = "\xFF\xD8";
  plain += std::string("\xFF\xE0\x00\x04\x00\x00\xFF\xDA\x00\x02\xFF\xD9", 12);
  EXPECT_TRUE(ReadPhotoExif(plain).empty());
  // An APP1 that is XMP, not Exif.
  std::string xmp = "\xFF\xD8\xFF\xE1";
  xmp += std::string("\x00\x0Bhttp://ns", 11);
  EXPECT_TRUE(ReadPhotoExif(xmp).empty());
}

TEST(ExifTest, ImplausibleValuesAreDropped) {
  TiffBuilder b(true);
  PhotoExif bad_date = ReadPhotoExif(Jpeg(b.Build("2026:13:03 10:21:07", "N", 34, "E", 108)));
  EXPECT_FALSE(bad_date.taken_at);
  EXPECT_TRUE(bad_date.latitude);
  PhotoExif blank_date = ReadPhotoExif(Jpeg(b.Build("    :  :     :  :  ", "N", 34, "E", 108)));
  EXPECT_FALSE(blank_date.taken_at);
  PhotoExif bad_lat = ReadPhotoExif(Jpeg(b.Build("2026:12:03 10:21:07", "N", 95, "E", 108)));
  EXPECT_FALSE(bad_lat.latitude);
  EXPECT_FALSE(bad_lat.longitude);
  PhotoExif bad_ref = ReadPhotoExif(Jpeg(b.Build("2026:12:03 10:21:07", "X", 34, "E", 108)));
  EXPECT_FALSE(bad_ref.latitude);
}

TEST(ExifTest, EveryTruncationIsSafe) {
  TiffBuilder b(false);
  std::string full = Jpeg(b.Build("2026:12:03 10:21:07", "N", 34.2, "E", 108.9));
  for (size_t n = 0; n < full.size(); ++n) {
    PhotoExif e = ReadPhotoExif(std::string_view(full).substr(0, n));
    // A cut file either yields nothing or only values that were in the file.
    if (e.taken_at) {
      EXPECT_EQ(*e.taken_at, "2026-12-03T10:21:07");
    }
    if (e.latitude) {
      EXPECT_NEAR(*e.latitude, 34.2, 1e-3);
    }
  }
  // Corrupting each byte in turn never reads out of bounds (ASan/UBSan catch it if it does).
  for (size_t i = 0; i < full.size(); ++i) {
    std::string bent = full;
    bent[i] = static_cast<char>(~bent[i]);
    ReadPhotoExif(bent);
    bent[i] = '\xFF';
    ReadPhotoExif(bent);
  }
}

TEST(ExifTest, HostilePointersAndCounts) {
  TiffBuilder b(true);
  // IFD0 whose Exif pointer points at itself and whose count claims 65535 entries.
  std::string tiff = "II";
  b.U16(tiff, 42);
  b.U32(tiff, 8);
  b.U16(tiff, 1);
  b.U16(tiff, 0x8769);
  b.U16(tiff, 4);
  b.U32(tiff, 1);
  b.U32(tiff, 8);  // points at IFD0 again
  b.U32(tiff, 0);
  EXPECT_TRUE(ReadPhotoExif(Jpeg(tiff)).empty());
  std::string huge = "II";
  b.U16(huge, 42);
  b.U32(huge, 8);
  b.U16(huge, 0xFFFF);
  EXPECT_TRUE(ReadPhotoExif(Jpeg(huge)).empty());
  // An IFD offset past the end, and an entry whose value offset is 0xFFFFFFF0.
  std::string far = "MM";
  TiffBuilder be(false);
  be.U16(far, 42);
  be.U32(far, 0xFFFFFFF0u);
  EXPECT_TRUE(ReadPhotoExif(Jpeg(far)).empty());
  std::string wild = "II";
  b.U16(wild, 42);
  b.U32(wild, 8);
  b.U16(wild, 1);
  b.U16(wild, 0x0132);
  b.U16(wild, 2);
  b.U32(wild, 0xFFFFFFFFu);
  b.U32(wild, 0xFFFFFFF0u);
  b.U32(wild, 0);
  EXPECT_TRUE(ReadPhotoExif(Jpeg(wild)).empty());
  // A segment length running past the file.
  EXPECT_TRUE(ReadPhotoExif(std::string("\xFF\xD8\xFF\xE1\xFF\xFF"
                                        "Exif\0\0II",
                                        14))
                  .empty());
}

}  // namespace
}  // namespace keyline
