#include "cli/input.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
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
        if (!e.skipped) ++errors;
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
  app->add_option("--max-record-mb", flags->max_record_mb, "largest record accepted, decompressed, in MB (default 50)")
      ->check(CLI::PositiveNumber);
  app->add_option("--record-timeout", flags->record_timeout,
                  "seconds one record may take before it fails with an error and the run goes on (default 30; 0: "
                  "no limit)")
      ->check(CLI::NonNegativeNumber);
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

void ToAnalyzerOptions(const CorpusFlags& flags, AnalyzerOptions* options) {
  options->record_time_limit = std::chrono::milliseconds(static_cast<int64_t>(flags.record_timeout * 1000));
}

ProgressBar::ProgressBar(const PipelineProgress* progress, bool enabled)
    : progress_(progress), enabled_(enabled && isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()) {}

namespace {

std::string Duration(double s) {
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%dh%02dm", static_cast<int>(s / 3600), static_cast<int>(s / 60) % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%dm%02ds", static_cast<int>(s / 60), static_cast<int>(s) % 60);
  }
  return buf;
}

size_t TerminalWidth() {
  winsize ws{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (const char* env = std::getenv("COLUMNS")) {
    long n = std::strtol(env, nullptr, 10);
    if (n > 0 && n < 10000) return static_cast<size_t>(n);
  }
  return 80;
}

}  // namespace

std::string ProgressBar::Line(uint64_t done, uint64_t bytes, uint64_t total, double secs, std::string_view counts,
                              size_t width) {
  // Parts in display order with their rank (0 first): the ones that fit in width - 1
  // columns are shown, by rank (the last column stays free: writing it makes some
  // terminals wrap).
  struct Part {
    std::string text;
    int rank;
  };
  std::vector<Part> parts;
  char buf[96];
  if (total > 0) {
    double frac = std::min(1.0, static_cast<double>(bytes) / static_cast<double>(total));
    int bar = static_cast<int>(std::clamp<size_t>(width / 6, 10, 30));
    int fill = static_cast<int>(frac * bar);
    std::snprintf(buf, sizeof buf, "%3d%%", static_cast<int>(frac * 100));
    parts.push_back({"[" + std::string(fill, '#') + std::string(bar - fill, '.') + "] " + buf, 0});
  }
  parts.push_back({std::to_string(done) + (done == 1 ? " article" : " articles"), 1});
  if (!counts.empty()) parts.push_back({std::string(counts), 2});
  std::snprintf(buf, sizeof buf, "%.0f/s", secs > 0 ? done / secs : 0.0);
  parts.push_back({buf, 4});
  if (total > 0 && bytes > 0 && bytes < total) {
    double frac = static_cast<double>(bytes) / static_cast<double>(total);
    parts.push_back({"ETA " + Duration(secs / frac - secs), 3});
  }
  if (total > 0) {
    std::snprintf(buf, sizeof buf, "%.1f/%.1f MB", bytes / 1e6, total / 1e6);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f MB/s", secs > 0 ? bytes / secs / 1e6 : 0.0);
  }
  parts.push_back({buf, 5});
  size_t room = width > 1 ? width - 1 : 0;
  std::vector<bool> shown(parts.size(), false);
  size_t used = 0;
  for (int rank = 0; rank <= 5; ++rank) {
    for (size_t i = 0; i < parts.size(); ++i) {
      if (parts[i].rank != rank) continue;
      size_t need = (used == 0 ? 0 : 2) + parts[i].text.size();
      if (used + need <= room) {
        shown[i] = true;
        used += need;
      }
    }
  }
  std::string line;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!shown[i]) continue;
    if (!line.empty()) line += "  ";
    line += parts[i].text;
  }
  if (line.empty() && !parts.empty()) line = parts[0].text.substr(0, room);
  return line;
}

void ProgressBar::Tick(uint64_t done, std::string_view counts) {
  if (!enabled_) return;
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (secs < 0.3 || secs - last_draw_ < 0.2) return;
  last_draw_ = secs;
  std::string line =
      Line(done, progress_->bytes_read.load(), progress_->bytes_total.load(), secs, counts, TerminalWidth());
  std::cerr << "\r" << line << "\x1b[K" << std::flush;
  drawn_ = true;
}

void ProgressBar::Tick() {
  uint64_t failed = progress_->failed.load(), skipped = progress_->skipped.load();
  std::string counts;
  if (failed > 0) counts = std::to_string(failed) + " failed";
  if (skipped > 0) counts += (counts.empty() ? "" : ", ") + std::to_string(skipped) + " skipped";
  Tick(progress_->analyzed.load(), counts);
}

void ProgressBar::Clear() {
  if (enabled_ && drawn_) std::cerr << "\r\x1b[K" << std::flush;
}

void ProgressBar::Finish() {
  Clear();
  drawn_ = false;
}

}  // namespace newsgraph::cli
