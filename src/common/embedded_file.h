// A file compiled into the binary by cmake/embed_files.cmake. Tables of them end with an entry
// whose path is nullptr.
#pragma once

#include <cstddef>

namespace keyline {

struct EmbeddedFile {
  const char* path;  // relative, e.g. "projects.json"
  const char* data;  // NUL-terminated; size excludes the NUL
  size_t size;
};

}  // namespace keyline
