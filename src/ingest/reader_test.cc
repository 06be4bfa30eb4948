#include "ingest/reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "ingest/warc.h"

namespace newsgraph {
namespace {

std::string Gzip(std::string_view data) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string WarcRecordText(std::string_view type, std::string_view uri, std::string_view block,
                           std::string_view content_type = "application/http; msgtype=response") {
  std::string r = "WARC/1.0\r\nWARC-Type: " + std::string(type) + "\r\nWARC-Target-URI: " + std::string(uri) +
                  "\r\nWARC-Date: 2025-03-04T05:06:07Z\r\nContent-Type: " + std::string(content_type) +
                  "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

std::string Page(std::string_view headline, std::string_view sentence) {
  std::string body;
  for (int i = 0; i < 4; ++i) {
    body += "<p>" + std::string(sentence) + " Paragraph " + std::to_string(i) +
            " adds detail, with a comma, about the council's decision.</p>";
  }
  return "<html><head><title>" + std::string(headline) + "</title></head><body><article><h1>" + std::string(headline) +
         "</h1>" + body + "</article></body></html>";
}

std::string HttpOk(std::string_view html, std::string_view type = "text/html; charset=utf-8") {
  return "HTTP/1.1 200 OK\r\nContent-Type: " + std::string(type) + "\r\n\r\n" + std::string(html);
}

struct Collected {
  std::vector<RawDocument> docs;
  std::vector<RecordError> errors;
};

Collected ReadNamed(std::string_view bytes, const std::string& name, const ReaderOptions& options = ReaderOptions()) {
  Collected c;
  ReadBuffer(
      bytes, name, options,
      [&](RawDocument&& d) {
        c.docs.push_back(std::move(d));
        return true;
      },
      [&](const RecordError& e) {
        c.errors.push_back(e);
        return true;
      });
  return c;
}

Collected Read(std::string_view bytes, const ReaderOptions& options = ReaderOptions()) {
  return ReadNamed(bytes, "test.warc.gz", options);
}

std::string ThreeRecordWarcGz() {
  return Gzip(WarcRecordText("warcinfo", "", "software: test\r\n", "application/warc-fields")) +
         Gzip(
             WarcRecordText("response", "https://a.example/1", HttpOk(Page("First story", "The first story opens.")))) +
         Gzip(WarcRecordText("response", "https://a.example/2",
                             HttpOk(Page("Second story", "The second story opens."))));
}

TEST(WarcReaderTest, GzipMembersBecomeDocumentsWithOffsets) {
  std::string gz = ThreeRecordWarcGz();
  Collected c = Read(gz);
  ASSERT_TRUE(c.errors.empty()) << c.errors[0].status.message();
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].url, "https://a.example/1");
  EXPECT_EQ(c.docs[0].media_type, "text/html");
  EXPECT_EQ(c.docs[0].charset, "utf-8");
  EXPECT_EQ(c.docs[0].date, "2025-03-04T05:06:07Z");
  EXPECT_NE(c.docs[0].bytes.find("First story"), std::string::npos);
  // The second response's member starts where the first two members end.
  size_t second =
      Gzip(WarcRecordText("warcinfo", "", "software: test\r\n", "application/warc-fields")).size() +
      Gzip(WarcRecordText("response", "https://a.example/1", HttpOk(Page("First story", "The first story opens."))))
          .size();
  EXPECT_EQ(c.docs[1].offset, second);
  EXPECT_EQ(c.docs[1].source, "test.warc.gz@" + std::to_string(second));
}

TEST(WarcReaderTest, PlainWarcAndNonArticleRecordsSkipped) {
  std::string warc = WarcRecordText("request", "https://a.example/1", "GET / HTTP/1.1\r\n\r\n") +
                     WarcRecordText("response", "https://a.example/1",
                                    "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>x</p>") +
                     WarcRecordText("response", "https://a.example/img", HttpOk("\x89PNG", "image/png")) +
                     WarcRecordText("response", "https://a.example/2", HttpOk(Page("Kept", "Kept story."))) +
                     WarcRecordText("response", "https://a.example/3",
                                    "HTTP/1.1 200 OK\r\n\r\n" + Page("Untyped", "Sniffed as HTML."));
  Collected c = Read(warc);
  EXPECT_TRUE(c.errors.empty());
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].url, "https://a.example/2");
  EXPECT_EQ(c.docs[1].url, "https://a.example/3");
}

TEST(WarcReaderTest, TruncatedGzipReportsErrorAndKeepsEarlierRecords) {
  std::string gz = ThreeRecordWarcGz();
  gz.resize(gz.size() - 40);  // cut inside the last member
  Collected c = Read(gz);
  ASSERT_EQ(c.docs.size(), 1u);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].status.message().find("truncated"), std::string::npos) << c.errors[0].status.message();
  EXPECT_NE(c.errors[0].status.message().find("test.warc.gz@"), std::string::npos);
}

TEST(WarcReaderTest, CorruptMemberIsSkippedAndReadingResumes) {
  std::string a = Gzip(WarcRecordText("response", "https://a.example/1", HttpOk(Page("One", "One opens."))));
  std::string b = Gzip(WarcRecordText("response", "https://a.example/2", HttpOk(Page("Two", "Two opens."))));
  std::string c3 = Gzip(WarcRecordText("response", "https://a.example/3", HttpOk(Page("Three", "Three opens."))));
  for (size_t i = 20; i < 60 && i < b.size(); ++i) b[i] = static_cast<char>(b[i] ^ 0x5A);
  Collected c = Read(a + b + c3);
  ASSERT_GE(c.errors.size(), 1u);
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].url, "https://a.example/1");
  EXPECT_EQ(c.docs[1].url, "https://a.example/3");
}

TEST(WarcReaderTest, GzipBombIsCappedAndSkipped) {
  // A member whose WARC header line never ends: 64 MB of 'a' that compress to ~64 KB.
  std::string payload = "WARC/1.0\r\nWARC-Type: response\r\nX-Padding: " + std::string(64 << 20, 'a');
  std::string bomb = Gzip(payload);
  payload.clear();
  payload.shrink_to_fit();
  ASSERT_LT(bomb.size(), 200u * 1024);
  std::string before = Gzip(WarcRecordText("response", "https://a.example/before", HttpOk(Page("Before", "B."))));
  std::string after = Gzip(WarcRecordText("response", "https://a.example/after", HttpOk(Page("After", "After."))));
  Collected c = Read(before + bomb + after);  // default cap: 50 MB per record
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].status.message().find("test.warc.gz@" + std::to_string(before.size()) + ": record inflates"),
            std::string::npos)
      << c.errors[0].status.message();
  EXPECT_NE(c.errors[0].status.message().find("gzip bomb"), std::string::npos);
  EXPECT_EQ(c.errors[0].offset, before.size());
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[1].url, "https://a.example/after");
}

TEST(WarcReaderTest, OversizedRecordIsSkippedWithoutReadingIt) {
  ReaderOptions o;
  o.max_record_bytes = 1 << 20;
  std::string big = Gzip(WarcRecordText("response", "https://a.example/big", HttpOk(std::string(3 << 20, 'x'))));
  std::string after = Gzip(WarcRecordText("response", "https://a.example/ok", HttpOk(Page("Ok", "Ok."))));
  Collected c = Read(big + after, o);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].status.message().find("1 MB"), std::string::npos) << c.errors[0].status.message();
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].url, "https://a.example/ok");
}

TEST(WarcReaderTest, JunkBetweenPlainRecordsIsReportedAndSkipped) {
  std::string warc = WarcRecordText("response", "https://a.example/1", HttpOk(Page("One", "One."))) +
                     "garbage line\r\nmore garbage\r\n" +
                     WarcRecordText("response", "https://a.example/2", HttpOk(Page("Two", "Two.")));
  Collected c = Read(warc);
  EXPECT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.docs.size(), 2u);
}

TEST(HttpResponseTest, ChunkedAndGzipBodies) {
  auto r = ParseHttpResponse(
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=Shift_JIS\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n",
      1 << 20);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->media_type, "text/html");
  EXPECT_EQ(r->charset, "windows-31j");
  EXPECT_EQ(r->body, "hello world");
  std::string gz = Gzip("<p>compressed body</p>");
  r = ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + gz, 1 << 20);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->body, "<p>compressed body</p>");
  EXPECT_FALSE(ParseHttpResponse("garbage", 100).ok());
}

TEST(ReaderTest, BinaryJunkIsOneError) {
  std::string junk;
  for (int i = 0; i < 5000; ++i) junk.push_back(static_cast<char>((i * 7919) % 256));
  Collected c = Read(junk);
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].status.message().find("binary"), std::string::npos) << c.errors[0].status.message();
}

TEST(ReaderTest, JsonLinesBadLineNamesFileAndLineAndGoesOn) {
  std::string jsonl =
      "{\"title\": \"A\", \"text\": \"First body.\"}\n"
      "{\"title\": \"B\", \"text\": \n"
      "\n"
      "{\"headline\": \"C\", \"maintext\": \"Third body.\", \"date_publish\": \"2024-01-02 03:04:05\"}\n"
      "{\"title\": \"no text\"}\n";
  Collected c;
  ReadBuffer(
      jsonl, "wire.jsonl", ReaderOptions(),
      [&](RawDocument&& d) {
        c.docs.push_back(std::move(d));
        return true;
      },
      [&](const RecordError& e) {
        c.errors.push_back(e);
        return true;
      });
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[1].title, "C");
  EXPECT_EQ(c.docs[1].bytes, "Third body.");
  EXPECT_TRUE(c.docs[1].body_only);
  EXPECT_EQ(c.docs[1].source, "wire.jsonl:4");
  ASSERT_EQ(c.errors.size(), 2u);
  EXPECT_NE(c.errors[0].status.message().find("wire.jsonl:2: invalid JSON"), std::string::npos);
  EXPECT_NE(c.errors[1].status.message().find("wire.jsonl:5"), std::string::npos);
}

TEST(ReaderTest, JsonFieldMappingAndDeepNesting) {
  ReaderOptions o;
  ASSERT_TRUE(ParseFieldSpec("text=story_text", &o.json_fields).ok());
  EXPECT_FALSE(ParseFieldSpec("nonsense", &o.json_fields).ok());
  std::string deep(100000, '[');
  std::string jsonl = "{\"story_text\": \"Mapped body.\", \"text\": \"ignored\"}\n" + deep + "\n";
  Collected c = Read(jsonl, o);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].bytes, "Mapped body.");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].status.message().find("nested"), std::string::npos);
}

TEST(ReaderTest, FeedsRssAndAtom) {
  std::string rss =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>T</title>"
      "<item><title>Caf\xE9 opens &amp; closes</title><link>https://x.example/1</link>"
      "<pubDate>Wed, 05 Mar 2025 10:00:00 GMT</pubDate><description>&lt;p&gt;Body one.&lt;/p&gt;</description></item>"
      "<item><title>Only a title</title><link>https://x.example/2</link></item>"
      "</channel></rss>";
  Collected c = Read(rss);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].title, "Caf\xC3\xA9 opens & closes");
  EXPECT_EQ(c.docs[0].url, "https://x.example/1");
  EXPECT_EQ(c.docs[0].media_type, "text/html");
  EXPECT_TRUE(c.docs[0].fragment);
  EXPECT_EQ(c.docs[0].bytes, "<p>Body one.</p>");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].status.message().find("has no text"), std::string::npos);

  std::string atom =
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title type=\"html\">A &lt;b&gt;b&lt;/b&gt;</title>"
      "<link rel=\"self\" href=\"https://x.example/self\"/><link rel=\"alternate\" href=\"https://x.example/a\"/>"
      "<updated>2025-01-02T00:00:00Z</updated><published>2025-01-01T00:00:00Z</published>"
      "<summary>Plain summary text.</summary></entry></feed>";
  c = Read(atom);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].url, "https://x.example/a");
  EXPECT_EQ(c.docs[0].date, "2025-01-01T00:00:00Z");
  EXPECT_EQ(c.docs[0].bytes, "Plain summary text.");
  EXPECT_TRUE(c.docs[0].body_only);
}

TEST(ReaderTest, ShardsPartitionRecordsDeterministically) {
  std::string jsonl;
  for (int i = 0; i < 50; ++i) jsonl += "{\"title\": \"T" + std::to_string(i) + "\", \"text\": \"Body.\"}\n";
  std::vector<std::string> all;
  for (uint32_t k = 0; k < 3; ++k) {
    ReaderOptions o;
    o.shard_index = k;
    o.shard_count = 3;
    Collected a = Read(jsonl, o), b = Read(jsonl, o);
    ASSERT_EQ(a.docs.size(), b.docs.size());
    for (size_t i = 0; i < a.docs.size(); ++i) {
      EXPECT_EQ(a.docs[i].title, b.docs[i].title);
      all.push_back(a.docs[i].title);
    }
  }
  std::sort(all.begin(), all.end());
  EXPECT_EQ(all.size(), 50u);
  EXPECT_EQ(std::unique(all.begin(), all.end()), all.end());
}

// Text that compresses like prose (about 3:1), not like a run of one byte.
std::string Prose(size_t bytes, uint32_t seed) {
  static const char* kWords[] = {"council", "minister", "said", "on",      "Tuesday",   "bridge",
                                 "talks",   "the",      "a",    "agreed",  "to",        "reopen",
                                 "after",   "weeks",    "of",   "repairs", "officials", "border"};
  std::string out;
  while (out.size() < bytes) {
    seed = seed * 1103515245u + 12345u;
    out += kWords[(seed >> 16) % (sizeof kWords / sizeof kWords[0])];
    out += ' ';
  }
  return out;
}

// Regression: the record limit was applied to the whole gzip member, so `gzip big.jsonl`
// (6,000 articles, 61 MB) yielded 5,115 articles. Here: 3 MB of lines under a 1 MB limit.
TEST(ReaderTest, GzipFileLargerThanTheRecordLimitIsReadWhole) {
  ReaderOptions o;
  o.max_record_bytes = 1 << 20;
  std::string jsonl;
  int lines = 0;
  while (jsonl.size() < (3u << 20)) {
    jsonl += "{\"title\": \"T" + std::to_string(lines) + "\", \"text\": \"" + Prose(1000, lines) + "\"}\n";
    ++lines;
  }
  Collected c = ReadNamed(Gzip(jsonl), "big.jsonl.gz", o);
  EXPECT_TRUE(c.errors.empty()) << c.errors[0].status.message();
  EXPECT_EQ(c.docs.size(), static_cast<size_t>(lines));
}

TEST(ReaderTest, GzipBombInsideJsonLinesIsStoppedPerRecord) {
  std::string jsonl = "{\"title\": \"A\", \"text\": \"First body.\"}\n{\"title\": \"B\", \"text\": \"" +
                      std::string(64 << 20, 'a') + "\"}\n";
  std::string gz = Gzip(jsonl);
  jsonl.clear();
  jsonl.shrink_to_fit();
  Collected c = ReadNamed(gz, "bomb.jsonl.gz");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].title, "A");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].status.message().find("gzip bomb"), std::string::npos) << c.errors[0].status.message();
}

std::string WithContentLength(std::string record, size_t length) {
  size_t at = record.find("Content-Length: ") + 16;
  size_t end = record.find("\r\n", at);
  return record.replace(at, end - at, std::to_string(length));
}

// Regression: a record whose Content-Length is too large swallowed the next good record.
TEST(WarcReaderTest, TooLargeContentLengthStopsAtItsGzipMember) {
  std::string block = HttpOk(Page("One", "One opens."));
  std::string bad =
      Gzip(WithContentLength(WarcRecordText("response", "https://a.example/1", block), block.size() + 400));
  std::string good = Gzip(WarcRecordText("response", "https://a.example/2", HttpOk(Page("Two", "Two opens."))));
  Collected c = Read(bad + good);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].url, "https://a.example/2");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].status.message().find("test.warc.gz@0: Content-Length"), std::string::npos)
      << c.errors[0].status.message();
}

TEST(WarcReaderTest, TooLargeContentLengthInPlainWarcResynchronises) {
  std::string block = HttpOk(Page("One", "One opens."));
  std::string warc = WithContentLength(WarcRecordText("response", "https://a.example/1", block), block.size() + 300) +
                     WarcRecordText("response", "https://a.example/2", HttpOk(Page("Two", "Two opens."))) +
                     WarcRecordText("response", "https://a.example/3", HttpOk(Page("Three", "Three opens.")));
  Collected c = ReadNamed(warc, "plain.warc");
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].url, "https://a.example/2");
  EXPECT_EQ(c.docs[1].url, "https://a.example/3");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].status.message().find("runs into the next WARC record"), std::string::npos)
      << c.errors[0].status.message();
  // The same in a .warc.gz compressed whole (one member for every record).
  c = ReadNamed(Gzip(warc), "whole.warc.gz");
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].url, "https://a.example/2");
  ASSERT_EQ(c.errors.size(), 1u);
  // Over the limit, a plain record is not skipped by its (wrong) length either.
  ReaderOptions o;
  o.max_record_bytes = 1 << 20;
  std::string huge = WithContentLength(WarcRecordText("response", "https://a.example/1", block), 60u << 20) +
                     WarcRecordText("response", "https://a.example/2", HttpOk(Page("Two", "Two opens.")));
  c = ReadNamed(huge, "plain.warc", o);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].url, "https://a.example/2");
}

// Regression: a bad member in the first 4 KB (read ahead to sniff the format) was reported @0.
TEST(WarcReaderTest, CorruptMemberNearTheStartNamesItsOwnOffset) {
  std::string a = Gzip(WarcRecordText("response", "https://a.example/1", HttpOk("<p>One.</p>")));
  std::string b = Gzip(WarcRecordText("response", "https://a.example/2", HttpOk("<p>Two.</p>")));
  std::string c3 = Gzip(WarcRecordText("response", "https://a.example/3", HttpOk(Page("Three", "Three opens."))));
  for (size_t i = 20; i < 40 && i < b.size(); ++i) b[i] = static_cast<char>(b[i] ^ 0x5A);
  ASSERT_LT(a.size() + b.size(), 4096u);
  Collected c = Read(a + b + c3);
  ASSERT_GE(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].status.message().find("test.warc.gz@" + std::to_string(a.size()) + ":"), std::string::npos)
      << c.errors[0].status.message();
  ASSERT_FALSE(c.docs.empty());
  EXPECT_EQ(c.docs.back().url, "https://a.example/3");
}

// Regression: an RSS feed whose DOCTYPE is longer than the sniffed head was read as text.
TEST(ReaderTest, FeedWithLongDoctypeIsAFeed) {
  std::string subset;
  for (int i = 0; i < 300; ++i)
    subset += "<!ENTITY e" + std::to_string(i) + " \"entity number " + std::to_string(i) + "\">\n";
  std::string rss = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n" + subset +
                    "]>\n<rss version=\"2.0\"><channel><title>T</title><item><title>Bridge reopens</title>"
                    "<description>The bridge reopened on Monday after repairs.</description></item></channel></rss>";
  ASSERT_GT(rss.find("<rss"), 4096u);
  Collected c = ReadNamed(rss, "feed.xml");
  EXPECT_TRUE(c.errors.empty());
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].title, "Bridge reopens");
}

TEST(ReaderTest, TablesAndPdfsAreSkippedNotFailed) {
  Collected c =
      ReadNamed("date,place,count\n2024-01-02,Nairobi,3\n2024-01-03,Mombasa,5\n2024-01-04,Kisumu,1\n", "data.txt");
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_TRUE(c.errors[0].skipped);
  EXPECT_EQ(c.errors[0].status.message(), "data.txt: not an article (a table (comma-separated values))");
  c = ReadNamed("%PDF-1.7\nThis looks like text but it is a PDF.\n", "paper.pdf");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_TRUE(c.errors[0].skipped);
  // An article whose lines hold commas is still an article.
  c = ReadNamed(
      "Talks resume, officials say\nThe talks, which stalled in May, resumed on Monday.\nDelegates, "
      "including two ministers, met in Geneva, Switzerland.\nA statement is expected on Friday.\n",
      "article.txt");
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(c.docs.size(), 1u);
}

TEST(ReaderTest, FolderFilesThatAreNotArticlesAreSkippedAndNamesEscaped) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("ng_reader_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "sub");
  auto write = [&](const std::filesystem::path& p, std::string_view text) {
    std::ofstream(p, std::ios::binary) << text;
  };
  write(dir / "README.md", "# About this folder\n");
  write(dir / "counts.csv", "a,b\n1,2\n");
  write(dir / "sub" / "story.txt", "Headline\nBody of the story.\n");
  write(dir / "bad\nname.txt", std::string("\0\1\2binary", 9));
  std::vector<RecordError> errors;
  std::vector<std::string> files = ExpandInputs({dir.string()}, &errors);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[1], (dir / "sub" / "story.txt").string());
  ASSERT_EQ(errors.size(), 2u);
  for (const RecordError& e : errors) EXPECT_TRUE(e.skipped) << e.status.message();
  EXPECT_NE(errors[0].status.message().find("README.md: not an article"), std::string::npos);
  std::vector<RecordError> read_errors;
  ReadFiles(
      files, ReaderOptions(), [](RawDocument&&) { return true; },
      [&](const RecordError& e) {
        read_errors.push_back(e);
        return true;
      });
  ASSERT_EQ(read_errors.size(), 1u);
  EXPECT_EQ(read_errors[0].status.message().find('\n'), std::string::npos) << read_errors[0].status.message();
  EXPECT_NE(read_errors[0].status.message().find("bad\\nname.txt"), std::string::npos);
  EXPECT_EQ(PrintablePath("a\tb\x01"), "a\\tb\\x01");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace newsgraph
