// The designed cost of a login: one PBKDF2-HMAC-SHA256 of 600,000 iterations per attempt
// (web/password_hash.h), whether the password is right, wrong, or the email unknown.
#include "web/password_hash.h"

#include <benchmark/benchmark.h>

namespace {

void BM_VerifyPassword(benchmark::State& state) {
  const auto stored = cadence::web::hash_password("correct horse battery staple");
  for (auto _ : state) benchmark::DoNotOptimize(cadence::web::verify_password("a wrong guess", stored));
}
BENCHMARK(BM_VerifyPassword)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_UnknownEmail(benchmark::State& state) {
  for (auto _ : state) cadence::web::spend_password_time("a wrong guess");
}
BENCHMARK(BM_UnknownEmail)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
