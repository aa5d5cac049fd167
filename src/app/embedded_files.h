// Files compiled into the binary (the demo district), so `keyline seed-demo` needs nothing
// on disk. Tables end with an entry whose path is nullptr.
#pragma once

#include <cstddef>
#include <string_view>

namespace keyline {

struct EmbeddedFile {
  const char* path;  // relative, e.g. "projects.json"
  const char* data;
  size_t size;
};

extern const EmbeddedFile kDemoFiles[];

// The embedded demo file with this relative path, or an empty view.
std::string_view FindDemoFile(std::string_view path);

}  // namespace keyline
