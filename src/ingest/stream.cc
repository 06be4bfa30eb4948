#include "ingest/stream.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace newsgraph {
namespace {

constexpr size_t kChunk = 256 * 1024;

class FdSource : public ByteSource {
 public:
  FdSource(int fd, bool owned, std::string path, std::atomic<uint64_t>* progress)
      : fd_(fd), owned_(owned), path_(std::move(path)), progress_(progress) {}
  ~FdSource() override {
    if (owned_) ::close(fd_);
  }
  size_t Read(char* buf, size_t n) override {
    while (true) {
      ssize_t r = ::read(fd_, buf, n);
      if (r >= 0) {
        if (progress_ != nullptr) progress_->fetch_add(static_cast<uint64_t>(r), std::memory_order_relaxed);
        return static_cast<size_t>(r);
      }
      if (errno == EINTR) continue;
      status_ = Status::IoError(path_ + ": read failed: " + std::strerror(errno));
      return 0;
    }
  }
  Status status() const override { return status_; }

 private:
  int fd_;
  bool owned_;
  std::string path_;
  std::atomic<uint64_t>* progress_;
  Status status_;
};

class MemSource : public ByteSource {
 public:
  explicit MemSource(std::string_view bytes) : bytes_(bytes) {}
  size_t Read(char* buf, size_t n) override {
    n = std::min(n, bytes_.size() - pos_);
    std::memcpy(buf, bytes_.data() + pos_, n);
    pos_ += n;
    return n;
  }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

bool IsGzipMagic(std::string_view s) { return s.size() >= 3 && s[0] == '\x1f' && s[1] == '\x8b' && s[2] == '\x08'; }

}  // namespace

StatusOr<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path, std::atomic<uint64_t>* progress,
                                                     const std::string& name) {
  if (path == "-") return std::unique_ptr<ByteSource>(new FdSource(STDIN_FILENO, false, "<stdin>", progress));
  const std::string& shown = name.empty() ? path : name;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::NotFound(shown + ": cannot open: " + std::strerror(errno));
  return std::unique_ptr<ByteSource>(new FdSource(fd, true, shown, progress));
}

std::unique_ptr<ByteSource> MemorySource(std::string_view bytes) { return std::make_unique<MemSource>(bytes); }

struct InputStream::Inflater {
  z_stream z{};
  bool ready = false;
  ~Inflater() {
    if (ready) inflateEnd(&z);
  }
};

InputStream::InputStream(std::unique_ptr<ByteSource> source, std::string name, uint64_t max_record_bytes)
    : source_(std::move(source)), name_(std::move(name)), max_record_bytes_(max_record_bytes) {
  while (in_.size() < 3 && FillRaw()) {
  }
  gzip_ = in_.size() >= 2 && in_[0] == '\x1f' && in_[1] == '\x8b';
  if (gzip_) {
    z_ = std::make_unique<Inflater>();
    if (inflateInit2(&z_->z, 16 + MAX_WBITS) != Z_OK) {
      Fail(Status::Internal(name_ + ": cannot start gzip decoder"));
    } else {
      z_->ready = true;
    }
  }
}

InputStream::~InputStream() = default;

void InputStream::Fail(Status s) {
  if (status_.ok()) status_ = std::move(s);
}

bool InputStream::FillRaw() {
  if (raw_eof_) return false;
  if (in_pos_ > 0 && in_pos_ >= in_.size() / 2) {
    in_.erase(0, in_pos_);
    raw_consumed_ += in_pos_;
    in_pos_ = 0;
  }
  size_t old = in_.size();
  in_.resize(old + kChunk);
  size_t n = source_->Read(in_.data() + old, kChunk);
  in_.resize(old + n);
  if (n == 0) {
    raw_eof_ = true;
    if (!source_->status().ok()) Fail(source_->status());
    return false;
  }
  return true;
}

bool InputStream::Fill(size_t want) {
  if (out_pos_ > 0 && (out_pos_ >= out_.size() || out_pos_ > kChunk)) {
    out_.erase(0, out_pos_);
    out_pos_ = 0;
  }
  while (out_.size() - out_pos_ < want) {
    if (!status_.ok()) return false;
    if (!gzip_) {
      if (in_pos_ >= in_.size() && !FillRaw()) return false;
      out_.append(in_, in_pos_, std::string::npos);
      in_pos_ = in_.size();
      continue;
    }
    if (stream_end_) return false;
    if (in_pos_ >= in_.size() && !FillRaw()) {
      if (member_out_ > 0 || in_pos_ > 0) {
        Fail(Status::Corrupt(name_ + "@" + std::to_string(inflating_offset_) +
                             ": truncated gzip member (the file ends inside it)"));
      }
      stream_end_ = true;
      return false;
    }
    z_stream& z = z_->z;
    z.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
    z.avail_in = static_cast<uInt>(in_.size() - in_pos_);
    size_t old = out_.size();
    out_.resize(old + kChunk);
    z.next_out = reinterpret_cast<Bytef*>(out_.data() + old);
    z.avail_out = static_cast<uInt>(kChunk);
    int rc = inflate(&z, Z_NO_FLUSH);
    size_t produced = kChunk - z.avail_out;
    out_.resize(old + produced);
    in_pos_ = in_.size() - z.avail_in;
    member_out_ += produced;
    if (rc == Z_STREAM_END) {
      // Next member, if any: it must start with the gzip magic.
      while (in_.size() - in_pos_ < 3 && FillRaw()) {
      }
      if (in_pos_ >= in_.size()) {
        stream_end_ = true;
        continue;
      }
      uint64_t next = raw_consumed_ + in_pos_;
      if (!IsGzipMagic(std::string_view(in_).substr(in_pos_))) {
        Fail(Status::Corrupt(name_ + "@" + std::to_string(next) + ": data after the end of a gzip member is not gzip"));
        continue;
      }
      inflateReset(&z);
      // The new member's bytes begin after what is already in out_.
      boundaries_.emplace_back(position_ + (out_.size() - out_pos_), next);
      inflating_offset_ = next;
      member_out_ = 0;
      continue;
    }
    if (rc == Z_BUF_ERROR && produced == 0 && z.avail_in == 0) continue;  // needs more input
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      Fail(Status::Corrupt(name_ + "@" + std::to_string(inflating_offset_) + ": corrupt gzip data (" +
                           (z.msg != nullptr ? z.msg : "inflate error") + ")"));
      continue;
    }
    // Bomb limits, per record: everything inflated since the record began.
    uint64_t record_out = position_ + (out_.size() - out_pos_) - record_start_;
    uint64_t record_raw = raw_consumed_ + in_pos_ - record_raw_start_;
    std::string at = name_ + "@" + std::to_string(record_offset());
    if (record_out > max_record_bytes_ + kRecordSlack) {
      Fail(Status::Corrupt(at + ": record inflates to more than " + std::to_string(max_record_bytes_ >> 20) +
                           " MB; skipped with the rest of its gzip member (gzip bomb?)"));
    } else if (record_out > kBombMinBytes && record_out > kBombRatio * (record_raw + 1)) {
      Fail(Status::Corrupt(at + ": record inflates " + std::to_string(record_out / (record_raw + 1)) + " to 1 (past " +
                           std::to_string(record_out >> 20) +
                           " MB); skipped with the rest of its gzip member "
                           "(gzip bomb?)"));
    }
    if (!status_.ok()) out_.resize(out_pos_);  // keep nothing of it
  }
  return true;
}

void InputStream::Advance(size_t n) {
  out_pos_ += n;
  position_ += n;
  while (!boundaries_.empty() && position_ >= boundaries_.front().first) {
    member_offset_ = boundaries_.front().second;
    boundaries_.pop_front();
  }
}

uint64_t InputStream::record_offset() const {
  if (!gzip_) return position_;
  if (!boundaries_.empty() && position_ >= boundaries_.front().first) return boundaries_.front().second;
  return member_offset_;
}

std::string_view InputStream::Peek(size_t n) {
  Fill(n);
  return std::string_view(out_).substr(out_pos_, std::min(n, out_.size() - out_pos_));
}

size_t InputStream::Read(size_t n, std::string* out) {
  size_t done = 0;
  while (done < n) {
    if (out_pos_ >= out_.size() && !Fill(1)) break;
    size_t take = std::min(n - done, out_.size() - out_pos_);
    out->append(out_, out_pos_, take);
    Advance(take);
    done += take;
  }
  return done;
}

size_t InputStream::ReadInMember(size_t n, std::string* out) {
  if (!gzip_) return Read(n, out);
  const uint64_t start = position_;
  uint64_t stop = UINT64_MAX;  // where the next member begins, once it is known
  size_t done = 0;
  while (done < n) {
    if (position_ >= stop || (out_pos_ >= out_.size() && !Fill(1))) break;
    for (const auto& [pos, raw] : boundaries_) {
      if (pos > start) {
        stop = std::min(stop, pos);
        break;
      }
    }
    size_t take = static_cast<size_t>(
        std::min<uint64_t>({uint64_t{n - done}, uint64_t{out_.size() - out_pos_}, stop - position_}));
    out->append(out_, out_pos_, take);
    Advance(take);
    done += take;
  }
  return done;
}

size_t InputStream::Skip(size_t n) {
  size_t done = 0;
  while (done < n) {
    if (out_pos_ >= out_.size() && !Fill(1)) break;
    size_t take = std::min(n - done, out_.size() - out_pos_);
    Advance(take);
    done += take;
  }
  return done;
}

bool InputStream::ReadLine(std::string* line, size_t max, bool* too_long) {
  line->clear();
  *too_long = false;
  bool any = false;
  while (true) {
    if (out_pos_ >= out_.size() && !Fill(1)) return any;
    any = true;
    size_t nl = out_.find('\n', out_pos_);
    size_t end = nl == std::string::npos ? out_.size() : nl;
    size_t take = end - out_pos_;
    size_t room = max > line->size() ? max - line->size() : 0;
    line->append(out_, out_pos_, std::min(take, room));
    if (take > room) *too_long = true;
    Advance(take);
    if (nl != std::string::npos) {
      Advance(1);
      return true;
    }
  }
}

bool InputStream::at_end() { return !Fill(1); }

void InputStream::StartRecord() {
  record_start_ = position_;
  record_raw_start_ = raw_consumed_ + in_pos_;
}

bool InputStream::SkipToNextMember() {
  if (!gzip_) return false;
  if (status_.ok() && !boundaries_.empty()) {
    // The next member is already inflated (in part): drop the rest of this one.
    size_t drop = static_cast<size_t>(boundaries_.front().first - position_);
    Advance(drop);
    return true;
  }
  // Search the raw input from where inflation stopped for the next gzip header.
  out_.clear();
  out_pos_ = 0;
  boundaries_.clear();
  size_t pos = in_pos_ + (in_pos_ < in_.size() && IsGzipMagic(std::string_view(in_).substr(in_pos_)) &&
                                  raw_consumed_ + in_pos_ == member_offset_
                              ? 1
                              : 0);
  while (true) {
    if (pos > in_.size()) pos = in_.size();
    size_t hit = std::string::npos;
    for (size_t i = pos; i + 3 <= in_.size(); ++i) {
      if (in_[i] == '\x1f' && IsGzipMagic(std::string_view(in_).substr(i))) {
        hit = i;
        break;
      }
    }
    if (hit != std::string::npos) {
      in_pos_ = hit;
      member_offset_ = inflating_offset_ = raw_consumed_ + hit;
      record_start_ = position_;
      record_raw_start_ = raw_consumed_ + hit;
      member_out_ = 0;
      inflateReset(&z_->z);
      status_ = Status::Ok();
      stream_end_ = false;
      return true;
    }
    // Keep the last two bytes (a header may straddle the window edge) and read on.
    size_t keep = in_.size() >= 2 ? in_.size() - 2 : 0;
    raw_consumed_ += keep;
    in_.erase(0, keep);
    in_pos_ = 0;
    pos = 0;
    size_t before = in_.size();
    bool got = FillRaw();
    if (!got || in_.size() == before) {
      stream_end_ = true;
      status_ = Status::Ok();
      in_pos_ = in_.size();
      return false;
    }
  }
}

}  // namespace newsgraph
