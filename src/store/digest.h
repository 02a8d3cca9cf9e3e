#pragma once
// SHA-256 as lowercase hex: how feed tokens are stored and feed items fingerprinted.
#include <string>
#include <string_view>

namespace cadence::store {

std::string sha256_hex(std::string_view data);

}  // namespace cadence::store
