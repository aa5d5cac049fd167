// Where and when a site photo was taken: the EXIF DateTimeOriginal and GPS position of a JPEG.
// A small, bounds-checked reader of the APP1 "Exif" segment (TIFF header, IFD0, the Exif IFD and
// the GPS IFD); it never reads outside the bytes it is given and gives up quietly on anything
// malformed, so a hostile upload can only yield an empty answer.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace keyline {

struct PhotoExif {
  // The camera's local time as it recorded it, "YYYY-MM-DDTHH:MM:SS" (EXIF has no time zone):
  // DateTimeOriginal, else IFD0's DateTime.
  std::optional<std::string> taken_at;
  // Decimal degrees (WGS 84 as phones record it): north and east positive. Both or neither.
  std::optional<double> latitude;
  std::optional<double> longitude;

  bool empty() const { return !taken_at && !latitude; }
};

// The photo's time and place from a JPEG's EXIF. Fields the file lacks (no EXIF, no GPS, a
// date that is not a real date, a latitude past 90°, a truncated or looping IFD) stay empty;
// bytes that are not a JPEG give an empty PhotoExif. Reads at most the first APP1 Exif segment.
PhotoExif ReadPhotoExif(std::string_view jpeg);

}  // namespace keyline
