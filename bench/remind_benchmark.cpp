// One reminder pass over the synthetic province: what is due for every unit (core), and the
// pass's composing and adding them to the outbox (SQLite, a fresh file; or CADENCE_BENCH_DB).
#include "bench/synthetic_province.h"
#include "calendars/calendar_loader.h"
#include "core/record_index.h"
#include "core/reminder_schedule.h"
#include "remind/reminder_pass.h"
#include "rules/rule_loader.h"
#include "store/outbox.h"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <chrono>
#include <memory>
#include <sys/resource.h>

namespace {

using namespace cadence;

using bench::Province;

// Every rule reminds a week and a day ahead; cadences escalate after ten workdays behind.
const Province& province(std::size_t units) {
  return bench::province(units, [](std::vector<Rule>& rules) {
    for (auto& rule : rules) {
      rule.remind.before = {*parse_iso_duration("P7D"), *parse_iso_duration("P1D")};
      if (rule.kind == RuleKind::cadence) rule.remind.escalate_after_workdays = 10;
    }
  });
}

std::vector<Reminder> decide_all(const Province& p, Day today) {
  const EntriesOf entries = [&](std::size_t u, std::size_t r) { return p.records->of(u, r); };
  const ReminderInputs in{p.rules, p.tree, entries, p.calendar};
  SlotPlans plans;
  std::vector<Reminder> due;
  for (std::size_t u = 0; u < p.tree.size(); ++u) {
    auto found = reminders_due(in, u, {today, std::chrono::hours{9}}, plans);
    std::move(found.begin(), found.end(), std::back_inserter(due));
  }
  return due;
}

// Arg 1: 2026-06-01, the first workday of a month and of a week (both digests); 2: 2026-11-20.
Day day_of(std::int64_t which) { return which == 1 ? Day{date::year{2026} / 6 / 1} : Day{date::year{2026} / 11 / 20}; }

void BM_RemindersDue(benchmark::State& state) {
  const auto& p = province(static_cast<std::size_t>(state.range(0)));
  std::size_t due = 0;
  for (auto _ : state) due = decide_all(p, day_of(state.range(1))).size();
  state.counters["units"] = static_cast<double>(p.tree.size());
  state.counters["due"] = static_cast<double>(due);
}
BENCHMARK(BM_RemindersDue)->Args({100000, 1})->Args({100000, 2})->Unit(benchmark::kMillisecond)->Iterations(1);

// The whole first pass of a day as `cadence remind` makes it (remind::decide_with: decide,
// compose each message with its attachment, add chunk by chunk), the records given in memory
// instead of read from the database, into an empty outbox.
void BM_FirstPassIntoOutbox(benchmark::State& state) {
  const auto& p = province(static_cast<std::size_t>(state.range(0)));
  // 09:00 in Asia/Shanghai, every synthetic unit's zone.
  const auto now = std::chrono::sys_seconds{date::sys_days{day_of(state.range(1)).time_since_epoch()}} + std::chrono::hours{1};
  const EntriesOf entries = [&](std::size_t u, std::size_t r) { return p.records->of(u, r); };
  const ReminderInputs in{p.rules, p.tree, entries, p.calendar};
  remind::PassSettings settings;
  settings.public_url = "https://cadence.example";
  int added = 0;
  std::chrono::steady_clock::duration adding{};  // of the wall time: in Outbox::add
  // CADENCE_BENCH_DB=postgresql://…: that database, its outbox emptied first; else a fresh SQLite file.
  const char* uri = std::getenv("CADENCE_BENCH_DB");
  for (auto _ : state) {
    state.PauseTiming();
    const auto path = std::filesystem::temp_directory_path() / "cadence-remind-bench.db";
    std::filesystem::remove(path);
    store::Database db(uri ? std::string(uri) : path.string());
    if (uri) db.session() << "DELETE FROM outbox", Poco::Data::Keywords::now;
    added = 0;
    adding = {};
    state.ResumeTiming();
    remind::decide_with(db, in, now, settings, nullptr, [&](std::vector<store::OutboxMessage>& fresh) {
      const auto start = std::chrono::steady_clock::now();
      added += store::Outbox(db).add(fresh);
      adding += std::chrono::steady_clock::now() - start;
    });
    state.PauseTiming();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
    state.ResumeTiming();
  }
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  state.counters["added"] = static_cast<double>(added);
  state.counters["adding_s"] = std::chrono::duration<double>(adding).count();
  state.counters["peak_rss_mb"] = static_cast<double>(usage.ru_maxrss) / 1024;
}
BENCHMARK(BM_FirstPassIntoOutbox)->Args({100000, 1})->Args({100000, 2})->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
