#pragma once
// Passwords as stored: PBKDF2-HMAC-SHA256 (OpenSSL's PKCS5_PBKDF2_HMAC) over a 128-bit random
// salt, written "pbkdf2-sha256$<iterations>$<salt>$<key>" (base64), so that a later cadence can
// raise the count and still check the hashes written before (needs_rehash says which).
#include <optional>
#include <string>
#include <string_view>

namespace cadence::web {

// OWASP's and ASVS's figure for PBKDF2-HMAC-SHA256 (2023).
inline constexpr int kPasswordIterations = 600'000;

// A new hash of `password` with a fresh salt. Throws std::runtime_error when OpenSSL fails.
std::string hash_password(std::string_view password, int iterations = kPasswordIterations);
// Whether `password` is the one `stored` was made from, compared in constant time. false for a
// stored text that is not in the format above.
bool verify_password(std::string_view password, std::string_view stored);
// Whether `stored` was made with fewer iterations than kPasswordIterations.
bool needs_rehash(std::string_view stored);
// The same work as a verify_password that fails, for a login of an unknown email: its answer
// takes as long as a wrong password's.
void spend_password_time(std::string_view password);

// "" when `password` may be set; else what is wrong with it ("is 5 characters long; at least 8").
std::string password_problem(std::string_view password);

}  // namespace cadence::web
