#include "ingest/html.h"

#include <gumbo.h>

#include <algorithm>
#include <bitset>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/data.h"
#include "core/utf8.h"
#include "ingest/charset.h"
#include "ingest/date.h"
#include "ingest/html_guard.h"
#include "ingest/json_guard.h"

namespace newsgraph {
namespace {

constexpr int kMaxNesting = 512;
constexpr size_t kMinArticleBytes = 40;  // about one sentence

// ---- gumbo allocations come from a per-thread arena, released in one step: faster than
// malloc/free per node, and it avoids gumbo_destroy_output, which recurses over the tree.
class Arena {
 public:
  ~Arena() {
    for (Block& b : blocks_) std::free(b.data);
  }
  void* Allocate(size_t n) {
    n = (n + 15) & ~size_t{15};
    while (cur_ < blocks_.size()) {
      Block& b = blocks_[cur_];
      if (b.used + n <= b.size) {
        void* p = b.data + b.used;
        b.used += n;
        return p;
      }
      ++cur_;
    }
    size_t size = std::max(kBlockSize, n);
    char* data = static_cast<char*>(std::malloc(size));
    if (data == nullptr) std::abort();  // out of memory: nothing sensible is left to do
    blocks_.push_back({data, size, n});
    cur_ = blocks_.size() - 1;
    return data;
  }
  // Forgets every allocation; keeps up to kRetain bytes of blocks for the next page.
  void Reset() {
    size_t kept = 0, i = 0;
    for (; i < blocks_.size() && kept + blocks_[i].size <= kRetain; ++i) {
      blocks_[i].used = 0;
      kept += blocks_[i].size;
    }
    for (size_t j = i; j < blocks_.size(); ++j) std::free(blocks_[j].data);
    blocks_.resize(i);
    cur_ = 0;
  }

 private:
  static constexpr size_t kBlockSize = 1 << 20;
  static constexpr size_t kRetain = 8 << 20;
  struct Block {
    char* data;
    size_t size;
    size_t used;
  };
  std::vector<Block> blocks_;
  size_t cur_ = 0;
};

void* ArenaAllocate(void* arena, size_t n) { return static_cast<Arena*>(arena)->Allocate(n); }
void ArenaFree(void*, void*) {}

// ---- class / id / role words (data/ingest/html_classes.tsv).
enum class WordKind : uint8_t { kNone, kDrop, kDropSmall, kNegative, kPositive, kByline };

// A small set of lower-case phrases (up to 64) found in text with ASCII case folded, by one
// pass over the text: a bitmap of the phrases' first three bytes tells the few positions
// worth comparing.
class PhraseSet {
 public:
  // REQUIRES: `lower` is lower case and at least 3 bytes; at most 64 phrases.
  bool Add(std::string_view lower) {
    if (lower.size() < 3 || phrases_.size() >= 64) return false;
    phrases_.emplace_back(lower);
    keys_.push_back(static_cast<uint16_t>(Key(lower[0], lower[1], lower[2])));
    starts_.set(keys_.back());
    return true;
  }
  // How many different phrases `text` holds, counting no further than `enough`.
  int Count(std::string_view text, int enough) const {
    uint64_t found = 0;
    int n = 0;
    for (size_t i = 0; i + 3 <= text.size(); ++i) {
      size_t key = Key(Fold(text[i]), Fold(text[i + 1]), Fold(text[i + 2]));
      if (!starts_.test(key)) continue;
      for (size_t k = 0; k < phrases_.size(); ++k) {
        const std::string& p = phrases_[k];
        if (keys_[k] != key || (found >> k & 1) || p.size() > text.size() - i) continue;
        size_t j = 0;
        while (j < p.size() && Fold(text[i + j]) == p[j]) ++j;
        if (j == p.size()) {
          found |= uint64_t{1} << k;
          if (++n >= enough) return n;
        }
      }
    }
    return n;
  }

 private:
  static char Fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
  static size_t Key(char a, char b, char c) {
    return (static_cast<unsigned char>(a) * 961u + static_cast<unsigned char>(b) * 31u +
            static_cast<unsigned char>(c)) &
           0xFFFFu;
  }
  std::vector<std::string> phrases_;
  std::vector<uint16_t> keys_;
  std::bitset<65536> starts_;
};

struct ClassWords {
  std::unordered_map<std::string, WordKind> words;
  // data/ingest/notices.tsv: parts of consent managers' class/id names, consent wording,
  // comment-moderation wording.
  PhraseSet consent_markup, consent_phrases, notice_phrases, footer_phrases;
};

StatusOr<const ClassWords*> LoadClassWords() {
  static const StatusOr<const ClassWords*> loaded = []() -> StatusOr<const ClassWords*> {
    auto text = ReadDataFile("ingest/html_classes.tsv");
    if (!text.ok()) return text.status();
    auto* cw = new ClassWords();
    for (const DataLine& line : ParseTsv(*text)) {
      if (line.fields.size() < 2) {
        return Status::Corrupt("ingest/html_classes.tsv:" + std::to_string(line.line_number) +
                               ": expected kind<TAB>word");
      }
      WordKind k = line.fields[0] == "drop"         ? WordKind::kDrop
                   : line.fields[0] == "drop_small" ? WordKind::kDropSmall
                   : line.fields[0] == "negative"   ? WordKind::kNegative
                   : line.fields[0] == "positive"   ? WordKind::kPositive
                   : line.fields[0] == "byline"     ? WordKind::kByline
                                                    : WordKind::kNone;
      if (k == WordKind::kNone) {
        return Status::Corrupt("ingest/html_classes.tsv:" + std::to_string(line.line_number) + ": unknown kind '" +
                               std::string(line.fields[0]) + "'");
      }
      cw->words[utf8::AsciiLower(line.fields[1])] = k;
    }
    auto notices = ReadDataFile("ingest/notices.tsv");
    if (!notices.ok()) return notices.status();
    for (const DataLine& line : ParseTsv(*notices)) {
      std::string_view kind = line.fields.empty() ? std::string_view() : line.fields[0];
      PhraseSet* list = kind == "markup"   ? &cw->consent_markup
                        : kind == "phrase" ? &cw->consent_phrases
                        : kind == "notice" ? &cw->notice_phrases
                        : kind == "footer" ? &cw->footer_phrases
                                           : nullptr;
      if (line.fields.size() < 2 || list == nullptr) {
        return Status::Corrupt("ingest/notices.tsv:" + std::to_string(line.line_number) +
                               ": expected markup|phrase|notice|footer<TAB>text");
      }
      if (!list->Add(utf8::AsciiLower(line.fields[1]))) {
        return Status::Corrupt("ingest/notices.tsv:" + std::to_string(line.line_number) +
                               ": a text of at least 3 bytes, at most 64 of a kind");
      }
    }
    return cw;
  }();
  return loaded;
}

struct ClassVerdict {
  bool drop = false, drop_small = false, positive = false, negative = false, byline = false;
};

void ClassifyWords(const ClassWords& cw, std::string_view names, ClassVerdict* v) {
  std::string word;
  for (size_t i = 0; i <= names.size(); ++i) {
    char c = i < names.size() ? names[i] : ' ';
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      word.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (!word.empty()) {
      auto it = cw.words.find(word);
      if (it != cw.words.end()) {
        switch (it->second) {
          case WordKind::kDrop:
            v->drop = true;
            break;
          case WordKind::kDropSmall:
            v->drop_small = true;
            break;
          case WordKind::kNegative:
            v->negative = true;
            break;
          case WordKind::kPositive:
            v->positive = true;
            break;
          case WordKind::kByline:
            v->byline = true;
            break;
          case WordKind::kNone:
            break;
        }
      }
      word.clear();
    }
  }
}

// ---- tags.
bool IsVoidOrImplied(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "area",   "base",  "br",    "col",    "embed",    "hr",       "img",     "input",   "link",   "meta",     "param",
      "source", "track", "wbr",   "keygen", "p",        "li",       "dt",      "dd",      "option", "optgroup", "tr",
      "td",     "th",    "tbody", "thead",  "tfoot",    "colgroup", "caption", "rb",      "rt",     "rtc",      "rp",
      "html",   "head",  "body",  "image",  "basefont", "bgsound",  "frame",   "menuitem"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

bool IsRawText(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp" ||
         name == "iframe" || name == "noembed" || name == "noframes" || name == "plaintext" || name == "noscript";
}

bool IsSkippedTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_FRAME:
      return true;
    default:
      return false;
  }
}

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGURE:  // its caption is skipped; a table or quotation in it is text
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

bool IsHeading(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 ||
         t == GUMBO_TAG_H6;
}

const char* Attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a == nullptr ? nullptr : a->value;
}

std::string Lower(const char* s) { return s == nullptr ? std::string() : utf8::AsciiLower(s); }

// Appends `text` to `out` with runs of ASCII white space collapsed into one space.
// Returns the number of bytes appended.
size_t AppendCollapsed(std::string_view text, std::string* out) {
  size_t before = out->size();
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      if (!out->empty() && out->back() != ' ') out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
  return out->size() - before;
}

std::string TrimCopy(std::string_view s) {
  size_t b = s.find_first_not_of(' ');
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(' ');
  return std::string(s.substr(b, e - b + 1));
}

// ---- the walk's products.
struct Elem {
  int32_t parent = -1;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  int8_t class_weight = 0;
  bool drop_small = false;  // boilerplate unless it holds most of the page's paragraphs
  uint32_t text = 0;        // bytes of block text in the subtree
  uint32_t links = 0;
  double score = 0;
  bool scored = false;
  bool markup_body = false;  // itemprop=articleBody
};

struct Block {
  int32_t owner = -1;  // Elem index
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  std::string text;
  uint32_t link_bytes = 0;
};

struct Meta {
  // Candidates in priority order (lower rank wins).
  std::string og_title, ld_headline, title_tag, site_name;
  std::vector<std::string> h1s;
  std::string byline, ld_author, meta_author;
  std::string date_meta, ld_date, time_date, time_date_any;
  int date_meta_rank = 1000;
  std::string canonical, og_url, ld_url;
  std::string lang_attr, lang_meta, ld_lang;
  std::string ld_body;
};

int DateMetaRank(std::string_view key) {
  static constexpr std::string_view kKeys[] = {"article:published_time",
                                               "og:article:published_time",
                                               "datepublished",
                                               "article:published",
                                               "published_time",
                                               "publishdate",
                                               "publish_date",
                                               "publish-date",
                                               "pubdate",
                                               "dc.date.issued",
                                               "dcterms.issued",
                                               "dc.date.created",
                                               "dcterms.created",
                                               "dc.date",
                                               "dcterms.date",
                                               "sailthru.date",
                                               "parsely-pub-date",
                                               "date",
                                               "article.published",
                                               "og:pubdate",
                                               "release_date",
                                               "created"};
  for (size_t i = 0; i < std::size(kKeys); ++i) {
    if (key == kKeys[i]) return static_cast<int>(i);
  }
  return -1;
}

std::string NormalizeLanguage(std::string_view tag) {
  std::string t = TrimCopy(tag.substr(0, 35));
  for (char& c : t) {
    if (c == '_') c = '-';
  }
  size_t dash = t.find('-');
  std::string primary = utf8::AsciiLower(t.substr(0, dash));
  if (primary.size() < 2 || primary.size() > 3 ||
      !std::all_of(primary.begin(), primary.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
    return {};
  if (dash == std::string::npos) return primary;
  std::string rest = t.substr(dash);
  if (rest.size() == 3) {  // region: en-US
    for (char& c : rest) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return primary + rest;
}

bool HasArticleType(const nlohmann::json& type) {
  auto is_article = [](const nlohmann::json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    return s.find("Article") != std::string::npos || s == "BlogPosting" || s == "LiveBlogPosting" || s == "Report" ||
           s == "SocialMediaPosting";
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), is_article);
  return is_article(type);
}

std::string JsonText(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_object()) {
    auto it = j.find("name");
    if (it != j.end() && it->is_string()) return it->get<std::string>();
    it = j.find("@id");
    if (it != j.end() && it->is_string()) return it->get<std::string>();
  }
  if (j.is_array()) {
    std::string out;
    for (const auto& e : j) {
      std::string s = JsonText(e);
      if (s.empty()) continue;
      if (!out.empty()) out += j.size() == 2 ? " and " : ", ";
      out += s;
    }
    return out;
  }
  return {};
}

// JSON-LD: the first object typed as an article supplies headline, date, author, language,
// URL and articleBody. Walked with an explicit stack (nesting is bounded by JsonNestingWithin).
void ReadJsonLd(std::string_view text, Meta* meta) {
  if (!JsonNestingWithin(text, 64)) return;
  nlohmann::json root = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded()) return;
  std::vector<const nlohmann::json*> stack{&root};
  while (!stack.empty()) {
    const nlohmann::json* j = stack.back();
    stack.pop_back();
    if (j->is_array()) {
      for (auto it = j->rbegin(); it != j->rend(); ++it) stack.push_back(&*it);
      continue;
    }
    if (!j->is_object()) continue;
    auto type = j->find("@type");
    if (type != j->end() && HasArticleType(*type)) {
      auto take = [&](const char* key, std::string* out) {
        auto it = j->find(key);
        if (it != j->end() && out->empty()) *out = TrimCopy(JsonText(*it));
      };
      take("headline", &meta->ld_headline);
      take("datePublished", &meta->ld_date);
      take("dateCreated", &meta->ld_date);
      take("author", &meta->ld_author);
      take("inLanguage", &meta->ld_lang);
      take("url", &meta->ld_url);
      take("articleBody", &meta->ld_body);
    }
    auto graph = j->find("@graph");
    if (graph != j->end()) stack.push_back(&*graph);
    auto main = j->find("mainEntity");
    if (main != j->end()) stack.push_back(&*main);
  }
}

// "By Ann Lee · 22 June 2025" → "Ann Lee": the leading "By" and anything from a date,
// a separator or a digit on are dropped; long texts (author biographies) and URLs are not
// bylines.
std::string StripBy(std::string s) {
  s = TrimCopy(s);
  std::string l = utf8::AsciiLower(s.substr(0, 3));
  if (l == "by " || l == "by:") s = TrimCopy(s.substr(3));
  if (s.size() > 120 || s.starts_with("http")) return {};
  size_t cut = s.find_first_of("0123456789|");
  for (std::string_view sep : {"\xC2\xB7", "\xE2\x80\xA2", " - ", "\xE2\x80\x94"}) cut = std::min(cut, s.find(sep));
  if (cut != std::string::npos) s = s.substr(0, cut);
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == ':')) s.pop_back();
  return s;
}

// Drops " | Site", " - Site", " — Site" from a <title>/og:title when the tail names the
// site (og:site_name) or when it is a short tail after the last separator.
std::string StripSiteSuffix(const std::string& title, const std::string& site, const std::vector<Block>& blocks,
                            const std::vector<std::string>& h1s) {
  static constexpr std::string_view kSeps[] = {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: ", " \xC2\xB7 "};
  for (std::string_view sep : kSeps) {
    size_t p = title.rfind(sep);
    if (p == std::string::npos || p == 0) continue;
    std::string tail = title.substr(p + sep.size());
    bool names_site = !site.empty() && utf8::AsciiLower(tail) == utf8::AsciiLower(site);
    // Or the part before the separator is a heading of the page.
    std::string head = title.substr(0, p);
    bool head_is_heading =
        std::any_of(blocks.begin(), blocks.end(), [&](const Block& b) { return IsHeading(b.tag) && b.text == head; }) ||
        std::find(h1s.begin(), h1s.end(), head) != h1s.end();
    if (names_site || head_is_heading) return head;
  }
  return title;
}

// Block-level elements, and those a browser lays out as blocks, end a run of text.
bool BreaksText(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_BR:
      return true;
    default:
      return IsBlockTag(t);
  }
}

std::string UnknownTagName(const GumboElement& e) {
  GumboStringPiece piece = e.original_tag;
  if (piece.data == nullptr || piece.length == 0) return {};
  gumbo_tag_from_original_text(&piece);  // "<amp-ad width=…>" -> "amp-ad"
  return utf8::AsciiLower(std::string_view(piece.data, piece.length));
}

// AMP's widgets: consent dialogs, ads, sidebars (menus), share buttons, analytics.
bool IsSkippedCustomElement(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "amp-consent", "amp-ad",        "amp-embed",        "amp-sticky-ad",         "amp-auto-ads",
      "amp-sidebar", "amp-analytics", "amp-social-share", "amp-user-notification", "amp-geo",
      "amp-iframe",  "amp-lightbox",  "amp-pixel",        "amp-call-tracking"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// Whether a class or id names a consent manager's container (notices.tsv `markup`).
bool NamesConsentManager(const char* names, const PhraseSet& markup) {
  return names != nullptr && markup.Count(names, 1) > 0;
}

// A table cell that holds block content (paragraphs, line breaks, lists, nested tables) or
// more than 300 bytes of text lays the page out; any other cell holds data. Looks at no more
// than 64 nodes of the cell.
bool IsLayoutCell(const GumboNode* cell) {
  std::vector<const GumboNode*> stack{cell};
  size_t text = 0;
  int visited = 0;
  while (!stack.empty()) {
    if (++visited > 64) return true;
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT) {
      text += std::strlen(n->v.text.text);
      if (text > 300) return true;
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    GumboTag t = n->v.element.tag;
    if (n != cell && ((IsBlockTag(t) && t != GUMBO_TAG_CAPTION) || t == GUMBO_TAG_BR)) return true;
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = 0; i < ch.length; ++i) stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
  }
  return false;
}

// ---- the walk.
class PageWalker {
 public:
  explicit PageWalker(const ClassWords& cw) : cw_(cw) {}

  void Walk(const GumboNode* root);
  Meta& meta() { return meta_; }
  std::vector<Elem>& elems() { return elems_; }
  const std::vector<Block>& blocks() const { return blocks_; }

 private:
  struct Frame {
    const GumboNode* node;
    bool exit;
    bool skip;            // inside a region left out of the body
    int32_t elem;         // entering: the nearest kept ancestor's mirror index; exiting: this
                          // element's own index (-1 when it is not mirrored)
    int32_t prev_owner;   // block owner to restore on exit
    bool block;           // this element started a block
    bool capture_byline;  // this element's text is the byline
    bool capture_h1;
    bool link;
  };

  void Enter(const Frame& f, std::vector<Frame>* stack);
  void Exit(const Frame& f);
  void Text(std::string_view text, bool skip);
  void Flush();
  void ReadHead(const GumboNode* node, const GumboElement& e);

  const ClassWords& cw_;
  Meta meta_;
  std::vector<Elem> elems_;
  std::vector<Block> blocks_;
  Block cur_;
  int32_t owner_ = -1;
  int link_depth_ = 0;
  std::string* capture_ = nullptr;
  std::string byline_buf_, h1_buf_;
  bool in_h1_ = false;
};

void PageWalker::Walk(const GumboNode* root) {
  std::vector<Frame> stack;
  stack.push_back(Frame{root, false, false, -1, -1, false, false, false, false});
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    if (f.exit) {
      Exit(f);
      continue;
    }
    switch (f.node->type) {
      case GUMBO_NODE_DOCUMENT: {
        const GumboVector& ch = f.node->v.document.children;
        for (unsigned i = ch.length; i-- > 0;) {
          stack.push_back(
              Frame{static_cast<const GumboNode*>(ch.data[i]), false, f.skip, -1, -1, false, false, false, false});
        }
        break;
      }
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        Enter(f, &stack);
        break;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        Text(f.node->v.text.text, f.skip);
        break;
      default:
        break;
    }
  }
  Flush();
}

void PageWalker::ReadHead(const GumboNode* node, const GumboElement& e) {
  switch (e.tag) {
    case GUMBO_TAG_META: {
      const char* content = Attr(e, "content");
      if (content == nullptr) return;
      const char* k = Attr(e, "property");
      if (k == nullptr) k = Attr(e, "name");
      if (k == nullptr) k = Attr(e, "itemprop");
      if (k == nullptr) k = Attr(e, "http-equiv");
      if (k == nullptr) return;
      std::string key = Lower(k);
      std::string value = TrimCopy(content);
      if (value.empty()) return;
      if (key == "og:title" || key == "twitter:title") {
        if (meta_.og_title.empty()) meta_.og_title = value;
      } else if (key == "og:site_name" || key == "application-name") {
        if (meta_.site_name.empty()) meta_.site_name = value;
      } else if (key == "author" || key == "byl" || key == "article:author" || key == "sailthru.author" ||
                 key == "parsely-author" || key == "dc.creator" || key == "dcterms.creator") {
        if (meta_.meta_author.empty()) meta_.meta_author = StripBy(value);
      } else if (key == "og:url") {
        if (meta_.og_url.empty()) meta_.og_url = value;
      } else if (key == "og:locale" || key == "content-language" || key == "language" || key == "dc.language") {
        if (meta_.lang_meta.empty()) meta_.lang_meta = value;
      } else if (int rank = DateMetaRank(key); rank >= 0 && rank < meta_.date_meta_rank) {
        if (!NormalizeDate(value).empty()) {
          meta_.date_meta = value;
          meta_.date_meta_rank = rank;
        }
      }
      return;
    }
    case GUMBO_TAG_LINK: {
      const char* rel = Attr(e, "rel");
      const char* href = Attr(e, "href");
      if (rel != nullptr && href != nullptr && Lower(rel) == "canonical" && meta_.canonical.empty()) {
        meta_.canonical = TrimCopy(href);
      }
      return;
    }
    case GUMBO_TAG_SCRIPT: {
      const char* type = Attr(e, "type");
      if (type == nullptr || Lower(type).find("ld+json") == std::string::npos) return;
      for (unsigned i = 0; i < e.children.length; ++i) {
        const auto* c = static_cast<const GumboNode*>(e.children.data[i]);
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) ReadJsonLd(c->v.text.text, &meta_);
      }
      return;
    }
    case GUMBO_TAG_TITLE: {
      if (!meta_.title_tag.empty()) return;
      std::string t;
      for (unsigned i = 0; i < e.children.length; ++i) {
        const auto* c = static_cast<const GumboNode*>(e.children.data[i]);
        if (c->type == GUMBO_NODE_TEXT) AppendCollapsed(c->v.text.text, &t);
      }
      meta_.title_tag = TrimCopy(t);
      return;
    }
    case GUMBO_TAG_TIME: {
      const char* dt = Attr(e, "datetime");
      if (dt == nullptr || NormalizeDate(dt).empty()) return;
      const char* itemprop = Attr(e, "itemprop");
      std::string cls = Lower(Attr(e, "class"));
      bool published = (itemprop != nullptr && Lower(itemprop) == "datepublished") || Attr(e, "pubdate") != nullptr ||
                       cls.find("publish") != std::string::npos;
      if (published && meta_.time_date.empty()) meta_.time_date = dt;
      if (meta_.time_date_any.empty()) meta_.time_date_any = dt;
      return;
    }
    case GUMBO_TAG_HTML: {
      const char* lang = Attr(e, "lang");
      if (lang == nullptr) lang = Attr(e, "xml:lang");
      if (lang != nullptr) meta_.lang_attr = lang;
      return;
    }
    default: {
      const char* itemprop = Attr(e, "itemprop");
      if (itemprop != nullptr && Lower(itemprop) == "datepublished") {
        const char* v = Attr(e, "content");
        if (v == nullptr) v = Attr(e, "datetime");
        if (v != nullptr && meta_.time_date.empty() && !NormalizeDate(v).empty()) meta_.time_date = v;
      }
      return;
    }
  }
  (void)node;
}

void PageWalker::Enter(const Frame& f, std::vector<Frame>* stack) {
  const GumboElement& e = f.node->v.element;
  ReadHead(f.node, e);
  GumboTag tag = e.tag;
  // An element left out of the body still ends the text run around it when it is laid out
  // as a block: "… in New York.<figure>…</figure>Reuters said …" is two runs.
  auto leave_out = [&] {
    if (BreaksText(tag)) Flush();
  };
  if (IsSkippedTag(tag) || tag == GUMBO_TAG_TITLE) return leave_out();
  if (tag == GUMBO_TAG_UNKNOWN) {
    // Custom elements: AMP's widgets carry no article text; any other one separates words.
    std::string name = UnknownTagName(e);
    if (IsSkippedCustomElement(name)) return;
    if (!cur_.text.empty() && cur_.text.back() != ' ') cur_.text.push_back(' ');
  }

  bool skip = f.skip || tag == GUMBO_TAG_HEAD;
  bool capture_byline = false;
  bool capture_h1 = false;
  bool drop_small = false;
  bool markup_body = false;
  int8_t weight = 0;
  if (tag == GUMBO_TAG_HEADER) skip = true;
  if (Attr(e, "hidden") != nullptr) return leave_out();
  if (const char* aria = Attr(e, "aria-hidden"); aria != nullptr && std::strcmp(aria, "true") == 0) {
    return leave_out();
  }
  if (const char* style = Attr(e, "style"); style != nullptr) {
    std::string s = Lower(style);
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    if (s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos) {
      return leave_out();
    }
  }
  const char* cls = Attr(e, "class");
  const char* id = Attr(e, "id");
  const char* role = Attr(e, "role");
  const char* itemprop = Attr(e, "itemprop");
  const char* rel = Attr(e, "rel");
  if (cls != nullptr || id != nullptr || role != nullptr || itemprop != nullptr || rel != nullptr) {
    ClassVerdict v;
    if (cls != nullptr) ClassifyWords(cw_, cls, &v);
    if (id != nullptr) ClassifyWords(cw_, id, &v);
    std::string r = Lower(role);
    if (r == "navigation" || r == "complementary" || r == "contentinfo" || r == "banner" || r == "menu" ||
        r == "dialog" || r == "alertdialog" || r == "search") {
      v.drop = true;
    }
    std::string ip = Lower(itemprop);
    std::string rl = Lower(rel);
    if (ip == "articlebody" || r == "main" || r == "article") v.positive = true;
    if (ip == "author" || rl == "author") v.byline = true;
    markup_body = ip == "articlebody";
    bool body_like = tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_ARTICLE ||
                     tag == GUMBO_TAG_MAIN || markup_body;
    // A consent manager's container, named by its vendor ("CybotCookiebotDialog",
    // "qc-cmp2-container", "onetrust-banner-sdk"): left out whatever other words it has.
    if (!body_like && (NamesConsentManager(cls, cw_.consent_markup) || NamesConsentManager(id, cw_.consent_markup))) {
      return leave_out();
    }
    if (v.byline && !body_like) {
      skip = true;
      if (capture_ == nullptr) capture_byline = true;
    } else if (v.drop && !v.positive && !body_like) {
      return leave_out();  // boilerplate region: not even walked
    }
    drop_small = v.drop_small && !v.positive && !body_like;
    weight = static_cast<int8_t>((v.positive ? 25 : 0) - (v.negative ? 25 : 0) + (markup_body ? 50 : 0));
  }
  if (tag == GUMBO_TAG_H1) {
    capture_h1 = !in_h1_;
    in_h1_ = true;
  }
  // A table cell with only inline content is data: it is read as part of its row's text
  // ("Rovers | 12 | 8 | 27"). A cell holding paragraphs, breaks or long text is layout.
  bool block = IsBlockTag(tag);
  if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) && !IsLayoutCell(f.node)) {
    block = false;
    if (!skip && cur_.text.find_first_not_of(' ') != std::string::npos) {
      if (cur_.text.back() == ' ') cur_.text.pop_back();
      cur_.text += " | ";
    }
  }

  Frame exit{f.node, true, skip, -1, owner_, false, capture_byline, capture_h1, tag == GUMBO_TAG_A};
  if (!skip) {
    Elem el;
    el.parent = f.elem;
    el.tag = tag;
    el.class_weight = weight;
    el.drop_small = drop_small;
    el.markup_body = markup_body;
    exit.elem = static_cast<int32_t>(elems_.size());
    elems_.push_back(el);
    if (block) {
      Flush();
      owner_ = exit.elem;
      cur_.owner = owner_;
      cur_.tag = tag;
      exit.block = true;
    } else if (tag == GUMBO_TAG_BR) {
      Flush();
    }
  }
  if (capture_byline) {
    byline_buf_.clear();
    capture_ = &byline_buf_;
  }
  if (tag == GUMBO_TAG_A) ++link_depth_;
  stack->push_back(exit);
  // Children inherit this element's mirror index as their parent (or the nearest kept one).
  int32_t parent_for_children = exit.elem >= 0 ? exit.elem : f.elem;
  const GumboVector& ch = e.children;
  for (unsigned i = ch.length; i-- > 0;) {
    stack->push_back(Frame{static_cast<const GumboNode*>(ch.data[i]), false, skip, parent_for_children, -1, false,
                           false, false, false});
  }
}

void PageWalker::Exit(const Frame& f) {
  if (f.link) --link_depth_;
  if (f.capture_byline) {
    if (meta_.byline.empty()) meta_.byline = StripBy(byline_buf_);
    capture_ = nullptr;
  }
  if (f.capture_h1) {
    in_h1_ = false;
    std::string h = TrimCopy(h1_buf_);
    if (!h.empty() && meta_.h1s.size() < 8) meta_.h1s.push_back(h);
    h1_buf_.clear();
  }
  if (f.block) {
    Flush();
    owner_ = f.prev_owner;
    cur_.owner = owner_;
    cur_.tag = owner_ >= 0 ? elems_[owner_].tag : GUMBO_TAG_UNKNOWN;
  }
}

void PageWalker::Text(std::string_view text, bool skip) {
  if (capture_ != nullptr) AppendCollapsed(text, capture_);
  if (in_h1_) AppendCollapsed(text, &h1_buf_);
  if (skip || owner_ < 0) return;
  // Text runs that meet at an element boundary without a space, where a sentence ends and
  // a capitalised one starts ("… New York.</span><span>Reuters …"), are separate words.
  if (!cur_.text.empty() && !text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
    char last = cur_.text.back();
    if (last == '.' || last == '!' || last == '?') cur_.text.push_back(' ');
  }
  size_t n = AppendCollapsed(text, &cur_.text);
  if (link_depth_ > 0) cur_.link_bytes += static_cast<uint32_t>(n);
}

void PageWalker::Flush() {
  std::string t = TrimCopy(cur_.text);
  if (!t.empty() && cur_.owner >= 0) {
    Block b;
    b.owner = cur_.owner;
    b.tag = cur_.tag;
    b.link_bytes = std::min<uint32_t>(cur_.link_bytes, static_cast<uint32_t>(t.size()));
    b.text = std::move(t);
    blocks_.push_back(std::move(b));
  }
  cur_.text.clear();
  cur_.link_bytes = 0;
}

// ---- scoring.
int TagWeight(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
      return 5;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SECTION:
      return 3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      return -3;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
      return -5;
    default:
      return 0;
  }
}

size_t CountCommas(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',') ++n;
    // U+FF0C FULLWIDTH COMMA, U+3001 IDEOGRAPHIC COMMA
    if (i + 2 < s.size() && ((s.compare(i, 3, "\xEF\xBC\x8C") == 0) || s.compare(i, 3, "\xE3\x80\x81") == 0)) ++n;
  }
  return n;
}

bool EndsSentence(std::string_view s) {
  if (s.empty()) return false;
  char c = s.back();
  if (c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' || c == ':' || c == ';') return true;
  static constexpr std::string_view kEnds[] = {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xE2\x80\x9D",
                                               "\xE2\x80\x99", "\xC2\xBB",     "\xE3\x80\x8D"};
  return std::any_of(std::begin(kEnds), std::end(kEnds), [&](std::string_view e) { return s.ends_with(e); });
}

// "Advertisement", "Share this:", "Photo: AP": under 40 bytes, fewer than five words and no
// sentence end.
bool IsShortLabel(std::string_view s) {
  if (s.size() >= 40 || EndsSentence(s)) return false;
  return std::count(s.begin(), s.end(), ' ') + 1 < 5;
}

double LinkDensity(uint32_t links, uint32_t text) { return text == 0 ? 0.0 : static_cast<double>(links) / text; }

// "1.", "#3", "(10)": the number of a list item set apart from its text.
bool IsNumberMarker(std::string_view s) {
  if (s.size() > 8) return false;
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c != '.' && c != ')' && c != '(' && c != '#' && c != ':' && c != ' ') {
      return false;
    }
  }
  return digit;
}

// Consent-notice wording (notices.tsv `phrase`): at least three different phrases (a news
// paragraph about privacy rules may well hold two).
bool IsConsentNotice(std::string_view text, const PhraseSet& phrases) {
  return text.size() >= 60 && phrases.Count(text, 3) >= 3;
}

// Comment-moderation and similar notices (notices.tsv `notice`): two phrases in a block
// of under 300 bytes, or one in a block of under 80.
bool IsSiteNotice(std::string_view text, const ClassWords& cw) {
  if (text.size() >= 300) return false;
  int hits = cw.notice_phrases.Count(text, 2);
  return hits >= 2 || (hits == 1 && text.size() < 80);
}

// A site's imprint (notices.tsv `footer`): two phrases in a block of under 400 bytes.
bool IsImprint(std::string_view text, const ClassWords& cw) {
  return text.size() < 400 && cw.footer_phrases.Count(text, 2) >= 2;
}

// "Posted 5 March 2025 at 10:45 am, updated 2:10 pm", "12 April 2025": a line that dates the
// page rather than saying anything.
bool IsDateLine(std::string_view text) {
  if (text.size() >= 100 || text.ends_with('.')) return false;
  std::string l = utf8::AsciiLower(text.substr(0, 20));
  bool lead = false;
  for (std::string_view w :
       {"posted", "published", "updated", "last updated", "first published", "last modified", "modified", "date:"}) {
    if (l.starts_with(w)) lead = true;
  }
  return (lead || text.size() < 40) && !NormalizeDate(text).empty();
}

// The per-block filter of the chosen region: link lists, short unpunctuated labels, bare
// list numbers, date lines, site notices and over-long headings go. Table rows and
// captions are data, not labels.
bool KeepBlock(const Block& b, bool fragment, const ClassWords& cw) {
  double ld = LinkDensity(b.link_bytes, static_cast<uint32_t>(b.text.size()));
  bool heading = IsHeading(b.tag);
  if (b.tag == GUMBO_TAG_H1 && !fragment) return false;
  if (ld > 0.5 || (b.tag == GUMBO_TAG_LI && ld > 0.3)) return false;
  bool data = b.tag == GUMBO_TAG_TR || b.tag == GUMBO_TAG_CAPTION;
  // A list item without links is the list's text, however short ("Two eggs").
  bool item = b.tag == GUMBO_TAG_LI && b.link_bytes == 0;
  if (!heading && !data && !item && IsShortLabel(b.text)) return false;
  if (IsNumberMarker(b.text)) return false;
  if (heading && b.text.size() > 200) return false;
  if (!fragment && !data && b.tag != GUMBO_TAG_LI &&
      (IsDateLine(b.text) || IsSiteNotice(b.text, cw) || IsImprint(b.text, cw))) {
    return false;
  }
  return true;
}

bool IsAncestor(const std::vector<Elem>& elems, int32_t a, int32_t d) {
  while (d > a) d = elems[d].parent;
  return d == a;
}

struct BodySelection {
  std::vector<const Block*> kept;  // the body, in page order
  std::vector<char> dropped;       // per element: left out as boilerplate
};

BodySelection SelectBody(std::vector<Elem>& elems, const std::vector<Block>& blocks, bool fragment,
                         const ClassWords& cw) {
  const size_t n = elems.size();
  BodySelection sel;
  std::vector<char>& dropped = sel.dropped;
  dropped.assign(n, 0);
  if (n == 0) return sel;
  // Consent notices recognised by their wording: the block, and the smallest container
  // around it that holds little else (the dialog's title and buttons), go before scoring.
  std::vector<uint32_t> all(n, 0), consent(n, 0), other_para(n, 0);
  bool any_consent = false;
  for (const Block& b : blocks) {
    all[b.owner] += static_cast<uint32_t>(b.text.size());
    if (!fragment && IsConsentNotice(b.text, cw.consent_phrases)) {
      consent[b.owner] += static_cast<uint32_t>(b.text.size());
      any_consent = true;
    } else if (b.text.size() >= 25) {
      other_para[b.owner] += static_cast<uint32_t>(b.text.size());
    }
  }
  // Regions marked drop_small ("ads", "promo", "modal", ...) go, unless one holds more than
  // half of the page's paragraph text: then the word was a state class on a wrapper.
  std::vector<uint32_t> para(n, 0);
  uint32_t para_total = 0;
  for (const Block& b : blocks) {
    if (b.text.size() >= 25 && b.link_bytes * 2 < b.text.size() && b.tag != GUMBO_TAG_TR) {
      para[b.owner] += static_cast<uint32_t>(b.text.size());
      para_total += static_cast<uint32_t>(b.text.size());
    }
  }
  for (size_t i = n; i-- > 1;) {
    if (elems[i].parent >= 0) {
      para[elems[i].parent] += para[i];
      all[elems[i].parent] += all[i];
      consent[elems[i].parent] += consent[i];
      other_para[elems[i].parent] += other_para[i];
    }
  }
  for (size_t i = 0; i < n; ++i) {
    bool own = elems[i].drop_small && !fragment && para[i] * 2 <= para_total;
    if (any_consent && consent[i] > 0 && all[i] <= consent[i] + 250 && other_para[i] <= 150) own = true;
    dropped[i] = own || (elems[i].parent >= 0 && dropped[elems[i].parent]);
  }
  // Blocks per owner: an element that holds several runs of text itself (text between
  // <br>s in a <div>) is the container of those paragraphs, not a paragraph.
  std::vector<uint16_t> runs(n, 0);
  for (const Block& b : blocks) {
    if (dropped[b.owner]) continue;
    elems[b.owner].text += static_cast<uint32_t>(b.text.size());
    elems[b.owner].links += b.link_bytes;
    if (b.text.size() >= 25 && runs[b.owner] < 1000) ++runs[b.owner];
  }
  for (size_t i = n; i-- > 1;) {
    if (elems[i].parent >= 0) {
      elems[elems[i].parent].text += elems[i].text;
      elems[elems[i].parent].links += elems[i].links;
    }
  }
  std::vector<char> selected(n, fragment ? 1 : 0);
  if (!fragment) {
    for (const Block& b : blocks) {
      if (dropped[b.owner] || b.text.size() < 25 || IsHeading(b.tag) || b.tag == GUMBO_TAG_LI ||
          b.tag == GUMBO_TAG_TR || IsImprint(b.text, cw)) {
        continue;
      }
      double s = 1.0 + static_cast<double>(CountCommas(b.text)) + std::min<double>(b.text.size() / 100, 3.0);
      // A paragraph's container is its parent; so is a text-bearing div's when the div holds
      // one run of text (a component paragraph). A div with several runs is the container.
      int32_t anc = runs[b.owner] >= 2 && b.tag != GUMBO_TAG_P ? b.owner : elems[b.owner].parent;
      for (int level = 0; anc >= 0 && level < 5; ++level, anc = elems[anc].parent) {
        Elem& a = elems[anc];
        if (!a.scored) {
          a.scored = true;
          a.score = TagWeight(a.tag) + a.class_weight;
        }
        a.score += s / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
      }
    }
    int32_t top = -1;
    double best = 0;
    std::vector<double> final_score(n, 0.0);
    for (size_t i = 0; i < n; ++i) {
      if (!elems[i].scored || dropped[i]) continue;
      final_score[i] = elems[i].score * (1.0 - LinkDensity(elems[i].links, elems[i].text));
      if (top < 0 || final_score[i] > best) {
        best = final_score[i];
        top = static_cast<int32_t>(i);
      }
    }
    if (top < 0) return sel;
    // As Readability does: when several of the best candidates score close to the top one
    // (one paragraph per container, as component-built pages do), their common ancestor
    // is the article.
    // Closeness is judged on what the paragraphs gave, without the tag and class weights: a
    // one-paragraph box whose class says "article" is not a rival of the story.
    auto content = [&](size_t i) {
      return (elems[i].score - TagWeight(elems[i].tag) - elems[i].class_weight) *
             (1.0 - LinkDensity(elems[i].links, elems[i].text));
    };
    std::vector<int32_t> close;
    const double top_content = content(static_cast<size_t>(top));
    for (size_t i = 0; i < n; ++i) {
      if (elems[i].scored && !dropped[i] && content(i) >= 0.75 * top_content) close.push_back(static_cast<int32_t>(i));
    }
    if (close.size() >= 3) {
      std::sort(close.begin(), close.end(), [&](int32_t a, int32_t b) { return final_score[a] > final_score[b]; });
      close.resize(std::min<size_t>(close.size(), 5));
      int32_t lca = close[0];
      for (size_t k = 1; k < close.size() && lca >= 0; ++k) {
        // Ancestors have smaller indices: climb the deeper of the two until they meet.
        int32_t a = lca, b = close[k];
        while (a != b && a >= 0 && b >= 0) {
          if (a > b) {
            a = elems[a].parent;
          } else {
            b = elems[b].parent;
          }
        }
        lca = a == b ? a : -1;
      }
      if (lca >= 0 && elems[lca].tag != GUMBO_TAG_BODY && elems[lca].tag != GUMBO_TAG_HTML &&
          LinkDensity(elems[lca].links, elems[lca].text) < 0.5) {
        top = lca;
        best = std::max(best, final_score[lca]);
      }
    }
    // A second opinion from the markup: an element marked itemprop=articleBody (else the
    // page's one <article>) that holds most of the chosen container's paragraph text is the
    // article itself (what lies around it, such as date lines and notices, is not); an
    // itemprop=articleBody that holds much more than the chosen container, with few links,
    // is the article the scoring cut short.
    bool by_markup = false;
    int32_t marked = -1;
    for (size_t i = 0; i < n; ++i) {
      if (elems[i].markup_body && !dropped[i] && para[i] > 0 && (marked < 0 || para[i] > para[marked])) {
        marked = static_cast<int32_t>(i);
      }
    }
    bool explicit_body = marked >= 0;
    if (marked < 0) {
      // Else the page's one <article> (not one of several teasers) that holds most of the
      // paragraph text, for narrowing only.
      int articles = 0;
      for (size_t i = 0; i < n; ++i) {
        if (elems[i].tag != GUMBO_TAG_ARTICLE || dropped[i] || para[i] * 2 < para_total) continue;
        bool nested = false;
        for (int32_t a = elems[i].parent; a >= 0 && !nested; a = elems[a].parent)
          nested = elems[a].tag == GUMBO_TAG_ARTICLE;
        if (!nested && ++articles == 1) marked = static_cast<int32_t>(i);
      }
      if (articles != 1) marked = -1;
    }
    if (marked >= 0) {
      if (IsAncestor(elems, top, marked) && marked != top && para[marked] * 10 >= para[top] * 8) {
        top = marked;
        by_markup = true;
      } else if (explicit_body && IsAncestor(elems, marked, top) && marked != top &&
                 para[top] * 10 < para[marked] * 7 && LinkDensity(elems[marked].links, elems[marked].text) < 0.3) {
        top = marked;
        by_markup = true;
      }
    }
    selected[top] = 1;
    int32_t parent = elems[top].parent;
    if (parent >= 0 && !by_markup) {
      // Siblings join on what their paragraphs gave (as with closeness above), or as plain
      // paragraphs of their own.
      double threshold = std::max(5.0, top_content * 0.2);
      auto consider = [&](size_t i) {
        if (elems[i].parent != parent || dropped[i]) return;
        const Elem& s = elems[i];
        double ld = LinkDensity(s.links, s.text);
        if ((s.scored && content(i) >= threshold) || (s.tag == GUMBO_TAG_P && s.text > 80 && ld < 0.25)) {
          selected[i] = 1;
        }
      };
      for (size_t i = top + 1; i < n; ++i) consider(i);
      for (int32_t i = top - 1; i > parent; --i) consider(static_cast<size_t>(i));
    }
    for (size_t i = 0; i < n; ++i) {
      if (!selected[i] && elems[i].parent >= 0 && selected[elems[i].parent]) selected[i] = 1;
    }
  }
  // The selected blocks, minus link lists, labels and orphan headings.
  std::vector<const Block*>& kept = sel.kept;
  std::vector<bool> kept_is_heading;
  bool prev_dropped_after_heading = false;
  for (const Block& b : blocks) {
    if (!selected[b.owner] || dropped[b.owner]) continue;
    bool heading = IsHeading(b.tag);
    if (!KeepBlock(b, fragment, cw)) {
      // A heading over a dropped link list ("Related stories") goes with it.
      if (!kept.empty() && kept_is_heading.back() && !prev_dropped_after_heading && !IsNumberMarker(b.text)) {
        kept.pop_back();
        kept_is_heading.pop_back();
      }
      prev_dropped_after_heading = true;
      continue;
    }
    prev_dropped_after_heading = false;
    kept.push_back(&b);
    kept_is_heading.push_back(heading);
  }
  while (!kept.empty() && kept_is_heading.back()) {
    kept.pop_back();
    kept_is_heading.pop_back();
  }
  return sel;
}

std::string ResolveUrl(const std::string& href, const std::string& base) {
  if (href.empty() || href.find("://") != std::string::npos) return href;
  if (base.empty()) return href;
  size_t scheme = base.find("://");
  if (scheme == std::string::npos) return href;
  if (href.starts_with("//")) return base.substr(0, scheme + 1) + href;
  size_t host_end = base.find('/', scheme + 3);
  std::string origin = host_end == std::string::npos ? base : base.substr(0, host_end);
  if (href.starts_with("/")) return origin + href;
  size_t last = base.rfind('/');
  return (last != std::string::npos && last > scheme + 2 ? base.substr(0, last + 1) : origin + "/") + href;
}

std::vector<std::string> SplitParagraphs(std::string_view text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string p;
    AppendCollapsed(text.substr(pos, nl - pos), &p);
    p = TrimCopy(p);
    if (!p.empty()) out.push_back(std::move(p));
    pos = nl + 1;
  }
  return out;
}

// ---- second opinion from JSON-LD articleBody.
// Hashes of the text's shingles of four consecutive words (ASCII letters lower-cased; any
// byte of a multi-byte character is a word character), sorted and unique.
std::vector<uint64_t> ShingleHashes(std::string_view text) {
  std::vector<uint64_t> words;
  uint64_t h = 0;
  bool in_word = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    bool word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (word) {
      if (!in_word) h = 1469598103934665603ull;
      h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32 : c)) * 1099511628211ull;
      in_word = true;
    } else if (in_word) {
      words.push_back(h);
      in_word = false;
    }
  }
  std::vector<uint64_t> out;
  for (size_t i = 0; i + 4 <= words.size() || (i == 0 && !words.empty() && words.size() < 4); ++i) {
    uint64_t s = 0;
    for (size_t k = i; k < std::min(words.size(), i + 4); ++k) s = (s * 0x9E3779B97F4A7C15ull) ^ words[k];
    out.push_back(s);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

size_t CommonCount(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

// Texts of `kept` without the interludes that articleBody does not hold: a paragraph of
// seven words or more sharing no shingle with it, lying between two paragraphs that it
// does hold (a newsletter box or promotion inside the story). Tables, lists and headings
// stay: articleBody often leaves them out. What follows the last paragraph it holds
// stays too (articleBody is sometimes cut short).
std::vector<std::string> WithoutInterludes(const std::vector<const Block*>& kept, const std::vector<uint64_t>& ld) {
  std::vector<int> common(kept.size()), size(kept.size());
  size_t first = kept.size(), last = 0;
  for (size_t i = 0; i < kept.size(); ++i) {
    std::vector<uint64_t> sh = ShingleHashes(kept[i]->text);
    size[i] = static_cast<int>(sh.size());
    common[i] = static_cast<int>(CommonCount(sh, ld));
    if (size[i] > 0 && common[i] * 2 >= size[i]) {
      first = std::min(first, i);
      last = i;
    }
  }
  std::vector<char> drop(kept.size() + 1, 0);
  for (size_t i = kept.size(); i-- > 0;) {
    GumboTag t = kept[i]->tag;
    bool structural = t == GUMBO_TAG_TR || t == GUMBO_TAG_CAPTION || t == GUMBO_TAG_LI || IsHeading(t);
    drop[i] = first < i && i < last && common[i] == 0 &&
              (IsHeading(t) ? drop[i + 1] != 0 : size[i] >= 4 && !structural);  // with its heading
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < kept.size(); ++i) {
    if (!drop[i]) out.push_back(kept[i]->text);
  }
  return out;
}

// JSON-LD articleBody is a second account of the article, compared with the scored body by
// their shared 4-word shingles:
// - the scored body holds 90% of it: the scored body stands (it has the page's paragraph
//   breaks, tables and lists), less the interludes articleBody does not hold;
// - the page shows 80% of it but the scored body less: the scoring cut the article short,
//   and the body becomes the page's text blocks from the first to the last that
//   articleBody holds, less the interludes;
// - the page shows less of it, and what the scored body holds is mostly part of it (a
//   paywall or a "read more" that loads the rest): articleBody is the fuller text;
// - otherwise (a summary, or another article's text) it is ignored, unless the page has
//   next to no body text.
std::vector<std::string> SecondOpinionFromArticleBody(const std::string& ld_body, const std::vector<Block>& blocks,
                                                      const BodySelection& sel, const ClassWords& cw) {
  std::string ld_text = ld_body;
  if (ld_text.find('<') != std::string::npos && ld_text.find('>') != std::string::npos) {
    // Some sites put HTML in articleBody: its tags end lines.
    std::string plain;
    bool in_tag = false;
    for (char c : ld_text) {
      if (c == '<') {
        in_tag = true;
      } else if (c == '>' && in_tag) {
        in_tag = false;
        plain.push_back('\n');
      } else if (!in_tag) {
        plain.push_back(c);
      }
    }
    ld_text.swap(plain);
  }
  std::vector<std::string> scored;
  size_t scored_bytes = 0;
  std::string scored_text;
  for (const Block* b : sel.kept) {
    scored.push_back(b->text);
    scored_bytes += b->text.size();
    (scored_text += b->text) += '\n';
  }
  std::vector<uint64_t> ld = ShingleHashes(ld_text);
  if (ld.size() < 8) {
    return !ld_text.empty() && ld_text.size() > 2 * scored_bytes && scored_bytes < 500 ? SplitParagraphs(ld_text)
                                                                                       : scored;
  }
  std::vector<uint64_t> body = ShingleHashes(scored_text);
  size_t covered = CommonCount(ld, body);
  if (covered * 10 >= ld.size() * 9) return WithoutInterludes(sel.kept, ld);
  // The page's visible text blocks, through the same filter as the body's.
  std::vector<const Block*> visible;
  std::string visible_text;
  for (const Block& b : blocks) {
    if (sel.dropped[b.owner] || !KeepBlock(b, false, cw)) continue;
    visible.push_back(&b);
    (visible_text += b.text) += '\n';
  }
  size_t on_page = CommonCount(ld, ShingleHashes(visible_text));
  if (on_page * 10 >= ld.size() * 8) {
    size_t first = visible.size(), last = 0;
    for (size_t i = 0; i < visible.size(); ++i) {
      std::vector<uint64_t> sh = ShingleHashes(visible[i]->text);
      if (!sh.empty() && CommonCount(sh, ld) * 2 >= sh.size()) {
        first = std::min(first, i);
        last = i;
      }
    }
    if (first <= last && first < visible.size()) {
      std::vector<const Block*> span(visible.begin() + first, visible.begin() + last + 1);
      std::string span_text;
      for (const Block* b : span) (span_text += b->text) += '\n';
      if (CommonCount(ld, ShingleHashes(span_text)) > covered) return WithoutInterludes(span, ld);
    }
    return scored;
  }
  bool part_of_it = !body.empty() && covered * 2 >= body.size() && ld.size() > body.size();
  if (part_of_it || (ld_text.size() > 2 * scored_bytes && scored_bytes < 500)) return SplitParagraphs(ld_text);
  return scored;
}

}  // namespace

bool CompactHtml(std::string_view html, int max_depth, std::string* out) {
  out->clear();
  out->reserve(html.size() / 2);
  int depth = 0;
  bool flattened = false;
  size_t copied = 0;  // html[copied, i) is pending output
  std::string name;
  size_t i = 0;
  auto emit_until = [&](size_t pos) {
    if (pos > copied) out->append(html.substr(copied, pos - copied));
  };
  // Position of the "</name" that closes raw text opened at `from` (or the end).
  auto find_close = [&](size_t from, std::string_view tag) {
    size_t p = from;
    while (true) {
      size_t c = html.find("</", p);
      if (c == std::string_view::npos) return html.size();
      if (c + 2 + tag.size() <= html.size() && utf8::AsciiLower(html.substr(c + 2, tag.size())) == tag) return c;
      p = c + 2;
    }
  };
  while (true) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= html.size()) break;
    i = lt + 1;
    if (html.compare(lt, 4, "<!--") == 0) {  // comments go
      size_t e = html.find("-->", lt + 4);
      emit_until(lt);
      i = copied = e == std::string_view::npos ? html.size() : e + 3;
      continue;
    }
    bool end_tag = html[i] == '/';
    size_t ns = end_tag ? i + 1 : i;
    if (ns >= html.size() || !std::isalpha(static_cast<unsigned char>(html[ns]))) continue;
    size_t ne = ns;
    name.clear();
    while (ne < html.size() && !std::isspace(static_cast<unsigned char>(html[ne])) && html[ne] != '>' &&
           html[ne] != '/') {
      name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(html[ne]))));
      ++ne;
    }
    // The tag's end, honouring quoted attribute values.
    size_t gt = ne;
    char quote = 0;
    while (gt < html.size() && (quote != 0 || html[gt] != '>')) {
      if (quote == 0 && (html[gt] == '"' || html[gt] == '\'')) {
        quote = html[gt];
      } else if (quote != 0 && html[gt] == quote) {
        quote = 0;
      }
      ++gt;
    }
    if (gt >= html.size()) break;
    bool self_closing = html[gt - 1] == '/';
    i = gt + 1;
    if (!end_tag && (name == "svg" || name == "math")) {
      // Foreign content carries no article text: dropped whole.
      size_t close = self_closing ? gt + 1 : find_close(gt + 1, name);
      size_t close_end = close < html.size() ? html.find('>', close) : std::string_view::npos;
      emit_until(lt);
      i = copied = close_end == std::string_view::npos ? html.size() : close_end + 1;
      continue;
    }
    if (!end_tag && IsRawText(name)) {
      // Raw text: kept for <title>, <textarea> and JSON-LD scripts, dropped otherwise.
      size_t close = find_close(gt + 1, name);
      bool keep = name == "title" || name == "textarea";
      if (name == "script") {
        std::string attrs = utf8::AsciiLower(html.substr(ne, gt - ne));
        keep = attrs.find("ld+json") != std::string::npos;
      }
      if (!keep) {
        emit_until(gt + 1);
        copied = close;
      }
      i = close;
      continue;
    }
    bool counted = !IsVoidOrImplied(name) && !self_closing;
    bool drop = false;
    if (end_tag) {
      if (counted && depth > 0) {
        drop = depth > max_depth;
        --depth;
      }
    } else if (counted) {
      ++depth;
      drop = depth > max_depth;
    }
    if (drop) {
      flattened = true;
      emit_until(lt);
      copied = gt + 1;
    }
  }
  emit_until(html.size());
  return flattened;
}

StatusOr<Article> ExtractHtml(const RawDocument& doc) {
  auto words = LoadClassWords();
  if (!words.ok()) return words.status();
  std::string where = doc.source.empty() ? std::string("input") : doc.source;
  Article article;
  std::string_view bytes = doc.bytes;
  size_t first = bytes.find_first_not_of(" \t\r\n\f\v");
  if (first == std::string_view::npos) return Status::InvalidArgument(where + ": empty input");
  std::string charset = doc.charset.empty() ? SniffDeclaredCharset(bytes) : doc.charset;
  if (!charset.starts_with("utf-16")) {
    size_t nul = bytes.substr(0, 8192).find('\0');
    if (nul != std::string_view::npos) {
      return Status::InvalidArgument(where + ": binary data (NUL byte at offset " + std::to_string(nul) +
                                     "), not an HTML page");
    }
  }
  std::string html;
  ConvertToUtf8(bytes, charset, where, &html, &article.warnings);
  std::string compact;
  if (CompactHtml(html, kMaxNesting, &compact)) {
    article.warnings.push_back(where + ": HTML nested deeper than " + std::to_string(kMaxNesting) +
                               " elements; deepest tags ignored");
  }
  html.swap(compact);

  thread_local Arena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = ArenaAllocate;
  options.deallocator = ArenaFree;
  options.userdata = &arena;
  options.max_errors = 0;
  auto output = ParseWithDeadline(options, &html, where, &article.warnings);  // html_guard.h
  if (!output.ok()) {
    arena.Reset();
    return output.status();
  }
  PageWalker walker(**words);
  walker.Walk((*output)->document);
  arena.Reset();  // the tree is gone from here on

  Meta& m = walker.meta();
  BodySelection body = SelectBody(walker.elems(), walker.blocks(), doc.fragment, **words);
  for (const Block* b : body.kept) article.paragraphs.push_back(b->text);
  if (!doc.fragment && !m.ld_body.empty()) {
    article.paragraphs = SecondOpinionFromArticleBody(m.ld_body, walker.blocks(), body, **words);
  }
  size_t body_bytes = 0;
  for (const std::string& p : article.paragraphs) body_bytes += p.size();
  if (article.paragraphs.empty() || (!doc.fragment && body_bytes < kMinArticleBytes)) {
    return Status::InvalidArgument(where + ": no article text found in the HTML page (" + std::to_string(body_bytes) +
                                   " bytes of body-like text)");
  }

  // Headline.
  if (!doc.title.empty()) {
    article.title = doc.title;
  } else if (!m.og_title.empty()) {
    article.title = StripSiteSuffix(m.og_title, m.site_name, walker.blocks(), m.h1s);
  } else if (!m.ld_headline.empty()) {
    article.title = m.ld_headline;
  } else {
    std::string best;
    for (const std::string& h : m.h1s) {
      if (!m.title_tag.empty() && m.title_tag.find(h) != std::string::npos) {
        best = h;
        break;
      }
      if (h.size() > best.size()) best = h;
    }
    article.title = !best.empty() ? best : StripSiteSuffix(m.title_tag, m.site_name, walker.blocks(), m.h1s);
  }
  // The headline repeated as a heading of the body is not body text.
  std::erase_if(article.paragraphs, [&](const std::string& p) { return p == article.title; });
  // Byline, date, URL, language. A "By Ann Lee" line of the page is a byline, not body.
  std::string by_line;
  for (const Block& b : walker.blocks()) {
    if (b.text.size() <= 80 && (b.text.starts_with("By ") || b.text.starts_with("BY ")) && b.text.size() > 4 &&
        std::isupper(static_cast<unsigned char>(b.text[3]))) {
      by_line = b.text;
      break;
    }
  }
  if (!by_line.empty()) std::erase(article.paragraphs, by_line);
  article.byline = !m.byline.empty()        ? m.byline
                   : !m.meta_author.empty() ? m.meta_author
                   : !by_line.empty()       ? StripBy(by_line)
                                            : StripBy(m.ld_author);
  for (const std::string* d :
       std::initializer_list<const std::string*>{&m.date_meta, &m.ld_date, &m.time_date, &m.time_date_any, &doc.date}) {
    std::string n = NormalizeDate(*d);
    if (!n.empty()) {
      article.published = n;
      break;
    }
  }
  std::string canonical = !m.canonical.empty() ? m.canonical : !m.og_url.empty() ? m.og_url : m.ld_url;
  article.url = canonical.empty() ? doc.url : ResolveUrl(canonical, doc.url);
  for (const std::string* l :
       std::initializer_list<const std::string*>{&m.lang_attr, &m.lang_meta, &m.ld_lang, &doc.language}) {
    std::string n = NormalizeLanguage(*l);
    if (!n.empty()) {
      article.language = n;
      break;
    }
  }
  article.source = doc.source;
  return article;
}

}  // namespace newsgraph
