// The SMTP password file: its first line; an error names the file, never what it holds.
#include "mail/password_file.h"

#include "core/diagnostic.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

namespace cadence::mail {
namespace {

using cadence::testing::TempDir;

TEST(PasswordFileTest, FirstLineWithoutItsEndAndErrorsNamingTheFile) {
  TempDir dir;
  EXPECT_EQ(read_password_file(dir.write("pw", "s3cret pass\r\n")), "s3cret pass");
  EXPECT_EQ(read_password_file(dir.write("pw2", "only")), "only");
  EXPECT_THROW(read_password_file(dir.write("empty", "\n")), InputError);
  try {
    read_password_file(dir.file("missing"));
    ADD_FAILURE();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("missing"), std::string::npos);
  }
}

}  // namespace
}  // namespace cadence::mail
