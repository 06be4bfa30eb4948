// HTML news pages → Article.
//
// Method: the page is decoded to UTF-8 (HTTP charset, else BOM / <meta> / XML declaration,
// else detection) and parsed by gumbo, a complete HTML5 parser. One walk over the tree,
// with an explicit stack, collects the page metadata (headline from og:title / JSON-LD /
// <h1> / <title>; byline; published date from article:published_time and similar meta,
// JSON-LD NewsArticle.datePublished or <time datetime>; canonical URL; language) and the
// text blocks of the page (paragraphs, headings, list items, text-bearing divs) with their
// link text. Regions that are boilerplate by their element (nav, aside, footer, form
// controls, scripts) or by their class/id/role words (data/ingest/html_classes.tsv:
// comments, cookie banners, share bars, related stories, ads) are left out. Then, as in
// Arc90's Readability, each paragraph scores its ancestors (commas, length), the scores are
// discounted by link density, and the best container plus its qualifying siblings is the
// article; its blocks, minus link lists and short unpunctuated labels, are the body.
//
// Limits: pages nested deeper than 512 elements are flattened before parsing (gumbo's tree
// construction is quadratic in depth; see CompactHtml); text hidden by CSS classes is not detected; a page
// whose text is all in scripts (client-side rendering) has no article unless its JSON-LD
// carries an articleBody.
#pragma once

#include "ingest/document.h"

namespace newsgraph {

// A full page (doc.fragment false) or a fragment such as a feed item's description
// (doc.fragment true: every non-boilerplate block is kept, no container selection).
// Errors: binary input; no article text found.
[[nodiscard]] StatusOr<Article> ExtractHtml(const RawDocument& doc);

// The pre-pass before parsing: writes `html` to `*out` without comments, without the
// contents of scripts (JSON-LD excepted), styles and other raw-text elements, without
// <svg>/<math>, and with nesting deeper than `max_depth` elements flattened by dropping
// the deepest tags (their text is kept). Most bytes of a modern page are scripts and
// styles, so gumbo then parses a fraction of them. Returns true when it flattened.
bool CompactHtml(std::string_view html, int max_depth, std::string* out);

}  // namespace newsgraph
