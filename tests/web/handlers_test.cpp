#include "web/handlers.h"

#include <gtest/gtest.h>

namespace cadence::web {
namespace {

TEST(AcceptsGzip, ReadsTheCodingsAndTheirWeights) {
  EXPECT_TRUE(accepts_gzip("gzip"));
  EXPECT_TRUE(accepts_gzip("deflate, GZIP;q=0.5"));
  EXPECT_TRUE(accepts_gzip("x-gzip"));
  EXPECT_TRUE(accepts_gzip("gzip; q=1.000"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0.000"));
  EXPECT_FALSE(accepts_gzip("identity, deflate"));
  EXPECT_FALSE(accepts_gzip("gzipped"));
  EXPECT_FALSE(accepts_gzip(""));
}

TEST(EtagMatches, ComparesWeaklyAgainstEitherRepresentation) {
  EXPECT_TRUE(etag_matches("\"a\"", "\"a\"", "\"a-gz\""));
  EXPECT_TRUE(etag_matches("\"x\", W/\"a-gz\"", "\"a\"", "\"a-gz\""));
  EXPECT_TRUE(etag_matches(" * ", "\"a\"", "\"a-gz\""));
  EXPECT_FALSE(etag_matches("\"b\"", "\"a\"", "\"a-gz\""));
  EXPECT_FALSE(etag_matches("a", "\"a\"", "\"a-gz\""));
}

}  // namespace
}  // namespace cadence::web
