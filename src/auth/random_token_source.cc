#include "auth/random_token_source.h"

#include <sodium.h>

#include <stdexcept>

namespace keyline::auth {

RandomTokenSource::RandomTokenSource() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string RandomTokenSource::NewToken() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  char out[sodium_base64_ENCODED_LEN(sizeof bytes, kVariant)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, kVariant);
  return std::string(out);
}

}  // namespace keyline::auth
