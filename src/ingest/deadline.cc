#include "ingest/deadline.h"

#include <cstdio>

namespace newsgraph {
namespace {
thread_local Deadline current = Deadline::Never();
}  // namespace

const Deadline& CurrentDeadline() { return current; }

ScopedDeadline::ScopedDeadline(Deadline deadline) : previous_(current) {
  if (deadline.at() < current.at()) current = deadline;
}

ScopedDeadline::~ScopedDeadline() { current = previous_; }

std::string DeadlineMessage(std::chrono::milliseconds limit) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "took longer than %g s, the time limit per record (--record-timeout); skipped",
                static_cast<double>(limit.count()) / 1000.0);
  return buf;
}

}  // namespace newsgraph
