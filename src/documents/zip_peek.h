// Test helper: one entry of a zip archive held in memory (libzip), to check the XML parts of
// the .xlsx Keyline writes. Header-only; link PkgConfig::LIBZIP. Not used by production code.
#pragma once

#include <zip.h>

#include <optional>
#include <string>

namespace keyline::documents::testing {

inline std::optional<std::string> ZipEntry(const std::string& archive, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(archive.data(), archive.size(), 0, &error);
  if (src == nullptr) return std::nullopt;
  zip_t* zip = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (zip == nullptr) {
    zip_source_free(src);
    return std::nullopt;
  }
  std::optional<std::string> out;
  zip_stat_t st;
  if (zip_stat(zip, name.c_str(), 0, &st) == 0) {
    zip_file_t* f = zip_fopen(zip, name.c_str(), 0);
    if (f != nullptr) {
      std::string data(st.size, '\0');
      if (zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size)) out = data;
      zip_fclose(f);
    }
  }
  zip_close(zip);
  return out;
}

}  // namespace keyline::documents::testing
