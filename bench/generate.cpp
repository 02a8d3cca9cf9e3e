// cadence-bench-generate DIR [UNITS] — writes DIR/units.csv and DIR/records.csv for the
// benchmarks in bench/README.md.
#include "calendars/calendar_loader.h"
#include "rules/rule_loader.h"
#include "synthetic_county.h"

#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: cadence-bench-generate DIR [UNITS]\n";
    return 2;
  }
  const std::string dir = argv[1];
  const std::size_t count = argc > 2 ? std::stoul(argv[2]) : 100000;
  const auto rules = cadence::load_rules_or_throw(CADENCE_SOURCE_DIR "/bench/rules");
  const auto calendar = cadence::load_calendar_or_throw(CADENCE_SOURCE_DIR "/calendars");
  const auto units = cadence::bench::synthetic_units(count);
  std::ofstream u(dir + "/units.csv");
  u << "id,parent,name,type,secretary_email,admin_emails,timezone\n";
  for (const auto& unit : units) u << unit.id << ',' << unit.parent << ',' << unit.name << ',' << unit.type << ",,,\n";
  std::ofstream r(dir + "/records.csv");
  r << "unit,rule,date,tags,period,note\n";
  std::size_t n = 0;
  cadence::bench::synthetic_records(units, rules, 2026, calendar, [&](const cadence::Record& rec) {
    r << rec.unit << ',' << rec.rule << ',' << cadence::format_day(rec.date) << ',';
    r << rec.tags.text();
    r << ',' << (rec.period ? rec.period->id() : "") << ",\n";
    ++n;
  });
  std::cout << units.size() << " units, " << n << " records in " << dir << "\n";
  return 0;
}
