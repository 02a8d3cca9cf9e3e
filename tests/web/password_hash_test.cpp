#include "web/password_hash.h"

#include <gtest/gtest.h>

namespace cadence::web {
namespace {

// A low count keeps the test quick; the format carries it, so verification reads it back.
constexpr int kFew = 1000;

TEST(PasswordHash, VerifiesTheRightPasswordOnly) {
  const auto stored = hash_password("correct horse", kFew);
  EXPECT_EQ(stored.rfind("pbkdf2-sha256$1000$", 0), 0u) << stored;
  EXPECT_TRUE(verify_password("correct horse", stored));
  EXPECT_FALSE(verify_password("correct horsE", stored));
  EXPECT_FALSE(verify_password("", stored));
  EXPECT_EQ(stored.find("correct"), std::string::npos);
}

TEST(PasswordHash, EveryHashHasItsOwnSalt) {
  const auto a = hash_password("same password", kFew);
  const auto b = hash_password("same password", kFew);
  EXPECT_NE(a, b);
  EXPECT_TRUE(verify_password("same password", a));
  EXPECT_TRUE(verify_password("same password", b));
}

TEST(PasswordHash, MatchesPbkdf2HmacSha256AsRfc7914Computes) {
  // RFC 7914 §11: PBKDF2-HMAC-SHA256 ("passwd", "salt", c = 1), its first 32 bytes, in the
  // stored format (base64 of "salt" and of the key).
  EXPECT_TRUE(verify_password("passwd", "pbkdf2-sha256$1$c2FsdA$VawEblbjCJ/sFpHCJUS2BflBhSFt3gRl5oudV8INrLw"));
  EXPECT_FALSE(verify_password("passwd", "pbkdf2-sha256$2$c2FsdA$VawEblbjCJ/sFpHCJUS2BflBhSFt3gRl5oudV8INrLw"));
}

TEST(PasswordHash, MalformedStoredTextsNeverVerify) {
  for (const char* stored : {"", "plain", "pbkdf2-sha256$x$c2FsdA$AAAA", "pbkdf2-sha256$0$c2FsdA$AAAA",
                             "md5$1$c2FsdA$AAAA", "pbkdf2-sha256$1$c2FsdA$AAAA", "pbkdf2-sha256$1$$AAAA"})
    EXPECT_FALSE(verify_password("passwd", stored)) << stored;
}

TEST(PasswordHash, AnOlderCountAsksForARehash) {
  EXPECT_TRUE(needs_rehash(hash_password("x", kFew)));
  EXPECT_TRUE(needs_rehash("garbage"));
  EXPECT_FALSE(needs_rehash("pbkdf2-sha256$600000$c2FsdA$VawEblbjCJ/sFpHCJUS2BflBhSFt3gRl5oudV8INrLw"));
}

TEST(PasswordHash, ShortAndOversizedPasswordsAreRefusedCountingCharacters) {
  EXPECT_EQ(password_problem("1234567"), "is 7 characters long; at least 8");
  EXPECT_EQ(password_problem("12345678"), "");
  EXPECT_EQ(password_problem("密码是八个字符"), "is 7 characters long; at least 8");
  EXPECT_EQ(password_problem("密码是八个字符啊"), "");
  EXPECT_EQ(password_problem(std::string(1025, 'x')), "is 1025 bytes long; at most 1024");
}

}  // namespace
}  // namespace cadence::web
