#include "app/embedded_files.h"

namespace keyline {

std::string_view FindDemoFile(std::string_view path) {
  for (const EmbeddedFile* file = kDemoFiles; file->path != nullptr; ++file) {
    if (path == file->path) return std::string_view(file->data, file->size);
  }
  return {};
}

}  // namespace keyline
