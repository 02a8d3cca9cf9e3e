#pragma once
// The secrets Cadence hands out (feed URLs, API tokens, session cookies): 256 bits from the
// kernel's CSPRNG, base64url without padding. Only their SHA-256 (digest.h) is ever stored.
#include <string>

namespace cadence::store {

// Throws StoreError when the kernel gives no random bytes.
std::string random_token();

}  // namespace cadence::store
