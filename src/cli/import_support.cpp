#include "cli/import_support.h"

namespace cadence::cli {

Encoding encoding_option(const Invocation& inv) {
  const auto name = inv.args.option("encoding").value_or("utf-8");
  const auto e = parse_encoding(name);
  if (!e) throw UsageError("--encoding must be utf-8 or gb18030, not '" + name + "'");
  return *e;
}

void print_summary(const Invocation& inv, const std::string& file, const char* what, const store::ImportSummary& s) {
  inv.out << file << ": " << (s.added + s.updated + s.unchanged) << " " << what << " — " << s.added << " added, "
          << s.updated << " updated, " << s.unchanged << " unchanged\n";
}

}  // namespace cadence::cli
