#pragma once
// The subcommands; main.cpp maps names to these. Each returns the process exit code.
#include "cli/invocation.h"

namespace cadence::cli {

int run_check(const Invocation& inv);
int run_plan(const Invocation& inv);
int run_units(const Invocation& inv);
int run_records(const Invocation& inv);
int run_rules(const Invocation& inv);
int run_feed(const Invocation& inv);
int run_serve(const Invocation& inv);
int run_token(const Invocation& inv);
int run_remind(const Invocation& inv);
int run_outbox(const Invocation& inv);
int run_digests(const Invocation& inv);
int run_db(const Invocation& inv);
int run_user(const Invocation& inv);
int run_audit(const Invocation& inv);

}  // namespace cadence::cli
