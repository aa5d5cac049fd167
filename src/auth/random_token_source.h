// TokenSource from libsodium's CSPRNG: 32 random bytes, base64url without padding.
#pragma once

#include "core/ports/secrets.h"

namespace keyline::auth {

class RandomTokenSource final : public TokenSource {
 public:
  RandomTokenSource();
  std::string NewToken() override;
};

}  // namespace keyline::auth
