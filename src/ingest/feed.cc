#include "ingest/feed.h"

#include <vector>

#include "core/utf8.h"
#include "ingest/charset.h"
#include "ingest/extract.h"

namespace newsgraph {
namespace {

constexpr size_t kMaxDepth = 256;

std::string_view LocalName(std::string_view qname) {
  size_t colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

// Decodes XML character references and the predefined entities (plus a few HTML ones feeds
// use without declaring them); unknown entities are kept as written.
void AppendDecoded(std::string_view s, std::string* out) {
  static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {{"lt", "<"},
                                                                                {"gt", ">"},
                                                                                {"amp", "&"},
                                                                                {"quot", "\""},
                                                                                {"apos", "'"},
                                                                                {"nbsp", "\xC2\xA0"},
                                                                                {"mdash", "\xE2\x80\x94"},
                                                                                {"ndash", "\xE2\x80\x93"},
                                                                                {"rsquo", "\xE2\x80\x99"},
                                                                                {"lsquo", "\xE2\x80\x98"},
                                                                                {"ldquo", "\xE2\x80\x9C"},
                                                                                {"rdquo", "\xE2\x80\x9D"},
                                                                                {"hellip", "\xE2\x80\xA6"}};
  size_t i = 0;
  while (i < s.size()) {
    size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) {
      out->append(s.substr(i));
      return;
    }
    out->append(s.substr(i, amp - i));
    size_t semi = s.find(';', amp);
    if (semi == std::string_view::npos || semi - amp > 12) {
      out->push_back('&');
      i = amp + 1;
      continue;
    }
    std::string_view name = s.substr(amp + 1, semi - amp - 1);
    bool done = false;
    if (name.size() > 1 && name[0] == '#') {
      char32_t cp = 0;
      bool hex = name[1] == 'x' || name[1] == 'X';
      bool ok = name.size() > (hex ? 2u : 1u);
      for (char c : name.substr(hex ? 2 : 1)) {
        int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                : hex && std::isxdigit(static_cast<unsigned char>(c))
                    ? (std::tolower(static_cast<unsigned char>(c)) - 'a' + 10)
                    : -1;
        if (d < 0 || cp > 0x10FFFF) {
          ok = false;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(d);
      }
      if (ok && cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
        utf8::Append(cp, out);
        done = true;
      }
    } else {
      for (const auto& [n, v] : kEntities) {
        if (name == n) {
          out->append(v);
          done = true;
          break;
        }
      }
    }
    if (done) {
      i = semi + 1;
    } else {
      out->push_back('&');
      i = amp + 1;
    }
  }
}

// Inner source of an element → its text: CDATA sections taken literally, the rest decoded.
std::string DecodeInner(std::string_view raw) {
  std::string out;
  size_t i = 0;
  while (i < raw.size()) {
    size_t cd = raw.find("<![CDATA[", i);
    if (cd == std::string_view::npos) {
      AppendDecoded(raw.substr(i), &out);
      break;
    }
    AppendDecoded(raw.substr(i, cd - i), &out);
    size_t end = raw.find("]]>", cd + 9);
    if (end == std::string_view::npos) end = raw.size();
    out.append(raw.substr(cd + 9, end - cd - 9));
    i = end + 3;
  }
  return out;
}

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::string AttrValue(std::string_view tag, std::string_view name) {
  size_t pos = 0;
  while (true) {
    size_t p = tag.find(name, pos);
    if (p == std::string_view::npos) return {};
    pos = p + name.size();
    if (p > 0 && !std::isspace(static_cast<unsigned char>(tag[p - 1]))) continue;
    size_t q = p + name.size();
    while (q < tag.size() && std::isspace(static_cast<unsigned char>(tag[q]))) ++q;
    if (q >= tag.size() || tag[q] != '=') continue;
    ++q;
    while (q < tag.size() && std::isspace(static_cast<unsigned char>(tag[q]))) ++q;
    if (q >= tag.size() || (tag[q] != '"' && tag[q] != '\'')) continue;
    size_t e = tag.find(tag[q], q + 1);
    if (e == std::string_view::npos) return {};
    std::string out;
    AppendDecoded(tag.substr(q + 1, e - q - 1), &out);
    return out;
  }
}

struct Item {
  uint64_t offset = 0;
  std::string title, link, date, content, description, language;
  bool content_is_xhtml = false;
};

struct Open {
  std::string name;   // qualified, lower case
  size_t inner = 0;   // where its content starts
  std::string attrs;  // raw attribute text
};

}  // namespace

Status ParseFeed(std::string_view bytes, const std::string& file, const std::string& charset,
                 const std::function<void(RawDocument&&)>& on_item,
                 const std::function<void(const Status&, uint64_t offset)>& on_error) {
  std::string xml;
  std::vector<std::string> warnings;
  ConvertToUtf8(bytes, charset.empty() ? SniffDeclaredCharset(bytes) : charset, file, &xml, &warnings);
  std::vector<Open> stack;
  bool is_feed = false;
  int item_depth = -1;  // stack depth of the open item/entry, -1 when none
  Item item;
  std::string feed_language;
  size_t i = 0;
  size_t items = 0;
  auto finish_item = [&]() {
    ++items;
    std::string where = file + "@" + std::to_string(item.offset);
    RawDocument doc;
    doc.file = file;
    doc.offset = item.offset;
    doc.source = where;
    doc.title = Trim(item.title);
    doc.url = Trim(item.link);
    doc.date = Trim(item.date);
    doc.language = !item.language.empty() ? item.language : feed_language;
    std::string text = Trim(!item.content.empty() ? item.content : item.description);
    if (text.empty()) {
      on_error(Status::InvalidArgument(where + ": feed item '" + doc.title.substr(0, 80) +
                                       "' has no text (no content or description)"),
               item.offset);
      return;
    }
    doc.bytes = std::move(text);
    if (item.content_is_xhtml || SniffMediaType(doc.bytes) == "text/html" ||
        doc.bytes.find("</") != std::string::npos || doc.bytes.find("<br") != std::string::npos) {
      doc.media_type = "text/html";
      doc.fragment = true;
    } else {
      doc.media_type = "text/plain";
      doc.body_only = true;
    }
    doc.charset = "utf-8";
    on_item(std::move(doc));
  };
  while (i < xml.size()) {
    size_t lt = xml.find('<', i);
    if (lt == std::string::npos) break;
    std::string_view rest = std::string_view(xml).substr(lt);
    if (rest.starts_with("<!--")) {
      size_t e = xml.find("-->", lt + 4);
      i = e == std::string::npos ? xml.size() : e + 3;
      continue;
    }
    if (rest.starts_with("<![CDATA[")) {
      size_t e = xml.find("]]>", lt + 9);
      i = e == std::string::npos ? xml.size() : e + 3;
      continue;
    }
    if (rest.starts_with("<?")) {
      size_t e = xml.find("?>", lt + 2);
      i = e == std::string::npos ? xml.size() : e + 2;
      continue;
    }
    if (rest.starts_with("<!")) {
      size_t gt = xml.find('>', lt);
      size_t br = xml.find('[', lt);
      if (br != std::string::npos && (gt == std::string::npos || br < gt)) {
        size_t e = xml.find("]>", br);
        i = e == std::string::npos ? xml.size() : e + 2;
      } else {
        i = gt == std::string::npos ? xml.size() : gt + 1;
      }
      continue;
    }
    // A tag: find its end outside quoted attribute values.
    size_t gt = lt + 1;
    char quote = 0;
    while (gt < xml.size() && (quote != 0 || xml[gt] != '>')) {
      if (quote == 0 && (xml[gt] == '"' || xml[gt] == '\'')) {
        quote = xml[gt];
      } else if (quote != 0 && xml[gt] == quote) {
        quote = 0;
      }
      ++gt;
    }
    if (gt >= xml.size()) break;
    i = gt + 1;
    std::string_view tag = std::string_view(xml).substr(lt + 1, gt - lt - 1);
    bool end = tag.starts_with("/");
    if (end) tag.remove_prefix(1);
    size_t name_end = 0;
    while (name_end < tag.size() && !std::isspace(static_cast<unsigned char>(tag[name_end])) && tag[name_end] != '/')
      ++name_end;
    if (name_end == 0) continue;
    std::string name = utf8::AsciiLower(tag.substr(0, name_end));
    std::string_view local = LocalName(name);
    if (!end) {
      bool self_closing = tag.ends_with("/");
      if (!is_feed && (local == "rss" || local == "feed" || local == "rdf")) is_feed = true;
      if ((local == "channel" || local == "feed") && feed_language.empty()) {
        std::string lang = AttrValue(tag, "xml:lang");
        if (!lang.empty()) feed_language = lang;
      }
      if (item_depth >= 0 && static_cast<int>(stack.size()) == item_depth + 1 && local == "link") {
        // Atom: <link rel="alternate" href="..."/>; the first alternate (or rel-less) link.
        std::string rel = AttrValue(tag, "rel");
        std::string href = AttrValue(tag, "href");
        if (!href.empty() && (rel.empty() || rel == "alternate") && item.link.empty()) item.link = href;
      }
      if (self_closing) continue;
      if ((local == "item" || local == "entry") && item_depth < 0) {
        item = Item();
        item.offset = lt;
        item_depth = static_cast<int>(stack.size());
      }
      if (stack.size() >= kMaxDepth) continue;  // too deep: treated as text
      stack.push_back(Open{name, gt + 1, std::string(tag.substr(name_end))});
      continue;
    }
    // End tag: close up to the matching open element (lenient about unclosed ones).
    size_t match = stack.size();
    while (match > 0 && stack[match - 1].name != name) --match;
    if (match == 0) continue;
    Open open = std::move(stack[match - 1]);
    stack.resize(match - 1);
    if (item_depth >= 0 && static_cast<int>(stack.size()) == item_depth + 1) {
      std::string_view raw = std::string_view(xml).substr(open.inner, lt - open.inner);
      if (name == "title") {
        item.title = DecodeInner(raw);
      } else if (name == "link" && item.link.empty()) {
        item.link = DecodeInner(raw);
      } else if (name == "content:encoded" || local == "content") {
        std::string type = AttrValue(open.attrs, "type");
        item.content_is_xhtml = type == "xhtml";
        item.content = item.content_is_xhtml ? std::string(raw) : DecodeInner(raw);
      } else if (name == "description" || local == "summary") {
        item.description = DecodeInner(raw);
      } else if (name == "pubdate" || name == "dc:date" || local == "published" || local == "issued") {
        item.date = DecodeInner(raw);
      } else if (local == "updated" && item.date.empty()) {
        item.date = DecodeInner(raw);
      } else if (name == "dc:language") {
        item.language = DecodeInner(raw);
      }
    } else if (item_depth < 0 && name == "language") {
      feed_language = Trim(DecodeInner(std::string_view(xml).substr(open.inner, lt - open.inner)));
    }
    if (item_depth >= 0 && static_cast<int>(stack.size()) == item_depth) {
      finish_item();
      item_depth = -1;
    }
  }
  if (!is_feed) return Status::InvalidArgument(file + ": not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed>)");
  if (item_depth >= 0) {
    on_error(Status::Corrupt(file + "@" + std::to_string(item.offset) + ": feed ends inside an item"), item.offset);
  }
  (void)items;
  return Status::Ok();
}

}  // namespace newsgraph
