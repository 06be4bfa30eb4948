#include "cli/input.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace newsgraph::cli {

size_t ForEachInputDocument(const std::vector<std::string>& inputs, const std::function<void(RawDocument&&)>& fn,
                            const std::function<void(const Status&)>& on_error, const ReaderOptions& options) {
  size_t errors = 0;
  std::vector<RecordError> expand_errors;
  std::vector<std::string> files = ExpandInputs(inputs, &expand_errors);
  for (const RecordError& e : expand_errors) {
    on_error(e.status);
    ++errors;
  }
  ReadFiles(
      files, options,
      [&](RawDocument&& doc) {
        fn(std::move(doc));
        return true;
      },
      [&](const RecordError& e) {
        on_error(e.status);
        ++errors;
        return true;
      });
  return errors;
}

void AddCorpusFlags(CLI::App* app, CorpusFlags* flags) {
  app->add_option("--workers", flags->workers, "analysis threads (default: all cores)");
  app->add_option("--shard", flags->shard,
                  "K/N: process only the K-th of N deterministic slices of the input records (1 <= K <= N)");
  app->add_option("--field", flags->fields,
                  "JSON field mapping FIELD=KEY (FIELD: title, text, html, url, date, language); repeatable");
  app->add_flag("--quiet,-q", flags->quiet, "no progress bar and no warnings on stderr");
  app->add_option("--max-record-mb", flags->max_record_mb, "largest record accepted, decompressed, in MB (default 50)");
}

Status ToPipelineOptions(const CorpusFlags& flags, PipelineOptions* options) {
  options->workers = flags.workers;
  if (flags.max_record_mb <= 0) return Status::InvalidArgument("--max-record-mb must be positive");
  options->reader.max_record_bytes = static_cast<uint64_t>(flags.max_record_mb * (1 << 20));
  if (!flags.shard.empty()) {
    unsigned k = 0, n = 0;
    char extra = 0;
    if (std::sscanf(flags.shard.c_str(), "%u/%u%c", &k, &n, &extra) != 2 || n == 0 || k == 0 || k > n) {
      return Status::InvalidArgument("--shard '" + flags.shard + "': expected K/N with 1 <= K <= N, e.g. 2/8");
    }
    options->reader.shard_index = k - 1;
    options->reader.shard_count = n;
  }
  for (const std::string& f : flags.fields) {
    if (Status s = ParseFieldSpec(f, &options->reader.json_fields); !s.ok()) return s;
  }
  return Status::Ok();
}

ProgressBar::ProgressBar(const PipelineProgress* progress, bool enabled)
    : progress_(progress), enabled_(enabled && isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()) {}

namespace {
std::string Duration(double s) {
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%dh%02dm", static_cast<int>(s / 3600), static_cast<int>(s / 60) % 60);
  } else if (s >= 60) {
    std::snprintf(buf, sizeof buf, "%dm%02ds", static_cast<int>(s / 60), static_cast<int>(s) % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ds", static_cast<int>(s));
  }
  return buf;
}
}  // namespace

void ProgressBar::Tick() {
  if (!enabled_) return;
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (secs < 0.5) return;
  uint64_t done = progress_->analyzed.load();
  uint64_t failed = progress_->failed.load();
  uint64_t bytes = progress_->bytes_read.load();
  uint64_t total = progress_->bytes_total.load();
  char line[256];
  int n = std::snprintf(line, sizeof line, "\r%llu articles  %.1f articles/s  %.1f MB/s  %llu errors",
                        static_cast<unsigned long long>(done), done / secs, bytes / secs / 1e6,
                        static_cast<unsigned long long>(failed));
  std::string out(line, std::min<size_t>(n, sizeof line - 1));
  if (total > 0 && bytes > 0) {
    double frac = std::min(1.0, static_cast<double>(bytes) / static_cast<double>(total));
    int width = 20, fill = static_cast<int>(frac * width);
    out += "  [" + std::string(fill, '#') + std::string(width - fill, '.') + "] " +
           std::to_string(static_cast<int>(frac * 100)) + "%";
    if (frac > 0.001 && frac < 1.0) out += "  ETA " + Duration(secs / frac - secs);
  }
  out += "\x1b[K";
  std::cerr << out << std::flush;
  drawn_ = true;
}

void ProgressBar::Finish() {
  if (enabled_ && drawn_) std::cerr << "\r\x1b[K" << std::flush;
}

}  // namespace newsgraph::cli
