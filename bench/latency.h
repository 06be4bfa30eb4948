// Latencies of repeated calls in a benchmark: wall clock and CPU time of the calling thread,
// reported as p50/p95 counters (milliseconds).
#pragma once

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <vector>

namespace newsgraph::bench {

class Latencies {
 public:
  // Runs `call` once, timing it, and returns what it returns.
  template <typename Call>
  auto Time(Call&& call) {
    auto t0 = std::chrono::steady_clock::now();
    timespec c0, c1;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
    auto result = call();
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
    ms_.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    cpu_ms_.push_back((c1.tv_sec - c0.tv_sec) * 1e3 + (c1.tv_nsec - c0.tv_nsec) / 1e6);
    return result;
  }
  size_t count() const { return ms_.size(); }
  // Sets p50_ms, p95_ms, p50_cpu_ms and p95_cpu_ms.
  void Report(benchmark::State& state) {
    if (ms_.empty()) return;
    std::sort(ms_.begin(), ms_.end());
    std::sort(cpu_ms_.begin(), cpu_ms_.end());
    state.counters["p50_ms"] = ms_[ms_.size() / 2];
    state.counters["p95_ms"] = ms_[ms_.size() * 95 / 100];
    state.counters["p50_cpu_ms"] = cpu_ms_[cpu_ms_.size() / 2];
    state.counters["p95_cpu_ms"] = cpu_ms_[cpu_ms_.size() * 95 / 100];
  }

 private:
  std::vector<double> ms_, cpu_ms_;
};

}  // namespace newsgraph::bench
