// A time limit per record. Hostile input can make a parser or a stage take far longer than
// any article needs (gumbo's attribute check is quadratic; see html_guard.h); a deadline
// turns that into an error for the one record, and the run goes on.
//
// The deadline of the record a thread is working on is ambient (thread-local), set by a
// ScopedDeadline around the work, so the stages need no extra parameter: long loops call
// CurrentDeadline().expired() at safe points (between stages, and as the HTML parser
// allocates). Nested scopes keep the earlier deadline.
#pragma once

#include <chrono>
#include <string>

namespace newsgraph {

class Deadline {
 public:
  using Clock = std::chrono::steady_clock;
  static Deadline Never() { return Deadline(Clock::time_point::max()); }
  static Deadline After(std::chrono::milliseconds limit) {
    return limit.count() <= 0 ? Never() : Deadline(Clock::now() + limit);
  }
  bool expired() const { return at_ != Clock::time_point::max() && Clock::now() >= at_; }
  Clock::time_point at() const { return at_; }

 private:
  explicit Deadline(Clock::time_point at) : at_(at) {}
  Clock::time_point at_;
};

// The deadline of the calling thread's record (Never outside any scope).
const Deadline& CurrentDeadline();

// Sets the calling thread's deadline to `deadline` (or keeps the current one when it is
// earlier) for the scope's lifetime. REQUIRES: scopes nest (destroyed in reverse order).
class ScopedDeadline {
 public:
  explicit ScopedDeadline(Deadline deadline);
  ~ScopedDeadline();
  ScopedDeadline(const ScopedDeadline&) = delete;
  ScopedDeadline& operator=(const ScopedDeadline&) = delete;

 private:
  Deadline previous_;
};

// "took longer than 20 s (the time limit per record)", for error messages.
std::string DeadlineMessage(std::chrono::milliseconds limit);

}  // namespace newsgraph
