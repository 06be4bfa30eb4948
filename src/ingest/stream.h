// Byte streams for the readers: a file, standard input or a memory buffer, transparently
// gunzipped when it starts with the gzip magic. Multi-member gzip (one member per WARC
// record, as Common Crawl writes them) is followed member by member, and the compressed
// offset of the current member is known, so errors can name it and a reader can skip a bad
// member.
//
// Gzip bombs are bounded per record, not per file or member: the reader marks where each
// record begins (StartRecord), and a record that inflates past the record limit (plus
// room for its headers), or past kBombMinBytes at a ratio above kBombRatio, is cut off
// with an error instead of filling memory or burning time. A legitimate large file (one
// gzip member holding thousands of JSON lines) is read whole.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace newsgraph {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes; 0 at the end. A read error ends the stream and sets status().
  virtual size_t Read(char* buf, size_t n) = 0;
  virtual Status status() const { return Status::Ok(); }
};

// Opens `path` ("-" is standard input). Bytes read are added to `*progress` when not null.
// Errors name the file as `name` (default: the path itself).
[[nodiscard]] StatusOr<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path,
                                                                   std::atomic<uint64_t>* progress = nullptr,
                                                                   const std::string& name = "");
// A source over memory the caller keeps alive.
std::unique_ptr<ByteSource> MemorySource(std::string_view bytes);

class InputStream {
 public:
  // Inflation ratio above which a large record is taken for a bomb (deflate reaches ~1030:1
  // on runs of one byte; news text compresses 3-10:1, repetitive markup rarely past 50:1).
  static constexpr uint64_t kBombRatio = 200;
  static constexpr uint64_t kBombMinBytes = 4u << 20;
  // Room for a record's headers above the limit on its content (WARC headers, HTTP headers).
  static constexpr uint64_t kRecordSlack = 1u << 20;

  InputStream(std::unique_ptr<ByteSource> source, std::string name, uint64_t max_record_bytes);
  ~InputStream();
  InputStream(const InputStream&) = delete;
  InputStream& operator=(const InputStream&) = delete;

  const std::string& name() const { return name_; }
  bool gzip() const { return gzip_; }

  // Up to `n` bytes ahead without consuming them (fewer only at the end or on an error).
  std::string_view Peek(size_t n);
  // Consumes up to `n` bytes into `*out` (appended). Returns the number consumed.
  size_t Read(size_t n, std::string* out);
  // The same, but for gzip input it stops at the end of the member holding the next unread
  // byte (a record of a .warc.gz cannot run into the next member).
  size_t ReadInMember(size_t n, std::string* out);
  // Consumes and discards up to `n` bytes. Returns the number skipped.
  size_t Skip(size_t n);
  // Consumes one line (through '\n', which is not stored) into `*line`. A line longer than
  // `max` is consumed but truncated and `*too_long` set. False at the end of the stream.
  bool ReadLine(std::string* line, size_t max, bool* too_long);

  // Offset of the next unread byte in the decompressed stream.
  uint64_t position() const { return position_; }
  // Offset in the raw (compressed) input of the gzip member holding the next unread byte;
  // for plain input, the same as position().
  uint64_t record_offset() const;
  // Bytes inflated so far from the current member.
  uint64_t member_bytes() const { return member_out_; }

  // The reader begins a record at position(): the bomb limits count from here.
  void StartRecord();

  // The first error met (truncated or corrupt gzip, oversized member, read error); once
  // set, the stream reads as ended until SkipToNextMember() recovers.
  const Status& status() const { return status_; }
  bool at_end();

  // gzip input only: drops what is left of the current member and continues with the next
  // one (found by its gzip header), clearing an error. False when there is none.
  bool SkipToNextMember();

 private:
  bool Fill(size_t want);  // makes at least `want` bytes available in out_ if possible
  void Advance(size_t n);  // consumes n bytes of out_
  bool FillRaw();
  void Fail(Status s);

  std::unique_ptr<ByteSource> source_;
  std::string name_;
  uint64_t max_record_bytes_;
  bool gzip_ = false;
  bool raw_eof_ = false;
  bool stream_end_ = false;  // the decompressor reached the end of the input
  Status status_;
  // Raw input window.
  std::string in_;
  size_t in_pos_ = 0;
  uint64_t raw_consumed_ = 0;  // raw bytes before in_[0]
  // Decompressed (or plain) output window.
  std::string out_;
  size_t out_pos_ = 0;
  uint64_t position_ = 0;
  uint64_t member_offset_ = 0;     // raw offset of the member holding the next unread byte
  uint64_t inflating_offset_ = 0;  // raw offset of the member being inflated (ahead of reading)
  uint64_t member_out_ = 0;
  // Where the current record began: decompressed position and raw bytes consumed then.
  uint64_t record_start_ = 0;
  uint64_t record_raw_start_ = 0;
  // Members that started inside out_, oldest first: (stream position where its bytes
  // begin, its raw offset).
  std::deque<std::pair<uint64_t, uint64_t>> boundaries_;
  struct Inflater;
  std::unique_ptr<Inflater> z_;
};

}  // namespace newsgraph
