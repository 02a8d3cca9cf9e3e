#pragma once
// Everything a subcommand gets: its arguments, the resolved settings, where to write, and the
// current time (passed in, so tests pin it).
#include "cli/arguments.h"
#include "cli/settings.h"

#include <chrono>
#include <ostream>

namespace cadence::cli {

struct Invocation {
  const Arguments& args;
  Settings settings;
  std::ostream& out;
  std::ostream& err;
  std::chrono::system_clock::time_point now;
  bool colour = false;  // stdout is a terminal and NO_COLOR is unset
};

}  // namespace cadence::cli
