// The Keyline version string, printed by `keyline --version` and served at /api/v1/meta/enums.
#pragma once

namespace keyline {
const char* KeylineVersion();
}  // namespace keyline
