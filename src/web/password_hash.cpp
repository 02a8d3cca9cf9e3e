#include "web/password_hash.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <charconv>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace cadence::web {

namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256";
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kKeyBytes = 32;
// Passwords longer than this are pasted files; ASVS asks that at least 64 characters be allowed.
constexpr std::size_t kMaxPasswordBytes = 1024;
constexpr std::size_t kMinPasswordCharacters = 8;

std::string base64(const std::string& bytes) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out, Poco::BASE64_NO_PADDING);
  encoder.rdbuf()->setLineLength(0);
  encoder << bytes;
  encoder.close();
  return out.str();
}

std::optional<std::string> unbase64(std::string_view text) {
  try {
    std::string padded(text);
    while (padded.size() % 4) padded += '=';
    std::istringstream in(padded);
    Poco::Base64Decoder decoder(in);
    return std::string(std::istreambuf_iterator<char>(decoder), {});
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string derive(std::string_view password, const std::string& salt, int iterations) {
  std::string key(kKeyBytes, '\0');
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                        reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()), iterations,
                        EVP_sha256(), static_cast<int>(key.size()), reinterpret_cast<unsigned char*>(key.data())) != 1)
    throw std::runtime_error("cannot derive a password hash (OpenSSL's PKCS5_PBKDF2_HMAC failed)");
  return key;
}

struct Parsed {
  int iterations = 0;
  std::string salt, key;
};

std::optional<Parsed> parse(std::string_view stored) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const auto end = stored.find('$', start);
    parts.push_back(stored.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  if (parts.size() != 4 || parts[0] != kScheme) return std::nullopt;
  Parsed p;
  const auto [end, error] = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), p.iterations);
  if (error != std::errc() || end != parts[1].data() + parts[1].size() || p.iterations < 1) return std::nullopt;
  auto salt = unbase64(parts[2]);
  auto key = unbase64(parts[3]);
  if (!salt || !key || salt->empty() || key->size() != kKeyBytes) return std::nullopt;
  p.salt = std::move(*salt);
  p.key = std::move(*key);
  return p;
}

}  // namespace

std::string hash_password(std::string_view password, int iterations) {
  std::string salt(kSaltBytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), static_cast<int>(salt.size())) != 1)
    throw std::runtime_error("cannot read random bytes for a password salt (OpenSSL's RAND_bytes failed)");
  return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + base64(salt) + "$" +
         base64(derive(password, salt, iterations));
}

bool verify_password(std::string_view password, std::string_view stored) {
  const auto parsed = parse(stored);
  if (!parsed) return false;
  const auto key = derive(password, parsed->salt, parsed->iterations);
  return CRYPTO_memcmp(key.data(), parsed->key.data(), kKeyBytes) == 0;
}

bool needs_rehash(std::string_view stored) {
  const auto parsed = parse(stored);
  return !parsed || parsed->iterations < kPasswordIterations;
}

void spend_password_time(std::string_view password) {
  derive(password, std::string(kSaltBytes, '\0'), kPasswordIterations);
}

std::string password_problem(std::string_view password) {
  if (password.size() > kMaxPasswordBytes)
    return "is " + std::to_string(password.size()) + " bytes long; at most " + std::to_string(kMaxPasswordBytes);
  // Characters, not bytes: a Chinese password of 8 characters is 24 bytes of UTF-8.
  std::size_t characters = 0;
  for (const unsigned char c : password) characters += (c & 0xC0) != 0x80;
  if (characters < kMinPasswordCharacters)
    return "is " + std::to_string(characters) + " characters long; at least " + std::to_string(kMinPasswordCharacters);
  return "";
}

}  // namespace cadence::web
