// Files compiled into the binary (the demo district, the reference data such as the working-day
// calendar), so `keyline seed-demo` and `serve` need nothing on disk. Tables end with an entry
// whose path is nullptr.
#pragma once

#include <cstddef>
#include <string_view>

#include "common/embedded_file.h"

namespace keyline {

extern const EmbeddedFile kDemoFiles[];
extern const EmbeddedFile kReferenceFiles[];
extern const EmbeddedFile kApiFiles[];  // docs/api.yaml

// The embedded demo file with this relative path, or an empty view.
std::string_view FindDemoFile(std::string_view path);
// The embedded reference file ("holidays-cn.csv", "regions-cn.csv"), or an empty view.
std::string_view FindReferenceFile(std::string_view path);
// The API contract, docs/api.yaml as built (served at GET /api/v1/openapi.yaml).
std::string_view ApiDocument();

}  // namespace keyline
