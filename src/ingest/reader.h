// Reading inputs as they come: files, directories (recursively), glob patterns and "-"
// (standard input), each in any supported format, detected from the content (gzip magic,
// "WARC/1.", '{' / '[' JSON, <rss>/<feed>, HTML tags), not from the file name:
//   WARC 1.0/1.1 (.warc, .warc.gz)  → a document per HTML 200 response   (warc.h)
//   JSON Lines / JSON array          → a document per object              (jsonl.h)
//   RSS / Atom                       → a document per item / entry        (feed.h)
//   HTML page, plain text            → one document
// Any of them may be gzipped. WARC and JSON Lines are streamed record by record; the
// other formats are read whole (up to the record limit).
//
// Every record (document or error) gets an ordinal in reading order; `--shard K/N` keeps
// the records whose ordinal is K-1 modulo N, so N processes given the same inputs split
// them without coordination.
#pragma once

#include <atomic>
#include <functional>

#include "ingest/document.h"
#include "ingest/jsonl.h"

namespace newsgraph {

struct ReaderOptions {
  FieldMap json_fields;                     // JSON field names (--field)
  uint64_t max_record_bytes = 50ull << 20;  // per record, decompressed (gzip bombs stop here)
  uint32_t shard_index = 0;                 // 0-based
  uint32_t shard_count = 1;
};

// A record that could not be read or extracted. `status` names the file and the byte offset
// (or line) in its message. `skipped`: the input is not an article at all (a README, a CSV
// table, a PDF, an image found in a folder): it is reported but does not count as a failure.
struct RecordError {
  std::string file;
  uint64_t offset = 0;
  Status status;
  bool skipped = false;
};

// `path` as it may appear in a message: control characters (a newline in a file name)
// escaped as \n, \t, \r or \xHH, so that every message stays one line.
std::string PrintablePath(std::string_view path);

struct ReaderProgress {
  std::atomic<uint64_t> bytes_read{0};   // raw input bytes consumed
  std::atomic<uint64_t> bytes_total{0};  // sum of the input file sizes (0: unknown, e.g. stdin)
  std::atomic<uint64_t> records{0};      // records seen (all shards)
};

// Expands `inputs` into the files to read, in a stable order: a directory becomes its
// regular files (recursively, sorted by path, hidden files skipped), a pattern with
// * ? [ its sorted matches, "-" stays. Inputs that match nothing and sub-directories that
// cannot be read are reported in `*errors`; files of a directory that are not articles by
// their name (README, LICENSE, .csv, .pdf, images, office documents, ...) are reported
// there as skipped. Sets progress->bytes_total when given.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs, std::vector<RecordError>* errors,
                                      ReaderProgress* progress = nullptr);

// Callbacks return false to stop reading.
using DocumentFn = std::function<bool(RawDocument&&)>;
using ErrorFn = std::function<bool(const RecordError&)>;

// Reads every record of the files (as expanded by ExpandInputs), in order, keeping only
// this shard's. Returns false when a callback stopped it.
bool ReadFiles(const std::vector<std::string>& files, const ReaderOptions& options, const DocumentFn& on_document,
               const ErrorFn& on_error, ReaderProgress* progress = nullptr);

// The same for bytes in memory named `name` (tests, fuzzers).
bool ReadBuffer(std::string_view bytes, const std::string& name, const ReaderOptions& options,
                const DocumentFn& on_document, const ErrorFn& on_error);

}  // namespace newsgraph
