#include "csv/units_csv.h"

#include "core/diagnostic.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {

const std::string kHeader = "id,parent,name,type,secretary_email,admin_emails,timezone\n";

std::string error_of(const std::string& body) {
  try {
    parse_units_csv("u.csv", kHeader + body);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(UnitsCsvTest, ControlCharactersAreRefusedWithLineAndField) {
  EXPECT_EQ(error_of("county,,县委,committee,,,Asia/Shanghai\n"), "");
  const auto e = error_of("county,,\"县委\x1b]0;x\x07\",committee,,,Asia/Shanghai\ntown,county,镇党委,committee,a@b.cn\x01,,\n");
  EXPECT_NE(e.find("u.csv:2: error: name: contains the control character ESC (0x1B) at byte 7"), std::string::npos) << e;
  EXPECT_NE(e.find("u.csv:3: error: secretary_email: contains the control character SOH (0x01) at byte 7"), std::string::npos) << e;
  EXPECT_NE(error_of("county,,\"县\n委\",committee,,,\n").find("u.csv:2: error: name: contains the control character LF"),
            std::string::npos);
}

TEST(UnitsCsvTest, OversizedFieldsAreRefusedWithLineAndField) {
  const auto e = error_of(std::string(129, 'c') + ",,县委,committee,,,\ncounty,," + std::string(5000, 'n') + ",committee,,,\n");
  EXPECT_NE(e.find("u.csv:2: error: id: is 129 bytes long; at most 128"), std::string::npos) << e;
  EXPECT_NE(e.find("u.csv:3: error: name: is 5000 bytes long; at most 4096"), std::string::npos) << e;
}

}  // namespace
}  // namespace cadence
