#include "ingest/reader.h"

#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "ingest/extract.h"
#include "ingest/feed.h"
#include "ingest/json_guard.h"
#include "ingest/stream.h"
#include "ingest/warc.h"

namespace newsgraph {
namespace {

namespace fs = std::filesystem;

constexpr uint64_t kMaxJsonArrayBytes = 1ull << 30;
constexpr size_t kMaxPrologBytes = 1u << 20;  // how far an XML document's root element is looked for

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

// The name of the root element of an XML document, after its prolog (XML declaration,
// processing instructions, comments, a DOCTYPE with or without an internal subset); empty
// when `xml` ends before it.
std::string_view RootElement(std::string_view xml) {
  if (xml.starts_with("\xEF\xBB\xBF")) xml.remove_prefix(3);
  size_t i = 0;
  while (true) {
    i = xml.find('<', i);
    if (i == std::string_view::npos) return {};
    std::string_view rest = xml.substr(i);
    size_t end;
    if (rest.starts_with("<?")) {
      end = rest.find("?>");
    } else if (rest.starts_with("<!--")) {
      end = rest.find("-->");
    } else if (rest.starts_with("<!")) {
      size_t gt = rest.find('>'), bracket = rest.find('[');
      end = bracket < gt ? rest.find("]>", bracket) : gt;
    } else {
      size_t e = 1;
      while (e < rest.size() && !std::isspace(static_cast<unsigned char>(rest[e])) && rest[e] != '>' && rest[e] != '/')
        ++e;
      return rest.substr(1, e - 1);
    }
    if (end == std::string_view::npos) return {};
    i += end + 1;
  }
}

bool HasGlobChars(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

// What a file of a folder is when its name says it is not an article, or empty.
std::string NotArticleByName(const fs::path& path) {
  std::string name = utf8::AsciiLower(path.filename().string());
  std::string stem = name.substr(0, name.find('.'));
  for (const char* doc :
       {"readme", "license", "licence", "copying", "changelog", "changes", "contributing", "authors", "notice"}) {
    if (stem == doc) return "a project file like README or LICENSE";
  }
  size_t dot = name.rfind('.');
  if (dot == std::string::npos) return "";
  std::string ext = name.substr(dot + 1);
  if (ext == "csv" || ext == "tsv") return "a table (." + ext + ")";
  if (ext == "pdf") return "a PDF document";
  for (const char* e : {"png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "ico", "svg"}) {
    if (ext == e) return "an image (." + ext + ")";
  }
  for (const char* e : {"doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "odp", "epub"}) {
    if (ext == e) return "an office document (." + ext + ")";
  }
  for (const char* e : {"zip", "7z", "rar", "tar", "mp3", "mp4", "wav", "ogg", "mov", "avi", "exe", "so", "o"}) {
    if (ext == e) return "a ." + ext + " file";
  }
  return "";
}

// What a text-like input is when its first bytes say it is not an article, or empty: a PDF
// (by its magic) or a table, several lines with the same number (1+) of commas or tabs,
// whose first line is a header of short fields and whose cells are not paragraphs.
std::string NotArticleByContent(std::string_view head) {
  if (head.starts_with("%PDF-")) return "a PDF document";
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < head.size() && lines.size() < 10) {
    size_t nl = head.find('\n', pos);
    if (nl == std::string_view::npos) break;  // a partial last line is not looked at
    std::string_view line = head.substr(pos, nl - pos);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (!line.empty()) lines.push_back(line);
    pos = nl + 1;
  }
  if (lines.size() < 3) return "";
  const char delim = lines[0].find('\t') != std::string_view::npos ? '\t' : ',';
  auto fields = [&](std::string_view line, size_t* longest) {
    size_t n = 0, start = 0;
    bool quoted = false;
    *longest = 0;
    for (size_t i = 0; i <= line.size(); ++i) {
      if (i < line.size() && line[i] == '"') quoted = !quoted;
      if (i == line.size() || (!quoted && line[i] == delim)) {
        *longest = std::max(*longest, i - start);
        start = i + 1;
        if (i < line.size()) ++n;
      }
    }
    return n;
  };
  size_t header_longest = 0, longest = 0;
  size_t k = fields(lines[0], &header_longest);
  if (k == 0 || header_longest > 64) return "";
  for (std::string_view line : lines) {
    if (fields(line, &longest) != k || longest > 160) return "";  // cells, not paragraphs
  }
  if (k == 1 && lines.size() < 5) return "";
  return delim == '\t' ? "a table (tab-separated values)" : "a table (comma-separated values)";
}

// Adds the regular files under `root` (not hidden, not through directory symlinks) to
// `*found`, walking with an explicit stack; a directory that cannot be read is an error.
void ListDirectory(const fs::path& root, std::vector<fs::path>* found, std::vector<RecordError>* errors) {
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      if (it->path().filename().string().starts_with(".")) continue;
      std::error_code type_ec;
      if (it->is_directory(type_ec) && !it->is_symlink(type_ec)) {
        pending.push_back(it->path());
      } else if (it->is_regular_file(type_ec)) {
        found->push_back(it->path());
      }
    }
    if (ec) {
      std::string name = PrintablePath(dir.string());
      errors->push_back({name, 0, Status::IoError(name + ": cannot read directory: " + ec.message())});
    }
  }
}

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
  void NotArticle(const std::string& file, const std::string& what) {
    if (Mine()) {
      stopped_ = stopped_ || !on_error_(RecordError{
                                 file, 0, Status::InvalidArgument(file + ": not an article (" + what + ")"), true});
    }
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
  if (format == Format::kText) {
    // An XML prolog longer than the sniffed head (a DOCTYPE with a long internal subset)
    // hides the root element: look further for it.
    std::string_view start = head.substr(std::min(head.find_first_not_of(" \t\r\n\xEF\xBB\xBF"), head.size()));
    if (start.starts_with("<?xml") || start.starts_with("<!")) {
      std::string_view root = RootElement(in->Peek(kMaxPrologBytes));
      std::string_view local = root.substr(root.find(':') == std::string_view::npos ? 0 : root.find(':') + 1);
      if (local == "rss" || local == "RDF" || local == "feed") format = Format::kFeed;
      head = in->Peek(4096);  // the longer peek may have moved the buffer
    }
  }
  if (format == Format::kText || format == Format::kBinary) {
    if (std::string what = NotArticleByContent(head); !what.empty()) {
      NotArticle(file, what);
      return;
    }
  }
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
    in->StartRecord();
    if (!in->ReadLine(&line, options_.max_record_bytes, &too_long)) break;
    if (!in->status().ok()) break;  // a line cut short by a stream error is not parsed
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

std::string PrintablePath(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (char c : path) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u != 0x7f) {
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      static const char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

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
      std::vector<fs::path> found;
      ListDirectory(path, &found, errors);
      std::sort(found.begin(), found.end());
      for (const fs::path& f : found) {
        if (std::string what = NotArticleByName(f); !what.empty()) {
          std::string name = PrintablePath(f.string());
          errors->push_back({name, 0, Status::InvalidArgument(name + ": not an article (" + what + ")"), true});
        } else {
          add_file(f.string());
        }
      }
      return;
    }
    if (fs::exists(path, ec)) {
      add_file(path);
      return;
    }
    errors->push_back({PrintablePath(path), 0, Status::NotFound(PrintablePath(path) + ": no such file or directory")});
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
        errors->push_back(
            {PrintablePath(input), 0, Status::NotFound(PrintablePath(input) + ": no file matches the pattern")});
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
    std::string name = path == "-" ? "<stdin>" : PrintablePath(path);
    auto source = OpenFileSource(path, progress != nullptr ? &progress->bytes_read : nullptr, name);
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
