# Page templates for the extraction fixtures, each modelled on the markup conventions of a
# kind of news site (class names, wrappers, widgets), filled with invented text. Every
# template draws its boilerplate (navigation, related stories, comments, footers, consent
# dialogs) from the invented pools below.
import html
import json

from fixture_model import H, UL, OL, T, Q, F

e = html.escape

SECTIONS = ["News", "Local", "Business", "Sport", "Opinion", "Culture", "Travel", "Weather", "Puzzles", "Obituaries"]
RELATED = [
    "Council approves plan for new cycle bridge over the river",
    "Five things we learned from the budget meeting",
    "Storm warning issued for the coast as gales expected",
    "Former mayor to stand again in next year's election",
    "Second-hand bookshop celebrates fifty years on the high street",
    "Police appeal for witnesses after late-night crash",
    "Schools to get extra money for heating repairs",
    "Property prices rise for a third month, survey says",
    "Local band plays sell-out homecoming show",
    "Hospital car park charges to rise in April",
    "Why the price of coffee keeps going up",
    "Weekend guide: what's on across the county",
]
COMMENTS = [
    ("Ray_from_Kelby", "Good news, but I will believe it when I see it. They promised the same thing three years ago, and nothing happened."),
    ("marigold77", "My neighbour has been saying this for ages, and nobody listened until now."),
    ("T. Ashworth", "Does anyone know whether this applies to people who moved here last year? The article does not say."),
    ("northern_lass", "Another decision made without asking the people who actually live here, as usual."),
    ("PeteG", "Well done to everyone involved, it has taken a lot of work to get this far."),
]
TRENDING = ["Celebrity chef opens seaside restaurant", "Lottery winner gives away half of prize",
            "Traffic chaos after lorry sheds load", "Photos: the best of the summer fair"]


def ld_json(a, site, with_body, body_text=None, kind="NewsArticle", graph=False):
    obj = {"@context": "https://schema.org", "@type": kind, "headline": a.headline,
           "datePublished": a.date + "T08:00:00Z", "author": {"@type": "Person", "name": a.author},
           "publisher": {"@type": "Organization", "name": site}}
    if with_body:
        obj["articleBody"] = body_text if body_text is not None else a.plain_text()
    if graph:
        obj = {"@context": "https://schema.org", "@graph": [
            {"@type": "WebSite", "name": site, "url": "https://example.org/"},
            {"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": a.section}]},
            obj]}
    return '<script type="application/ld+json">' + json.dumps(obj, ensure_ascii=False).replace("</", "<\\/") + "</script>"


def head(a, site, extra="", sep=" | "):
    desc = e(a.paragraphs()[0][:150])
    return (f'<head><meta charset="utf-8"><title>{e(a.headline)}{sep}{e(site)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta property="og:title" content="{e(a.headline)}"><meta property="og:site_name" content="{e(site)}">'
            f'<meta name="description" content="{desc}"><meta property="og:description" content="{desc}">'
            f'<meta property="article:published_time" content="{a.date}T08:00:00Z">'
            f'<link rel="stylesheet" href="/static/site.css"><script src="/static/app.js" async></script>{extra}</head>')


def nav_links(n=8):
    return "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in SECTIONS[:n])


def related_list(rng, n=4, cls="related-stories"):
    items = rng.sample(RELATED, n)
    return (f'<div class="{cls}"><h3>More stories</h3><ul>' +
            "".join(f'<li><a href="/story/{i}">{e(t)}</a></li>' for i, t in enumerate(items)) + "</ul></div>")


def comments_block(rng, n=3):
    out = ['<div id="comments" class="comments-area"><h3 class="comments-title">3 thoughts on this story</h3><ol class="comment-list">']
    for who, text in rng.sample(COMMENTS, n):
        out.append(f'<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">{e(who)}</b> says:</footer>'
                   f'<div class="comment-content"><p>{e(text)}</p></div></article></li>')
    out.append('</ol><div id="respond" class="comment-respond"><h3>Leave a Reply</h3><form><textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></div></div>')
    return "".join(out)


def address_footer(site, tag="div", attrs='class="site-footer"'):
    return (f'<{tag} {attrs}><p>{e(site)}, 14 Quay Street, Westerby, Northshire, WS1 4QT. Telephone 01632 960 118, '
            f'newsdesk 01632 960 245, advertising 01632 960 377.</p><p>Registered in England, company number 04812399, '
            f'part of Coastline Media Group, all rights reserved.</p><p><a href="/about">About us</a> <a href="/contact">Contact</a> '
            f'<a href="/privacy">Privacy</a> <a href="/terms">Terms</a></p></{tag}>')


# ---- consent dialogs, in the markup of common consent managers (text written by the project).
CONSENT_TEXT = ("We and our partners store and access information on your device, such as cookies, and process personal data, "
                "such as unique identifiers and standard information sent by a device, for personalised advertising and content, "
                "advertising and content measurement, audience research and service development. With your permission we and our "
                "partners may use precise geolocation data and identification through device scanning. You may click to consent to "
                "our and our partners' processing as described above, or access more detailed information and change your "
                "preferences before consenting. Some partners process your data on the basis of legitimate interest, which you can "
                "object to by managing your choices. Your preferences will apply to this website only and can be changed at any time "
                "from the privacy settings link at the bottom of the page.")
CONSENT_SHORT = ("This website uses cookies to improve your experience, to show you personalised ads and to analyse our traffic. "
                 "By clicking Accept all, you agree to the storing of cookies on your device. You can manage your preferences at any time.")


def consent(kind):
    if kind is None:
        return ""
    if kind == "onetrust":
        return ('<div id="onetrust-banner-sdk" class="otFlat" tabindex="0"><div class="ot-sdk-container"><div class="ot-sdk-row">'
                '<div id="onetrust-group-container" class="ot-sdk-eight ot-sdk-columns"><div id="onetrust-policy">'
                '<h2 id="onetrust-policy-title">We value your privacy</h2>'
                f'<div id="onetrust-policy-text">{e(CONSENT_TEXT)}<a href="/privacy">Privacy Policy</a></div></div></div>'
                '<div id="onetrust-button-group-parent" class="ot-sdk-three ot-sdk-columns"><div id="onetrust-button-group">'
                '<button id="onetrust-pc-btn-handler">Manage Preferences</button><button id="onetrust-accept-btn-handler">Accept All Cookies</button>'
                '</div></div></div></div></div>')
    if kind == "didomi":
        return ('<div id="didomi-host" class="didomi-host didomi-notranslate" aria-hidden="false"><div class="didomi-popup-backdrop didomi-notice-popup">'
                '<div class="didomi-popup-container didomi-popup-notice"><div class="didomi-popup-notice-logo-container"></div>'
                '<div class="didomi-popup-notice-text"><div class="didomi-popup-notice-text-title">Your privacy matters to us</div>'
                f'<div class="didomi-popup-notice-text-body">{e(CONSENT_TEXT)}</div></div>'
                '<div class="didomi-popup-notice-buttons"><a class="didomi-learn-more" href="#">Learn more</a>'
                '<span class="didomi-continue-without-agreeing">Continue without agreeing</span></div></div></div></div>')
    if kind == "quantcast":
        return ('<div id="qc-cmp2-main" class="qc-cmp2-container"><div class="qc-cmp2-summary-section">'
                '<p class="qc-cmp2-summary-info">We value your privacy</p>'
                f'<div class="qc-cmp2-summary-info"><p>{e(CONSENT_TEXT)}</p></div>'
                '<div class="qc-cmp2-summary-buttons"><span>MORE OPTIONS</span><span>AGREE</span></div></div></div>')
    if kind == "sourcepoint":
        return ('<div id="sp_message_container_812364" class="sp-message-open"><div class="message type-modal">'
                '<div class="message-component message-row"><p class="message-component privacy-title">Before you continue</p></div>'
                f'<div class="message-component message-row"><p class="message-component text">{e(CONSENT_TEXT)}</p></div>'
                '<div class="message-component message-row"><span class="message-component message-button">Accept all</span></div></div></div>')
    if kind == "cookiebot":
        return ('<div id="CybotCookiebotDialog" name="CybotCookiebotDialog" class="CybotCookiebotDialogActive"><div id="CybotCookiebotDialogBody">'
                '<h2 id="CybotCookiebotDialogBodyContentTitle">This website uses cookies</h2>'
                f'<div id="CybotCookiebotDialogBodyContentText">{e(CONSENT_TEXT)}</div></div></div>')
    if kind == "homegrown":
        return (f'<div class="privacy-bar" id="pb"><div class="privacy-bar__inner"><p>{e(CONSENT_SHORT)} '
                '<a href="/privacy">Read our privacy notice.</a></p><span class="pb-ok">Accept all</span><span>Settings</span></div></div>')
    raise ValueError(kind)


# ---- body renderers: `style` says how each kind of item is written.
def render_items(a, style):
    out = []
    for b in a.body:
        if isinstance(b, str):
            out.append(style["p"](b))
        elif isinstance(b, H):
            out.append(style.get("h", lambda t: f"<h2>{e(t)}</h2>")(b.text))
        elif isinstance(b, Q):
            out.append(style.get("q", lambda t: f"<blockquote><p>{e(t)}</p></blockquote>")(b.text))
        elif isinstance(b, (UL, OL)):
            tag = "ol" if isinstance(b, OL) else "ul"
            out.append(style.get("list", lambda tag, items: f"<{tag}>" + "".join(f"<li>{e(i)}</li>" for i in items) + f"</{tag}>")(tag, b.items))
        elif isinstance(b, T):
            out.append(style.get("table", table_html)(b))
        elif isinstance(b, F):
            out.append(style.get("fig", figure_html)(b))
    return "".join(out)


def table_html(t, cls="data-table"):
    rows = t.rows
    head_row = "".join(f"<th>{e(c)}</th>" for c in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows[1:])
    return f'<table class="{cls}"><caption>{e(t.caption)}</caption><thead><tr>{head_row}</tr></thead><tbody>{body}</tbody></table>'


def figure_html(f):
    return f'<figure class="image"><img src="/img/p.jpg" alt=""><figcaption>{e(f.caption)} <span class="credit">{e(f.credit)}</span></figcaption></figure>'


def page(a, site, body, extra_head="", lang="en", html_attrs=""):
    return f'<!DOCTYPE html>\n<html lang="{lang}"{html_attrs}>{head(a, site, extra_head)}<body>{body}</body></html>\n'


# ---- templates.
def wordpress(a, o, rng):
    site = o.get("site", "The Westerby Bugle")

    def fig(f):  # the classic shortcode caption: a div, not a <figure>
        return (f'<div id="attachment_{rng.randint(100, 999)}" style="width: 640px" class="wp-caption aligncenter">'
                f'<img class="size-large" src="/wp-content/uploads/p.jpg" width="640" height="427">'
                f'<p class="wp-caption-text">{e(f.caption)} {e(f.credit)}</p></div>')
    style = {"p": lambda t: f"<p>{e(t)}</p>", "fig": fig}
    if o.get("list_p"):
        style["list"] = lambda tag, items: (f'<{tag} class="wp-block-list">' + "".join(f"<li><p>{e(i)}</p></li>" for i in items) + f"</{tag}>")
    body = (f'<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>'
            f'<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/">{e(site)}</a></p>'
            f'<p class="site-description">News from the quay and beyond</p></div><nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">{nav_links()}</ul></nav></header>'
            f'<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">'
            f'<article id="post-{rng.randint(1000, 9999)}" class="post type-post status-publish format-standard hentry category-news">'
            f'<header class="entry-header"><h1 class="entry-title">{e(a.headline)}</h1><div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published" datetime="{a.date}T08:00:00+00:00">{a.date}</time></span>'
            f'<span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/x">{e(a.author)}</a></span></span></div></header>'
            f'<div class="entry-content">{render_items(a, style)}'
            f'<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social"><h3 class="sd-title">Share this:</h3><ul><li><a href="#">Facebook</a></li><li><a href="#">X</a></li><li><a href="#">Email</a></li></ul></div></div>'
            f'<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3></div></div>'
            f'<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/news">News</a></span> <span class="tags-links">Tagged <a href="#">council</a>, <a href="#">{e(a.section.lower())}</a></span></footer></article>'
            f'<nav class="navigation post-navigation"><div class="nav-links"><div class="nav-previous"><a href="/p">{e(rng.choice(RELATED))}</a></div></div></nav>'
            f'{comments_block(rng) if o.get("comments", True) else ""}</main></div>'
            f'<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>'
            + "".join(f'<li><a href="/r{i}">{e(t)}</a></li>' for i, t in enumerate(rng.sample(RELATED, 5))) +
            f'</ul></section></aside></div>'
            f'<footer id="colophon" class="site-footer"><div class="site-info">Proudly powered by WordPress</div></footer></div>'
            f'{consent(o.get("consent"))}')
    return page(a, site, body, ld_json(a, site, o.get("ld_body", False)) if o.get("jsonld", True) else "")


def arc(a, o, rng):
    site = o.get("site", "The Metro Ledger")
    n = [0]

    def p(t):
        n[0] += 1
        ad = '<div class="arcad-feature"><div class="arcad" id="arcad_inline_%d"></div><span class="advertisement-label">Advertisement</span></div>' % n[0] if n[0] % 3 == 0 else ""
        return f'<p class="c-paragraph" data-el="text" dir="null">{e(t)}</p>{ad}'

    def fig(f):
        return (f'<figure class="c-media-item"><div class="c-image-wrapper"><img src="/resizer/x.jpg"></div>'
                f'<figcaption class="c-media-caption"><span class="c-media-caption__text">{e(f.caption)}</span> <span class="c-media-caption__credit">{e(f.credit)}</span></figcaption></figure>')
    style = {"p": p, "fig": fig, "h": lambda t: f'<h2 class="c-heading" data-el="header">{e(t)}</h2>'}
    interstitial = f'<div class="c-interstitial-link"><p><b>Read more:</b> <a href="/x">{e(rng.choice(RELATED))}</a></p></div>'
    items = render_items(a, style)
    cut = items.find("</p>", items.find("</p>") + 4) + 4
    items = items[:cut] + interstitial + items[cut:]
    body = (f'<div id="fusion-app" class="layout-section"><header class="c-header"><div class="c-nav"><ul>{nav_links()}</ul></div><div class="c-logo">{e(site)}</div></header>'
            f'<main><div class="b-article-header"><div class="c-overline"><a href="/{a.section.lower()}">{e(a.section)}</a></div><h1 class="c-heading">{e(a.headline)}</h1>'
            f'<div class="c-byline"><span class="ts-byline__names">By <a href="/people/x">{e(a.author)}</a></span></div>'
            f'<div class="c-date"><time datetime="{a.date}T08:00:00Z">Published {a.date}</time></div></div>'
            f'<article class="b-article-body">{items}</article>'
            f'<div class="b-author-bio"><p>{e(a.author)} covers {e(a.section.lower())} for {e(site)}. Before that, they worked at a regional paper for six years.</p></div>'
            f'<div class="b-right-rail">{related_list(rng, 5, "c-most-read")}</div></main>'
            f'<footer class="c-footer"><p>Copyright {a.date[:4]} {e(site)}. All rights reserved.</p><ul>{nav_links(5)}</ul></footer></div>'
            f'{consent(o.get("consent"))}<script id="fusion-metadata" type="application/javascript">window.Fusion=window.Fusion||{{}};</script>')
    return page(a, site, body, ld_json(a, site, o.get("ld_body", False)))


def drupal(a, o, rng):
    site = o.get("site", "Northshire County News")
    style = {"p": lambda t: f"<p>{e(t)}</p>", "table": lambda t: table_html(t, "table table-striped")}
    body = (f'<div class="dialog-off-canvas-main-canvas"><div class="layout-container"><header role="banner"><div class="region region-header"><a href="/" rel="home">{e(site)}</a></div>'
            f'<div class="region region-primary-menu"><nav role="navigation" id="block-mainnavigation"><ul class="menu">{nav_links()}</ul></nav></div></header>'
            f'<div class="region region-breadcrumb"><div id="block-breadcrumbs"><nav class="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/news">{e(a.section)}</a></li></ol></nav></div></div>'
            f'<main role="main"><div class="layout-content"><div class="region region-content">'
            f'<div id="block-pagetitle" class="block block-core block-page-title-block"><h1 class="page-title"><span class="field field--name-title">{e(a.headline)}</span></h1></div>'
            f'<article role="article" class="node node--type-article node--promoted node--view-mode-full"><div class="node__meta"><span class="field field--name-uid">{e(a.author)}</span> '
            f'<span class="field field--name-created">{a.date}</span></div><div class="node__content">'
            f'<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">{render_items(a, style)}</div>'
            f'<div class="field field--name-field-tags field--type-entity-reference"><div class="field__label">Tags</div><div class="field__items"><div class="field__item"><a href="/t">{e(a.section)}</a></div></div></div>'
            f'</div></article></div></div>'
            f'<aside class="layout-sidebar-second" role="complementary"><div class="views-element-container block block-views"><h2>Latest news</h2>'
            + "".join(f'<div class="views-row"><a href="/n{i}">{e(t)}</a></div>' for i, t in enumerate(rng.sample(RELATED, 4))) +
            f'</div></aside></main>{address_footer(site, "footer", "role=contentinfo")}</div></div>{consent(o.get("consent"))}')
    return page(a, site, body, ld_json(a, site, o.get("ld_body", False)) if o.get("jsonld", False) else "")


def nextjs(a, o, rng):
    """Component classes without meaning (CSS modules / styled components); JSON-LD carries the body."""
    site = o.get("site", "Pulse Daily")
    visible = o.get("visible")  # paragraphs shown before a paywall, or None for all

    def p(t):
        return f'<div class="sc-17a4e1a-0 kWmPqs"><p class="sc-d1f8b2c4-0 hUxZtA">{e(t)}</p></div>'
    style = {"p": p, "h": lambda t: f'<h2 class="sc-5c2e1f-1 bZtQoR">{e(t)}</h2>'}
    shown = a
    if visible is not None:
        from fixture_model import A
        shown = A(a.slug, a.headline, a.author, a.date, a.section, a.body[:visible])
    items = render_items(shown, style)
    promo = f'<div class="sc-8f1d2a-0 jPqRmN"><span>Recommended</span><a href="/a"><h3>{e(rng.choice(RELATED))}</h3></a><a href="/b"><h3>{e(rng.choice(RELATED))}</h3></a></div>'
    cut = items.find("</div>", items.find("</div>") + 6) + 6
    items = items[:cut] + promo + items[cut:]
    if o.get("split"):
        k = items.find('<div class="sc-17a4e1a-0', len(items) // 2)
        items = (f'<div class="sc-0a1b2c-0 aBcDeF">{items[:k]}</div><div class="sc-9z8y7x-0 nLetTr"><div><h3>The Morning Pulse</h3>'
                 f'<p>Every weekday at seven, the stories you need to start your day, from our newsroom to your inbox.</p><input type="email"></div></div>'
                 f'<div class="sc-0a1b2c-1 gHiJkL"><div><div>{items[k:]}</div></div></div>')
    wall = ('<div class="sc-77aa1b-0 paywall-gate"><h3>Subscribe to keep reading</h3><p>Get unlimited access to Pulse Daily journalism for 1 a week.</p>'
            '<a href="/subscribe">Subscribe now</a></div>') if visible is not None else ""
    ld_text = o.get("ld_text")  # an articleBody that differs from the page (e.g. a summary)
    body = (f'<div id="__next"><div class="sc-3e8c0f-0 fTgHzA"><div class="sc-a1b2c3-0 header-bar"><a href="/">{e(site)}</a><ul>{nav_links(6)}</ul></div>'
            f'<main class="sc-b9d4e7-0 dXkRtL"><div class="sc-c4d5e6-0 gQmBxY"><span class="sc-1f2e3d-0 lFhKsE">{e(a.section)}</span><h1 class="sc-4a5b6c-0 jRtSwE">{e(a.headline)}</h1>'
            f'<div class="sc-9e8d7c-0 pMnBvC"><span>{e(a.author)}</span> <span>{a.date}</span></div></div>'
            f'<div class="sc-e2f3a4-0 cVbNmQ">{items}{wall}</div>'
            f'<div class="sc-aa11bb-0 xYzAbC"><h2>Most popular</h2><ol>' + "".join(f'<li><a href="/m{i}">{e(t)}</a></li>' for i, t in enumerate(rng.sample(RELATED, 5))) + '</ol></div>'
            f'</main><div class="sc-f00d11-0 qWeRtY"><p>{e(site)} is a member of the Independent Press Standards Organisation. &copy; {a.date[:4]}</p></div></div></div>'
            f'{consent(o.get("consent"))}<script id="__NEXT_DATA__" type="application/json">{{"props":{{"pageProps":{{}}}}}}</script>')
    return page(a, site, body, ld_json(a, site, True, ld_text, graph=o.get("graph", False)))


def amp(a, o, rng):
    site = o.get("site", "Coastline Express")

    def fig(f):
        return (f'<figure class="amp-wp-inline-image"><amp-img src="/p.jpg" width="640" height="360" layout="responsive"></amp-img>'
                f'<figcaption class="wp-caption-text">{e(f.caption)} {e(f.credit)}</figcaption></figure>')
    n = [0]

    def p(t):
        n[0] += 1
        ad = '<amp-ad width="300" height="250" type="doubleclick" data-slot="/123/amp"></amp-ad>' if n[0] == 2 else ""
        return f"<p>{e(t)}</p>{ad}"
    style = {"p": p, "fig": fig}
    consent_ui = ""
    if o.get("consent"):
        consent_ui = (f'<amp-consent id="site-consent" layout="nodisplay"><script type="application/json">{{"consentInstanceId":"c"}}</script>'
                      f'<div id="consent-ui" class="consent-ui"><p>{e(CONSENT_SHORT)}</p><button on="tap:site-consent.accept">Accept</button></div></amp-consent>')
    body = (f'{consent_ui}<amp-sidebar id="sidebar" layout="nodisplay" side="left"><ul>{nav_links()}</ul></amp-sidebar>'
            f'<header id="top" class="amp-wp-header"><div><a href="/">{e(site)}</a></div></header>'
            f'<article class="amp-wp-article"><header class="amp-wp-article-header"><h1 class="amp-wp-title">{e(a.headline)}</h1>'
            f'<div class="amp-wp-meta amp-wp-byline"><span class="amp-wp-author author vcard">{e(a.author)}</span></div>'
            f'<div class="amp-wp-meta amp-wp-posted-on"><time datetime="{a.date}T08:00:00+00:00">{a.date}</time></div></header>'
            f'<div class="amp-wp-article-content">{render_items(a, style)}</div>'
            f'<footer class="amp-wp-article-footer"><div class="amp-wp-meta amp-wp-tax-category">Categories: <a href="/c">{e(a.section)}</a></div>'
            f'<amp-social-share type="twitter"></amp-social-share><amp-social-share type="facebook"></amp-social-share></footer></article>'
            f'<footer class="amp-wp-footer"><div><h2>{e(site)}</h2><a href="#top" class="back-to-top">Back to top</a></div></footer>')
    return page(a, site, body, '<link rel="canonical" href="https://example.org/story/%s">' % a.slug + ld_json(a, site, o.get("ld_body", False)),
                html_attrs=' amp=""')


def regional(a, o, rng):
    """A classic newspaper CMS: story-body wrappers, inline promos, a consent manager banner."""
    site = o.get("site", "Eastmere Evening Post")
    n = [0]

    def p(t):
        n[0] += 1
        promo = (f'<div class="story-inline-promo"><a href="/r"><span>{e(rng.choice(RELATED))}</span></a></div>' if n[0] == 2 else "")
        return f"<p>{e(t)}</p>{promo}"
    style = {"p": p}
    body = (f'{consent(o.get("consent"))}<div class="site-wrapper"><div class="top-bar"><a href="/">{e(site)}</a><ul class="primary-links">{nav_links()}</ul>'
            f'<a class="sign-in" href="/login">Sign in</a></div>'
            f'<div class="container"><div class="story"><div class="story-header"><h1 class="story-headline">{e(a.headline)}</h1>'
            f'<p class="story-byline">By {e(a.author)}</p><p class="story-date">{a.date}</p></div>'
            f'<div class="story-body"><div class="story-body__inner" property="articleBody">{render_items(a, style)}</div></div>'
            f'<div class="story-more">{related_list(rng, 4, "story-more__links")}</div></div></div>'
            f'{address_footer(site)}</div>')
    return page(a, site, body)


def divbr(a, o, rng):
    """Legacy CMS: the story is bare text in a div, paragraphs separated by <br><br>; the
    footer holds an address with many commas."""
    site = o.get("site", "Valley Gazette Online")
    sep = "<br>\n" if o.get("deep") else "<br><br>\n"
    text = sep.join(e(b) if isinstance(b, str) else e(getattr(b, "text", "")) for b in a.body if isinstance(b, (str, H, Q)))
    if o.get("deep"):  # text in <font>, nested wrappers, one <br> between paragraphs
        text = f'<div class="col"><div class="inner"><div class="txt"><font face="Verdana" size="2">{text}</font></div></div></div>'
    body = (f'{consent(o.get("consent"))}<div id="wrap"><div id="top"><a href="/"><img src="/logo.gif" alt="{e(site)}"></a></div>'
            f'<div id="menu-bar"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a> | <a href="/classifieds">Classifieds</a> | <a href="/contact">Contact</a></div>'
            f'<div id="main-col"><div class="headline"><b>{e(a.headline)}</b></div><div class="small">{e(a.author)}, {a.date}</div>'
            f'<div class="storytext">{text}</div><div class="small"><a href="/print">Printer friendly</a> | <a href="/email">Email this story</a></div></div>'
            f'<div id="bottom-info"><font size="1">{e(site)} is published by Valley Press Ltd., Unit 4, Mill Lane Industrial Estate, Carrow, Dunshire, '
            f'DN7 2QP, United Kingdom. Telephone 01632 960 551, fax 01632 960 552, email news at valleygazette, registered office as above, '
            f'company number 02291877, VAT number 448 2913 07, printed by Dunshire Print Works, Station Road, Carrow.</font></div></div>')
    return page(a, site, body, lang="en-GB")


def sports(a, o, rng):
    site = o.get("site", "Non-League Weekly")

    def table(t):
        rows = "".join("<tr>" + "".join(f'<td class="col-{i}">{e(c)}</td>' for i, c in enumerate(r)) + "</tr>" for r in t.rows[1:])
        hdr = "".join(f"<th>{e(c)}</th>" for c in t.rows[0])
        return f'<div class="table-wrapper"><table class="standings"><caption>{e(t.caption)}</caption><tr>{hdr}</tr>{rows}</table></div>'
    style = {"p": lambda t: f"<p>{e(t)}</p>", "table": table}
    inside_top = inside_bottom = ""
    if o.get("notes_inside"):  # a date line and a moderation notice inside the story's own container
        inside_top = f'<p class="meta-line">Posted {a.date} at 10:45 am, updated 2:10 pm</p>'
        inside_bottom = ('<p>Comments on this story are moderated and may take some time to appear. '
                         'Please be civil, stay on topic and do not post personal information.</p>')
    body = (f'<div class="page"><div class="masthead"><a href="/">{e(site)}</a><ul class="nav">{nav_links(6)}</ul></div>'
            f'<div class="main"><div class="article"><span class="kicker">{e(a.section)}</span><h1>{e(a.headline)}</h1>'
            f'<p class="dateline-small">{a.date} | {e(a.author)}</p><div class="article-content">{inside_top}{render_items(a, style)}{inside_bottom}</div>'
            f'<p class="comment-note">Comments are moderated before they appear. Please keep your comments respectful, on topic and free of personal abuse.</p></div>'
            f'<div class="sidebar"><h3>Fixtures</h3><table class="fixtures"><tr><td><a href="/f1">Holt v Ridley</a></td><td>15:00</td></tr><tr><td><a href="/f2">Cobham v Dunmore</a></td><td>15:00</td></tr></table></div></div>'
            f'{address_footer(site)}</div>{consent(o.get("consent"))}')
    return page(a, site, body)


def listicle(a, o, rng):
    """Each numbered item is its own component; the list is most of the article."""
    site = o.get("site", "Everyday Guide")
    out = []
    for b in a.body:
        if isinstance(b, (OL, UL)):
            for i, item in enumerate(b.items, 1):
                out.append(f'<div class="listicle-item"><span class="listicle-item__number">{i}.</span><div class="listicle-item__body"><p>{e(item)}</p></div></div>')
        elif isinstance(b, str):
            out.append(f'<div class="rich-text"><p>{e(b)}</p></div>')
        elif isinstance(b, H):
            out.append(f'<h2>{e(b.text)}</h2>')
    body = (f'<div class="app"><header class="global-header"><a href="/">{e(site)}</a><ul>{nav_links()}</ul></header>'
            f'<main class="main-content"><h1>{e(a.headline)}</h1><div class="byline-block">By {e(a.author)} &middot; {a.date}</div>'
            f'<div class="article-layout"><div class="article-layout__body">{"".join(out)}</div>'
            f'<div class="article-layout__rail">{related_list(rng, 4, "rail-list")}</div></div></main>'
            f'<footer class="global-footer"><p>&copy; {e(site)}</p></footer></div>{consent(o.get("consent"))}')
    return page(a, site, body)


def blox(a, o, rng):
    """TownNews-style local news: itemprop=articleBody, subscriber preview split, date line and
    a comment-moderation notice next to the story."""
    site = o.get("site", "Carrow Valley Tribune")
    paras = [b for b in a.body if not isinstance(b, F)]
    from fixture_model import A
    first, rest = A(a.slug, "", "", "", "", paras[:2]), A(a.slug, "", "", "", "", paras[2:])
    style = {"p": lambda t: f"<p>{e(t)}</p>"}
    body = (f'<div id="site-container"><div id="site-header"><a href="/">{e(site)}</a><ul class="nav navbar-nav">{nav_links()}</ul></div>'
            f'<div id="main-page-container"><div class="row"><div class="col-md-8"><div class="asset-header"><h1 class="headline"><span class="asset-headline">{e(a.headline)}</span></h1>'
            f'<ul class="list-inline"><li><span class="asset-byline">{e(a.author)}</span></li><li><span class="asset-date">Posted {a.date}</span></li></ul></div>'
            f'<div class="asset-body"><div class="asset-content subscriber-premium" itemprop="articleBody"><div class="subscriber-preview">{render_items(first, style)}</div>'
            f'<div class="subscriber-only">{render_items(rest, style)}</div></div>'
            f'<p class="tnt-date-line">Updated {a.date} 4:12 pm</p>'
            f'<div class="asset-moderation"><p>Comments are moderated and may take up to 24 hours to appear. Keep it clean, keep it civil, and stay on topic; abusive posts will be removed.</p></div></div>'
            f'</div><div class="col-md-4"><div class="tnt-headlines"><h4>Most read</h4>' + "".join(f'<p><a href="/l{i}">{e(t)}</a></p>' for i, t in enumerate(rng.sample(RELATED, 4))) + '</div></div></div></div>'
            f'{address_footer(site)}</div>{consent(o.get("consent"))}')
    return page(a, site, body)


def ghost(a, o, rng):
    site = o.get("site", "Slow Streets")

    def fig(f):
        return f'<figure class="kg-card kg-image-card kg-card-hascaption"><img src="/content/images/p.jpg" class="kg-image"><figcaption>{e(f.caption)} {e(f.credit)}</figcaption></figure>'
    style = {"p": lambda t: f"<p>{e(t)}</p>", "fig": fig, "h": lambda t: f'<h2 id="{e(t.lower().replace(" ", "-"))}">{e(t)}</h2>'}
    body = (f'<div class="viewport"><header id="gh-head" class="gh-head"><a class="gh-head-logo" href="/">{e(site)}</a><nav class="gh-head-menu"><ul class="nav">{nav_links(5)}</ul></nav></header>'
            f'<main id="site-main" class="site-main"><article class="article post tag-opinion"><header class="article-header gh-canvas"><h1 class="article-title">{e(a.headline)}</h1>'
            f'<div class="article-byline"><a href="/author/x">{e(a.author)}</a> <time datetime="{a.date}">{a.date}</time></div></header>'
            f'<section class="gh-content gh-canvas">{render_items(a, style)}</section>'
            f'<section class="article-comments gh-canvas"><div class="gh-cta"><h2>This post is for subscribers only</h2><p>Sign up now to read the post and get access to the full library of posts for subscribers only.</p></div></section></article></main>'
            f'<aside class="read-more-wrap"><div class="read-more inner">' + "".join(f'<article class="post-card"><a class="post-card-content-link" href="/p{i}"><h2 class="post-card-title">{e(t)}</h2></a></article>' for i, t in enumerate(rng.sample(RELATED, 3))) +
            f'</div></aside><footer class="site-footer outer"><div class="inner"><section class="copyright"><a href="/">{e(site)}</a> &copy; {a.date[:4]}</section></div></footer></div>{consent(o.get("consent"))}')
    return page(a, site, body)


def substack(a, o, rng):
    site = o.get("site", "Small Hours")
    style = {"p": lambda t: f"<p>{e(t)}</p>"}
    items = render_items(a, style)
    widget = ('<div class="subscription-widget-wrap-editor"><div class="subscription-widget show-subscribe"><div class="preamble"><p class="cta-caption">'
              f'Thanks for reading {e(site)}! Subscribe for free to receive new posts and support my work.</p></div><form><input type="email"><input type="submit" value="Subscribe"></form></div></div>')
    cut = items.find("</p>", items.find("</p>") + 4) + 4
    items = items[:cut] + widget + items[cut:]
    body = (f'<div id="entry"><div class="main-menu"><a href="/">{e(site)}</a><a href="/subscribe">Subscribe</a><a href="/signin">Sign in</a></div>'
            f'<div class="single-post-container"><div class="container"><div class="single-post"><div class="post-header"><h1 class="post-title">{e(a.headline)}</h1>'
            f'<h3 class="subtitle">A short note on an ordinary week</h3><div class="post-meta"><a href="/profile">{e(a.author)}</a> <div class="pencraft">{a.date}</div></div></div>'
            f'<div class="available-content"><div dir="auto" class="body markup">{items}</div></div>'
            f'<div class="post-footer"><div class="post-ufi"><a>12</a><a>Share</a></div></div></div>'
            f'<div class="comments-page"><h4>Discussion about this post</h4>' + "".join(f'<div class="comment"><div class="comment-body"><p>{e(t)}</p></div></div>' for _, t in rng.sample(COMMENTS, 2)) +
            f'</div></div></div><div class="footer-wrap"><p>&copy; {a.date[:4]} {e(a.author)}</p></div></div>{consent(o.get("consent"))}')
    return page(a, site, body)


def wirephoto(a, o, rng):
    """A wire service page: photos with captions as divs and spans inside the story column."""
    site = o.get("site", "Meridian Wire")

    def fig(f):
        return (f'<div class="photo-block"><img src="/p.jpg" alt=""><div class="photo-caption">{e(f.caption)}'
                f'<span class="photo-credit">{e(f.credit)}</span></div></div>')
    style = {"p": lambda t: f'<p class="story-paragraph">{e(t)}</p>', "fig": fig}
    body = (f'<div class="page-wrapper"><div class="topnav"><a href="/">{e(site)}</a><ul>{nav_links()}</ul></div>'
            f'<div class="story-column"><h1 class="story-title">{e(a.headline)}</h1><div class="story-meta"><span class="byline">By {e(a.author)}</span> <span class="time">{a.date}</span></div>'
            f'<div class="story-content">{render_items(a, style)}</div>'
            f'<div class="story-tags"><a href="/t1">{e(a.section)}</a> <a href="/t2">World</a></div>'
            f'<p class="story-trust">Our standards: The Meridian Wire trust principles.</p></div>'
            f'<div class="more-from">{related_list(rng, 5, "more-from-wire")}</div>'
            f'<div class="bottom-links"><a href="/about">About</a> <a href="/careers">Careers</a></div></div>{consent(o.get("consent"))}')
    return page(a, site, body)


def magazine(a, o, rng):
    """Several <article> elements on the page (teasers) and JSON-LD in an @graph."""
    site = o.get("site", "Field Notes Magazine")
    style = {"p": lambda t: f"<p>{e(t)}</p>"}
    teasers = "".join(f'<article class="teaser"><a href="/t{i}"><h3>{e(t)}</h3></a><p>{e(t)} and what it means for the county this year, explained by our reporters.</p></article>'
                      for i, t in enumerate(rng.sample(RELATED, 3)))
    body = (f'<div class="wrapper"><div class="brand-bar"><a href="/">{e(site)}</a><ul>{nav_links()}</ul></div>'
            f'<div class="layout"><div class="col-main"><div class="piece"><h1>{e(a.headline)}</h1><p class="piece-meta">{e(a.author)} | {a.date}</p>'
            f'<div class="piece-text">{render_items(a, style)}</div></div>'
            f'<section class="up-next"><h2>Up next</h2>{teasers}</section></div></div>'
            f'<div class="closing"><p>{e(site)} is an independent magazine about the countryside, published every month since 1987.</p></div></div>{consent(o.get("consent"))}')
    return page(a, site, body, ld_json(a, site, o.get("ld_body", True), kind="Article", graph=True))


TEMPLATES = {
    "wordpress": wordpress, "arc": arc, "drupal": drupal, "nextjs": nextjs, "amp": amp, "regional": regional,
    "divbr": divbr, "sports": sports, "listicle": listicle, "blox": blox, "ghost": ghost, "substack": substack,
    "wirephoto": wirephoto, "magazine": magazine,
}


REPLIES = [
    "I grew up two streets from there and I can tell you, people have been asking for this for years, long before any of the current councillors were elected.",
    "Interesting piece, although I think it leaves out the cost to people who rent, who will end up paying for this one way or another through higher charges.",
    "The same thing happened in my town, and after a year everyone agreed it had been the right decision, even those who shouted loudest at the start.",
    "Has anyone asked the people who actually work there? In my experience they are the last to be consulted and the first to be blamed when it goes wrong.",
    "Good reporting. I would like to see a follow-up in six months to find out whether any of the promises were kept.",
]


def sections(a, o, rng):
    """Long-form template: each subheading opens its own <section>, with ads between them."""
    site = o.get("site", "The Long Read Review")
    groups, cur = [], []
    for b in a.body:
        if isinstance(b, H) and cur:
            groups.append(cur)
            cur = []
        cur.append(b)
    groups.append(cur)
    from fixture_model import A
    style = {"p": lambda t: f'<p class="body-text">{e(t)}</p>'}
    out = []
    for i, g in enumerate(groups):
        out.append(f'<section class="article-section" data-index="{i}">{render_items(A(a.slug, "", "", "", "", g), style)}</section>')
        if i == 0:
            out.append('<div class="ad-container"><div class="ad-slot" id="mid-1"></div><p class="ad-label">Advertisement</p></div>')
    body = (f'<div class="shell"><div class="navigation-bar"><a href="/">{e(site)}</a><ul>{nav_links()}</ul></div>'
            f'<div class="article-wrapper"><div class="headline-block"><h1>{e(a.headline)}</h1><p class="standfirst">A reported essay from our regional desk</p>'
            f'<p class="author-line">{e(a.author)}</p></div><div class="article-sections">{"".join(out)}</div>'
            f'<div class="end-of-article"><p>{e(site)} publishes one long read every week. Tell us what you think at the address below.</p></div></div>'
            f'{related_list(rng, 4, "onward-journeys")}{address_footer(site)}</div>{consent(o.get("consent"))}')
    return page(a, site, body)


def discussion(a, o, rng):
    """A forum-like local site: a reader discussion longer than the story, not named 'comments'."""
    site = o.get("site", "Hillside Community Voice")
    style = {"p": lambda t: f"<p>{e(t)}</p>"}
    replies = "".join(f'<div class="reply"><div class="reply-author">{e(w)}</div><div class="reply-text"><p>{e(t)}</p></div>'
                      f'<div class="reply-actions"><a href="#">Like</a> <a href="#">Reply</a></div></div>'
                      for (w, _), t in zip(COMMENTS, REPLIES))
    body = (f'<div id="container"><div class="top"><a href="/">{e(site)}</a><ul>{nav_links(5)}</ul></div>'
            f'<div class="content-area"><div class="story-block"><h1>{e(a.headline)}</h1><div class="submitted">Submitted by {e(a.author)} on {a.date}</div>'
            f'<div class="story-text">{render_items(a, style)}</div></div>'
            f'<div class="discussion"><h2>Discussion (5)</h2>{replies}</div></div>'
            f'{address_footer(site)}</div>{consent(o.get("consent"))}')
    return page(a, site, body)


def cards(a, o, rng):
    """Teaser cards with summaries inside the story container, and an author box."""
    site = o.get("site", "Harbour City Herald")
    style = {"p": lambda t: f"<p>{e(t)}</p>"}
    items = render_items(a, style)
    card = (f'<div class="inline-card"><a href="/c"><img src="/c.jpg"><h4>{e(rng.choice(RELATED))}</h4>'
            f'<p>The row over the plan has divided the town, with neighbours on both sides of the argument.</p></a></div>')
    cut = items.find("</p>", items.find("</p>") + 4) + 4
    items = items[:cut] + card + items[cut:]
    body = (f'<div class="site"><div class="header-strip"><a href="/">{e(site)}</a><ul>{nav_links()}</ul></div>'
            f'<div class="article-container"><h1>{e(a.headline)}</h1><div class="article-info">{e(a.author)} &middot; {a.date}</div>'
            f'<div class="article-text">{items}</div>'
            f'<div class="author-card"><p>{e(a.author)} has reported for the {e(site)} since 2015, covering courts, councils and the harbour.</p></div>'
            f'</div>{related_list(rng, 5, "more-headlines")}{address_footer(site)}</div>{consent(o.get("consent"))}')
    return page(a, site, body)


TEMPLATES.update({"sections": sections, "discussion": discussion, "cards": cards})
