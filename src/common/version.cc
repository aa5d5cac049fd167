#include "common/version.h"

namespace keyline {
const char* KeylineVersion() { return "0.1.0"; }
}  // namespace keyline
