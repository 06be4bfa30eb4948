#include "pipeline/parallel.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <thread>
#include <variant>

namespace newsgraph {
namespace {

struct Work {
  uint64_t seq;
  RawDocument doc;
};

using Result = std::variant<Analysis, RecordError>;

class Pipeline {
 public:
  Pipeline(const PipelineOptions& options, const ProcessFn& process, PipelineProgress* progress)
      : options_(options), process_(process), progress_(progress) {
    workers_ = options.workers > 0 ? options.workers : std::max(1u, std::thread::hardware_concurrency());
    window_ = options.window > 0 ? options.window : 16 * static_cast<size_t>(workers_);
  }

  PipelineStats Run(const std::vector<std::string>& inputs, const std::function<void(Analysis&&)>& on_result,
                    const std::function<void(const RecordError&)>& on_error) {
    std::thread reader([&] { ReadAll(inputs); });
    std::vector<std::thread> workers;
    for (unsigned i = 0; i < workers_; ++i) workers.emplace_back([&] { WorkLoop(); });
    PipelineStats stats = Emit(on_result, on_error);
    reader.join();
    for (std::thread& t : workers) t.join();
    return stats;
  }

 private:
  // Waits for room in the window, then takes a sequence number.
  uint64_t Admit(std::unique_lock<std::mutex>& lock) {
    space_cv_.wait(lock, [&] { return in_flight_ < window_; });
    ++in_flight_;
    return next_seq_++;
  }

  void ReadAll(const std::vector<std::string>& inputs) {
    std::vector<RecordError> errors;
    std::vector<std::string> files = ExpandInputs(inputs, &errors, progress_);
    auto go_on = [&] { return !options_.stop || !options_.stop(); };
    auto on_error = [&](const RecordError& e) {
      std::unique_lock<std::mutex> lock(mu_);
      uint64_t seq = Admit(lock);
      done_.emplace(seq, e);
      done_cv_.notify_one();
      return go_on();
    };
    for (const RecordError& e : errors) on_error(e);
    ReadFiles(
        files, options_.reader,
        [&](RawDocument&& doc) {
          std::unique_lock<std::mutex> lock(mu_);
          uint64_t seq = Admit(lock);
          work_.push_back(Work{seq, std::move(doc)});
          work_cv_.notify_one();
          return go_on();
        },
        on_error, progress_);
    std::lock_guard<std::mutex> lock(mu_);
    reader_done_ = true;
    work_cv_.notify_all();
    done_cv_.notify_all();
  }

  void WorkLoop() {
    while (true) {
      Work w;
      {
        std::unique_lock<std::mutex> lock(mu_);
        work_cv_.wait(lock, [&] { return !work_.empty() || reader_done_; });
        if (work_.empty()) return;
        w = std::move(work_.front());
        work_.pop_front();
      }
      Result r = Process(w.doc);
      std::lock_guard<std::mutex> lock(mu_);
      done_.emplace(w.seq, std::move(r));
      done_cv_.notify_one();
    }
  }

  Result Process(const RawDocument& doc) {
    try {
      StatusOr<Analysis> a = process_(doc);
      if (a.ok()) return std::move(a).value();
      return RecordError{doc.file, doc.offset, a.status()};
    } catch (const std::exception& e) {
      return RecordError{doc.file, doc.offset,
                         Status::Internal(doc.source + ": internal error while analyzing: " + e.what())};
    }
  }

  PipelineStats Emit(const std::function<void(Analysis&&)>& on_result,
                     const std::function<void(const RecordError&)>& on_error) {
    PipelineStats stats;
    uint64_t next = 0;
    std::unique_lock<std::mutex> lock(mu_);
    auto last_tick = std::chrono::steady_clock::now();
    while (true) {
      bool ready = done_cv_.wait_for(lock, options_.tick,
                                     [&] { return done_.count(next) > 0 || (reader_done_ && next == next_seq_); });
      if (options_.on_tick && std::chrono::steady_clock::now() - last_tick >= options_.tick) {
        last_tick = std::chrono::steady_clock::now();
        lock.unlock();
        options_.on_tick();
        lock.lock();
      }
      if (!ready) continue;
      auto it = done_.find(next);
      if (it == done_.end()) break;  // the reader is done and everything was emitted
      Result r = std::move(it->second);
      done_.erase(it);
      ++next;
      --in_flight_;
      space_cv_.notify_one();
      lock.unlock();
      if (auto* a = std::get_if<Analysis>(&r)) {
        ++stats.analyzed;
        if (progress_ != nullptr) progress_->analyzed.fetch_add(1, std::memory_order_relaxed);
        on_result(std::move(*a));
      } else {
        const RecordError& e = std::get<RecordError>(r);
        ++(e.skipped ? stats.skipped : stats.failed);
        if (progress_ != nullptr) (e.skipped ? progress_->skipped : progress_->failed).fetch_add(1);
        on_error(e);
      }
      lock.lock();
    }
    return stats;
  }

  const PipelineOptions& options_;
  const ProcessFn& process_;
  PipelineProgress* progress_;
  unsigned workers_;
  size_t window_;

  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_, space_cv_;
  std::deque<Work> work_;
  std::map<uint64_t, Result> done_;
  size_t in_flight_ = 0;
  uint64_t next_seq_ = 0;
  bool reader_done_ = false;
};

}  // namespace

PipelineStats RunPipeline(const std::vector<std::string>& inputs, const PipelineOptions& options,
                          const ProcessFn& process, const std::function<void(Analysis&&)>& on_result,
                          const std::function<void(const RecordError&)>& on_error, PipelineProgress* progress) {
  Pipeline p(options, process, progress);
  return p.Run(inputs, on_result, on_error);
}

PipelineStats RunPipeline(const Analyzer& analyzer, const std::vector<std::string>& inputs,
                          const PipelineOptions& options, const std::function<void(Analysis&&)>& on_analysis,
                          const std::function<void(const RecordError&)>& on_error, PipelineProgress* progress) {
  ProcessFn process = [&analyzer](const RawDocument& doc) { return analyzer.Analyze(doc); };
  return RunPipeline(inputs, options, process, on_analysis, on_error, progress);
}

}  // namespace newsgraph
