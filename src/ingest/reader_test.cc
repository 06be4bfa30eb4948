#include "ingest/reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

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

Collected Read(std::string_view bytes, const ReaderOptions& options = ReaderOptions()) {
  Collected c;
  ReadBuffer(
      bytes, "test.warc.gz", options,
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
                     WarcRecordText("response", "https://a.example/2", HttpOk(Page("Kept", "Kept story.")));
  Collected c = Read(warc);
  EXPECT_TRUE(c.errors.empty());
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].url, "https://a.example/2");
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
  EXPECT_NE(c.errors[0].status.message().find("more than 50 MB"), std::string::npos) << c.errors[0].status.message();
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

}  // namespace
}  // namespace newsgraph
