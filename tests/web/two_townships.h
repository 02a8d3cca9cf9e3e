#pragma once
// The small county the API and dashboard tests share: two townships, three branches.
namespace cadence::testing {

inline constexpr const char* kTwoTownshipsCsv =
    "id,parent,name,type,secretary_email,admin_emails,timezone\n"
    "county,,县委,committee,,,Asia/Shanghai\n"
    "town-a,county,甲镇党委,committee,,,Asia/Shanghai\n"
    "v1,town-a,一村党支部,branch,,,Asia/Shanghai\n"
    "v2,town-a,二村党支部,branch,,,Asia/Shanghai\n"
    "town-b,county,乙镇党委,committee,,,Asia/Shanghai\n"
    "v3,town-b,三村党支部,branch,,,Asia/Shanghai\n";

}  // namespace cadence::testing
