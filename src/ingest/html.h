// HTML news pages → Article.
//
// Method: the page is decoded to UTF-8 (HTTP charset, else BOM / <meta> / XML declaration,
// else detection) and parsed by gumbo, a complete HTML5 parser. One walk over the tree,
// with an explicit stack, collects the page metadata (headline from og:title / JSON-LD /
// <h1> / <title>; byline; published date from article:published_time and similar meta,
// JSON-LD NewsArticle.datePublished or <time datetime>; canonical URL; language) and the
// text blocks of the page (paragraphs, headings, list items, table rows, runs of text
// between <br>s) with their link text. Regions that are boilerplate by their element (nav,
// aside, footer, figure captions, form controls, scripts, AMP widgets), by their
// class/id/role words (data/ingest/html_classes.tsv: comments, share bars, related
// stories, ads, captions) or by naming a consent manager (data/ingest/notices.tsv) are left
// out, and so are consent notices recognised by their wording. Then, as in Arc90's
// Readability, each paragraph scores its container (a <div> holding several runs of text
// is itself the container) and, less, the container's ancestors; the scores are discounted
// by link density, and the best container plus its qualifying siblings is the article.
// The markup gives a second opinion: itemprop=articleBody (or the page's one <article>)
// narrows or widens the choice, and JSON-LD articleBody, compared with the chosen blocks
// and the page's visible text by shared 4-word shingles, fills what the scoring missed or a
// paywall hid. The body is the chosen blocks minus link lists, short unpunctuated labels,
// bare list numbers, date lines, comment-moderation notices and site imprints.
//
// Limits: pages nested deeper than 512 elements are flattened before parsing (gumbo's tree
// construction is quadratic in depth; see CompactHtml); text hidden by CSS classes is not
// detected; a page whose text is all in scripts (client-side rendering) has no article
// unless its JSON-LD carries an articleBody; the AMP twin a page links to (rel=amphtml) is not
// fetched: the extractor reads the bytes it is given.
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
