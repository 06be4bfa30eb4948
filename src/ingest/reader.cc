#include "ingest/reader.h"

#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "ingest/extract.h"
#include "ingest/feed.h"
#include "ingest/json_guard.h"
#include "ingest/stream.h"
#include "ingest/warc.h"

namespace newsgraph {
namespace {

namespace fs = std::filesystem;

constexpr uint64_t kMaxJsonArrayBytes = 1ull << 30;

enum class Format { kWarc, kJsonLines, kJsonArray, kFeed, kHtml, kText, kEmpty, kBinary };

Format Sniff(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  if (head.starts_with("WARC/1.")) return Format::kWarc;
  size_t b = head.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return Format::kEmpty;
  if (head[b] == '{') return Format::kJsonLines;
  if (head[b] == '[') return Format::kJsonArray;
  std::string type = SniffMediaType(head);
  if (type == "application/rss+xml" || type == "application/atom+xml") return Format::kFeed;
  if (type == "text/html") return Format::kHtml;
  // Binary: NUL bytes or mostly control characters in the first bytes.
  size_t control = 0;
  std::string_view sample = head.substr(0, 1024);
  for (char c : sample) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u == 0) return Format::kBinary;
    if (u < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  if (control * 10 > sample.size()) return Format::kBinary;
  return Format::kText;
}

bool HasGlobChars(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

// Reads one record stream, numbering records for sharding.
class RecordReader {
 public:
  RecordReader(const ReaderOptions& options, const DocumentFn& on_document, const ErrorFn& on_error,
               ReaderProgress* progress)
      : options_(options), on_document_(on_document), on_error_(on_error), progress_(progress) {}

  bool stopped() const { return stopped_; }

  void Document(RawDocument&& doc) {
    if (Mine()) stopped_ = stopped_ || !on_document_(std::move(doc));
  }
  void Error(const std::string& file, uint64_t offset, Status status) {
    if (Mine()) stopped_ = stopped_ || !on_error_(RecordError{file, offset, std::move(status)});
  }

  void ReadStream(InputStream* in, const std::string& file);

 private:
  bool Mine() {
    uint64_t n = ordinal_++;
    if (progress_ != nullptr) progress_->records.fetch_add(1, std::memory_order_relaxed);
    return options_.shard_count <= 1 || n % options_.shard_count == options_.shard_index;
  }
  void ReadWarc(InputStream* in, const std::string& file);
  void ReadJsonLines(InputStream* in, const std::string& file);
  void ReadWhole(InputStream* in, const std::string& file, Format format);

  const ReaderOptions& options_;
  const DocumentFn& on_document_;
  const ErrorFn& on_error_;
  ReaderProgress* progress_;
  uint64_t ordinal_ = 0;
  bool stopped_ = false;
};

void RecordReader::ReadStream(InputStream* in, const std::string& file) {
  std::string_view head = in->Peek(4096);
  if (!in->status().ok() && head.empty()) {
    Error(file, 0, in->status());
    return;
  }
  Format format = Sniff(head);
  switch (format) {
    case Format::kWarc:
      ReadWarc(in, file);
      return;
    case Format::kJsonLines:
      ReadJsonLines(in, file);
      return;
    case Format::kEmpty:
      if (!in->status().ok()) {
        Error(file, 0, in->status());
      } else {
        Error(file, 0, Status::InvalidArgument(file + ": empty input"));
      }
      return;
    case Format::kBinary:
      Error(file, 0, Status::InvalidArgument(file + ": binary data, not an article, feed, JSON or WARC file"));
      return;
    default:
      ReadWhole(in, file, format);
  }
}

void RecordReader::ReadWarc(InputStream* in, const std::string& file) {
  WarcReader reader(in, options_.max_record_bytes);
  WarcRecord record;
  Status error;
  while (!stopped_) {
    uint64_t at = in->record_offset();
    WarcReader::Next next = reader.Read(&record, &error);
    if (next == WarcReader::Next::kEnd) return;
    if (next == WarcReader::Next::kError) {
      Error(file, at, error);
      if (in->at_end() && !in->status().ok()) {
        // Unrecoverable (e.g. truncated at the end): report once and stop this file.
        if (in->status().message() != error.message()) Error(file, in->record_offset(), in->status());
        return;
      }
      continue;
    }
    uint64_t offset = record.offset;
    RawDocument doc;
    auto is_doc = WarcRecordToDocument(std::move(record), file, &doc, options_.max_record_bytes);
    if (!is_doc.ok()) {
      Error(file, offset, is_doc.status());
    } else if (*is_doc) {
      Document(std::move(doc));
    }
  }
}

void RecordReader::ReadJsonLines(InputStream* in, const std::string& file) {
  std::string line;
  bool too_long = false;
  uint64_t line_number = 0;
  while (!stopped_) {
    uint64_t offset = in->position();
    if (!in->ReadLine(&line, options_.max_record_bytes, &too_long)) break;
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = file + ":" + std::to_string(line_number);
    if (too_long) {
      Error(file, offset,
            Status::InvalidArgument(where + ": line longer than " + std::to_string(options_.max_record_bytes >> 20) +
                                    " MB"));
      continue;
    }
    auto doc = JsonLineToDocument(line, where, options_.json_fields);
    if (!doc.ok()) {
      Error(file, offset, doc.status());
      continue;
    }
    doc->file = file;
    doc->offset = offset;
    Document(std::move(doc).value());
  }
  if (!in->status().ok()) Error(file, in->position(), in->status());
}

void RecordReader::ReadWhole(InputStream* in, const std::string& file, Format format) {
  std::string bytes;
  uint64_t limit = format == Format::kJsonArray ? kMaxJsonArrayBytes : options_.max_record_bytes;
  in->Read(static_cast<size_t>(limit) + 1, &bytes);
  if (!in->status().ok()) {
    Error(file, 0, in->status());
    return;
  }
  if (bytes.size() > limit) {
    Error(
        file, 0,
        Status::InvalidArgument(file + ": larger than the " + std::to_string(limit >> 20) + " MB limit for a single " +
                                (format == Format::kJsonArray ? "JSON array" : "document")));
    return;
  }
  if (format == Format::kFeed) {
    Status s = ParseFeed(
        bytes, file, "", [&](RawDocument&& doc) { Document(std::move(doc)); },
        [&](const Status& e, uint64_t offset) { Error(file, offset, e); });
    if (!s.ok()) Error(file, 0, s);
    return;
  }
  if (format == Format::kJsonArray) {
    if (!JsonNestingWithin(bytes, 64)) {
      Error(file, 0, Status::InvalidArgument(file + ": JSON nested deeper than 64 levels"));
      return;
    }
    nlohmann::json arr = nlohmann::json::parse(bytes, nullptr, false);
    if (arr.is_discarded() || !arr.is_array()) {
      Error(file, 0, Status::InvalidArgument(file + ": invalid JSON"));
      return;
    }
    for (size_t k = 0; k < arr.size() && !stopped_; ++k) {
      std::string where = file + "[" + std::to_string(k) + "]";
      auto doc = JsonObjectToDocument(arr[k], where, options_.json_fields);
      if (!doc.ok()) {
        Error(file, 0, doc.status());
        continue;
      }
      doc->file = file;
      Document(std::move(doc).value());
    }
    return;
  }
  RawDocument doc;
  doc.file = file;
  doc.source = file;
  doc.media_type = format == Format::kHtml ? "text/html" : "text/plain";
  doc.bytes = std::move(bytes);
  Document(std::move(doc));
}

}  // namespace

std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs, std::vector<RecordError>* errors,
                                      ReaderProgress* progress) {
  std::vector<std::string> files;
  auto add_file = [&](const std::string& path) {
    files.push_back(path);
    if (progress != nullptr) {
      std::error_code ec;
      auto size = fs::file_size(path, ec);
      if (!ec) progress->bytes_total.fetch_add(size, std::memory_order_relaxed);
    }
  };
  auto add_path = [&](const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.starts_with(".")) {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec)) found.push_back(it->path().string());
      }
      if (ec) errors->push_back({path, 0, Status::IoError(path + ": cannot list directory: " + ec.message())});
      std::sort(found.begin(), found.end());
      for (const std::string& f : found) add_file(f);
      return;
    }
    if (fs::exists(path, ec)) {
      add_file(path);
      return;
    }
    errors->push_back({path, 0, Status::NotFound(path + ": no such file or directory")});
  };
  for (const std::string& input : inputs) {
    if (input == "-") {
      files.push_back(input);
      continue;
    }
    std::error_code ec;
    if (HasGlobChars(input) && !fs::exists(input, ec)) {
      glob_t g{};
      int rc = ::glob(input.c_str(), 0, nullptr, &g);
      if (rc == 0) {
        std::vector<std::string> matches(g.gl_pathv, g.gl_pathv + g.gl_pathc);
        std::sort(matches.begin(), matches.end());
        for (const std::string& m : matches) add_path(m);
      } else {
        errors->push_back({input, 0, Status::NotFound(input + ": no file matches the pattern")});
      }
      globfree(&g);
      continue;
    }
    add_path(input);
  }
  return files;
}

bool ReadFiles(const std::vector<std::string>& files, const ReaderOptions& options, const DocumentFn& on_document,
               const ErrorFn& on_error, ReaderProgress* progress) {
  RecordReader reader(options, on_document, on_error, progress);
  for (const std::string& path : files) {
    std::string name = path == "-" ? "<stdin>" : path;
    auto source = OpenFileSource(path, progress != nullptr ? &progress->bytes_read : nullptr);
    if (!source.ok()) {
      reader.Error(name, 0, source.status());
    } else {
      InputStream in(std::move(source).value(), name, options.max_record_bytes);
      reader.ReadStream(&in, name);
    }
    if (reader.stopped()) return false;
  }
  return true;
}

bool ReadBuffer(std::string_view bytes, const std::string& name, const ReaderOptions& options,
                const DocumentFn& on_document, const ErrorFn& on_error) {
  RecordReader reader(options, on_document, on_error, nullptr);
  InputStream in(MemorySource(bytes), name, options.max_record_bytes);
  reader.ReadStream(&in, name);
  return !reader.stopped();
}

}  // namespace newsgraph
