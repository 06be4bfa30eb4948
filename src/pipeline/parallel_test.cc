#include "pipeline/parallel.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <thread>

namespace newsgraph {
namespace {

// A JSON Lines file of `n` records in a fresh temporary directory.
std::string WriteJsonl(int n, const std::string& name, bool with_bad_line = false) {
  char dir_template[] = "/tmp/newsgraph_parallel_XXXXXX";
  std::string dir = mkdtemp(dir_template);
  std::string path = dir + "/" + name;
  std::ofstream out(path);
  for (int i = 0; i < n; ++i) {
    if (with_bad_line && i == n / 2) out << "{not json\n";
    out << "{\"title\": \"T" << i << "\", \"text\": \"Body " << i << ".\"}\n";
  }
  return path;
}

// Work that takes longer for some records, so that results finish out of order.
StatusOr<Analysis> SlowTitle(const RawDocument& doc) {
  int n = std::stoi(doc.title.substr(1));
  std::this_thread::sleep_for(std::chrono::microseconds((n * 7919) % 5 * 300));
  Analysis a;
  a.title = doc.title;
  return a;
}

TEST(ParallelTest, OutputInInputOrderWithTwoWorkers) {
  std::string path = WriteJsonl(300, "order.jsonl");
  PipelineOptions o;
  o.workers = 2;
  o.window = 8;
  std::vector<std::string> titles;
  PipelineProgress progress;
  PipelineStats s = RunPipeline(
      {path}, o, SlowTitle, [&](Analysis&& a) { titles.push_back(a.title); },
      [&](const RecordError& e) { ADD_FAILURE() << e.status.message(); }, &progress);
  EXPECT_EQ(s.analyzed, 300u);
  EXPECT_EQ(s.failed, 0u);
  ASSERT_EQ(titles.size(), 300u);
  for (int i = 0; i < 300; ++i) EXPECT_EQ(titles[i], "T" + std::to_string(i));
  EXPECT_EQ(progress.analyzed.load(), 300u);
  EXPECT_GT(progress.bytes_read.load(), 0u);
  EXPECT_EQ(progress.bytes_read.load(), progress.bytes_total.load());
}

TEST(ParallelTest, ErrorsArriveInOrderWithFileAndRunGoesOn) {
  std::string path = WriteJsonl(10, "bad.jsonl", /*with_bad_line=*/true);
  PipelineOptions o;
  o.workers = 3;
  std::vector<std::string> events;
  PipelineStats s = RunPipeline(
      {path, "/nonexistent/file.txt"}, o, SlowTitle, [&](Analysis&& a) { events.push_back(a.title); },
      [&](const RecordError& e) { events.push_back("error:" + e.status.message()); });
  EXPECT_EQ(s.analyzed, 10u);
  EXPECT_EQ(s.failed, 2u);
  ASSERT_EQ(events.size(), 12u);
  // Inputs that do not exist are reported first (while expanding), then records in order.
  EXPECT_NE(events[0].find("/nonexistent/file.txt"), std::string::npos);
  EXPECT_EQ(events[1], "T0");
  EXPECT_NE(events[6].find("bad.jsonl:6: invalid JSON"), std::string::npos) << events[6];
  EXPECT_EQ(events[7], "T5");
}

TEST(ParallelTest, ShardsSplitTheCorpusWithoutOverlap) {
  std::string path = WriteJsonl(100, "shard.jsonl");
  std::vector<std::string> all;
  for (uint32_t k = 0; k < 4; ++k) {
    PipelineOptions o;
    o.workers = 2;
    o.reader.shard_index = k;
    o.reader.shard_count = 4;
    RunPipeline(
        {path}, o, SlowTitle, [&](Analysis&& a) { all.push_back(a.title); }, [](const RecordError&) {});
  }
  ASSERT_EQ(all.size(), 100u);
  std::sort(all.begin(), all.end());
  EXPECT_EQ(std::unique(all.begin(), all.end()), all.end());
}

TEST(ParallelTest, WorkerExceptionsBecomeRecordErrors) {
  std::string path = WriteJsonl(5, "throw.jsonl");
  PipelineOptions o;
  o.workers = 2;
  size_t ok = 0, failed = 0;
  RunPipeline(
      {path}, o,
      [](const RawDocument& doc) -> StatusOr<Analysis> {
        if (doc.title == "T2") throw std::runtime_error("boom");
        return Analysis();
      },
      [&](Analysis&&) { ++ok; },
      [&](const RecordError& e) {
        ++failed;
        EXPECT_NE(e.status.message().find("boom"), std::string::npos);
      });
  EXPECT_EQ(ok, 4u);
  EXPECT_EQ(failed, 1u);
}

// A consumer that can store no more (a full disk) stops the reading; what was in flight
// still arrives, in order.
TEST(ParallelTest, StopEndsTheRunEarly) {
  std::string path = WriteJsonl(2000, "stop.jsonl");
  PipelineOptions o;
  o.workers = 2;
  o.window = 8;
  std::atomic<bool> full{false};
  o.stop = [&] { return full.load(); };
  std::vector<std::string> titles;
  PipelineStats s = RunPipeline(
      {path}, o, SlowTitle,
      [&](Analysis&& a) {
        titles.push_back(a.title);
        if (titles.size() == 10) full = true;
      },
      [&](const RecordError& e) { ADD_FAILURE() << e.status.message(); });
  EXPECT_GE(s.analyzed, 10u);
  EXPECT_LT(s.analyzed, 100u);  // at most the window and the reader's next record after it
  for (size_t i = 0; i < titles.size(); ++i) EXPECT_EQ(titles[i], "T" + std::to_string(i));
}

}  // namespace
}  // namespace newsgraph
