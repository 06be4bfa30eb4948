#include "ingest/html_guard.h"

#include <csetjmp>
#include <cstdint>

#include "ingest/deadline.h"

namespace newsgraph {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Elements whose content the tokenizer reads as raw text, up to their own end tag.
bool IsRawTextElement(std::string_view name) {
  for (std::string_view e : {"script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes"}) {
    if (name == e) return true;
  }
  return false;
}

// Where "</name" followed by a space, '/' or '>' starts, from `from` on (case-insensitive),
// or the end of `html`.
size_t FindEndTag(std::string_view html, size_t from, std::string_view name) {
  for (size_t p = html.find("</", from); p != std::string_view::npos; p = html.find("</", p + 2)) {
    size_t k = p + 2, j = 0;
    while (j < name.size() && k < html.size() && Lower(html[k]) == name[j]) ++k, ++j;
    if (j == name.size() && k < html.size() && (IsSpace(html[k]) || html[k] == '/' || html[k] == '>')) return p;
  }
  return html.size();
}

// The end of a comment whose text starts at `from` ("-->" or "--!>"), or the end of `html`.
size_t CommentEnd(std::string_view html, size_t from) {
  if (from < html.size() && html[from] == '>') return from + 1;  // "<!-->"
  if (html.compare(from, 2, "->") == 0) return from + 2;         // "<!--->"
  for (size_t k = html.find("--", from); k != std::string_view::npos; k = html.find("--", k + 1)) {
    if (html.compare(k + 2, 1, ">") == 0) return k + 3;
    if (html.compare(k + 2, 2, "!>") == 0) return k + 4;
  }
  return html.size();
}

size_t After(std::string_view html, char c, size_t from) {
  size_t p = html.find(c, from);
  return p == std::string_view::npos ? html.size() : p + 1;
}

}  // namespace

size_t CapAttributes(std::string_view html, size_t max_attributes, std::string* out) {
  out->clear();
  const size_t n = html.size();
  size_t removed = 0, copied = 0, i = 0;
  auto emit_until = [&](size_t pos) {
    if (pos > copied) out->append(html.substr(copied, pos - copied));
    copied = pos;
  };
  std::string name;
  enum class State {
    kTagName,
    kBeforeName,
    kName,
    kAfterName,
    kBeforeValue,
    kDouble,
    kSingle,
    kUnquoted,
    kAfterQuoted,
    kSelfClosing
  };
  while (i < n) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    size_t p = lt + 1;
    if (html[p] == '!') {
      i = html.compare(p + 1, 2, "--") == 0 ? CommentEnd(html, p + 3) : After(html, '>', p);  // doctype, bogus
      continue;
    }
    if (html[p] == '?') {
      i = After(html, '>', p);
      continue;
    }
    bool end_tag = html[p] == '/';
    size_t k = end_tag ? p + 1 : p;
    if (k >= n) break;
    if (!IsAlpha(html[k])) {
      i = end_tag ? After(html, '>', k) : p;  // "</ x>" is a bogus comment; "< x" is text
      continue;
    }
    // A tag: the states of the standard's tokenizer from "tag name" to the closing '>'.
    name.clear();
    State st = State::kTagName;
    size_t attributes = 0, cut = std::string_view::npos, gt = std::string_view::npos;
    auto new_attribute = [&](size_t at) {
      if (++attributes == max_attributes + 1) cut = at;
    };
    while (k < n && gt == std::string_view::npos) {
      char c = html[k];
      bool space = IsSpace(c);
      switch (st) {
        case State::kTagName:
          if (space) {
            st = State::kBeforeName;
          } else if (c == '/') {
            st = State::kSelfClosing;
          } else if (c == '>') {
            gt = k;
          } else {
            name += Lower(c);
          }
          ++k;
          break;
        case State::kBeforeName:
          if (c == '/' || c == '>') {
            st = State::kAfterName;  // reconsumed
          } else {
            if (!space) {
              new_attribute(k);
              st = State::kName;
            }
            ++k;
          }
          break;
        case State::kName:
          if (space || c == '/' || c == '>') {
            st = State::kAfterName;  // reconsumed
          } else {
            if (c == '=') st = State::kBeforeValue;
            ++k;
          }
          break;
        case State::kAfterName:
          if (c == '/') {
            st = State::kSelfClosing;
          } else if (c == '=') {
            st = State::kBeforeValue;
          } else if (c == '>') {
            gt = k;
          } else if (!space) {
            new_attribute(k);
            st = State::kName;
          }
          ++k;
          break;
        case State::kBeforeValue:
          if (c == '"') {
            st = State::kDouble;
          } else if (c == '\'') {
            st = State::kSingle;
          } else if (c == '>') {
            gt = k;
          } else if (!space) {
            st = State::kUnquoted;
          }
          ++k;
          break;
        case State::kDouble:
        case State::kSingle: {
          size_t q = html.find(st == State::kDouble ? '"' : '\'', k);
          if (q == std::string_view::npos) {
            k = n;
          } else {
            k = q + 1;
            st = State::kAfterQuoted;
          }
          break;
        }
        case State::kUnquoted:
          if (space) {
            st = State::kBeforeName;
          } else if (c == '>') {
            gt = k;
          }
          ++k;
          break;
        case State::kAfterQuoted:
        case State::kSelfClosing:
          if (c == '>') {
            gt = k;
            ++k;
          } else if (st == State::kAfterQuoted && space) {
            st = State::kBeforeName;
            ++k;
          } else if (st == State::kAfterQuoted && c == '/') {
            st = State::kSelfClosing;
            ++k;
          } else {
            st = State::kBeforeName;  // reconsumed
          }
          break;
      }
    }
    if (cut != std::string_view::npos) {
      // Attributes from the first one over the cap to the tag's end go (at the end of the
      // input, where the unfinished tag is dropped anyway, everything after the cut).
      removed += attributes - max_attributes;
      emit_until(cut);
      copied = gt == std::string_view::npos ? n : gt;
    }
    if (gt == std::string_view::npos) break;  // the input ends inside the tag
    i = gt + 1;
    if (!end_tag && name == "plaintext") break;  // the rest is text
    if (!end_tag && IsRawTextElement(name)) i = FindEndTag(html, i, name);
  }
  if (removed == 0) {
    out->clear();
  } else {
    emit_until(n);
  }
  return removed;
}

namespace {

// gumbo's allocator wrapped: every 32nd allocation checks the record's deadline and, once
// it has passed, jumps back out of the parse (RunGumbo).
struct Guard {
  GumboAllocatorFunction allocate;
  GumboDeallocatorFunction deallocate;
  void* userdata;
  std::jmp_buf jump;
  uint32_t calls = 0;
};

void* GuardedAllocate(void* userdata, size_t size) {
  Guard* g = static_cast<Guard*>(userdata);
  if ((++g->calls & 31) == 0 && CurrentDeadline().expired()) std::longjmp(g->jump, 1);
  return g->allocate(g->userdata, size);
}

void GuardedDeallocate(void* userdata, void* ptr) {
  Guard* g = static_cast<Guard*>(userdata);
  g->deallocate(g->userdata, ptr);
}

// Kept apart so that no object with a destructor lives between setjmp and longjmp: the
// jump skips only gumbo's C frames and GuardedAllocate.
GumboOutput* RunGumbo(Guard* g, const GumboOptions* options, const char* data, size_t size) {
  if (setjmp(g->jump) != 0) return nullptr;
  return gumbo_parse_with_options(options, data, size);
}

}  // namespace

StatusOr<GumboOutput*> ParseWithDeadline(const GumboOptions& options, std::string* html, const std::string& where,
                                         std::vector<std::string>* warnings) {
  std::string capped;
  if (size_t removed = CapAttributes(*html, kMaxAttributes, &capped); removed > 0) {
    warnings->push_back(where + ": " + std::to_string(removed) + " attributes beyond the first " +
                        std::to_string(kMaxAttributes) + " of an element ignored");
    html->swap(capped);
  }
  Guard guard{options.allocator, options.deallocator, options.userdata, {}, 0};
  GumboOptions guarded = options;
  guarded.allocator = GuardedAllocate;
  guarded.deallocator = GuardedDeallocate;
  guarded.userdata = &guard;
  GumboOutput* output = RunGumbo(&guard, &guarded, html->data(), html->size());
  if (output == nullptr) {
    return Status::InvalidArgument(where + ": the HTML parser ran past the time limit per record; page skipped");
  }
  return output;
}

}  // namespace newsgraph
