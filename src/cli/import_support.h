#pragma once
// What `units import` and `records import` share: the --encoding option and the summary line.
#include "cli/invocation.h"
#include "core/diagnostic.h"
#include "csv/text_encoding.h"
#include "store/import_summary.h"

namespace cadence::cli {

Encoding encoding_option(const Invocation& inv);
// Runs an import; when it fails on bad input, the error says that nothing was imported
// (the store's transaction has already rolled back).
template <typename Fn>
auto all_or_nothing(const std::string& file, Fn&& import) {
  try {
    return import();
  } catch (const InputError& e) {
    auto diagnostics = e.diagnostics();
    if (diagnostics.empty()) diagnostics.push_back({"", 0, 0, e.what()});
    diagnostics.push_back({file, 0, 0, "nothing was imported"});
    throw InputError(diagnostics);
  }
}

// "units.csv: 216 units — 216 added, 0 updated, 0 unchanged"
void print_summary(const Invocation& inv, const std::string& file, const char* what, const store::ImportSummary& s);

}  // namespace cadence::cli
