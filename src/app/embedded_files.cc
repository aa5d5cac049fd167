#include "app/embedded_files.h"

namespace keyline {
namespace {

std::string_view Find(const EmbeddedFile* table, std::string_view path) {
  for (const EmbeddedFile* file = table; file->path != nullptr; ++file) {
    if (path == file->path) return std::string_view(file->data, file->size);
  }
  return {};
}

}  // namespace

std::string_view FindDemoFile(std::string_view path) { return Find(kDemoFiles, path); }

std::string_view FindReferenceFile(std::string_view path) { return Find(kReferenceFiles, path); }

std::string_view ApiDocument() { return Find(kApiFiles, "api.yaml"); }

}  // namespace keyline
