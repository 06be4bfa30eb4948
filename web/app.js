// newsgraph web UI: a single page over the JSON API (/v1/...), routed by the URL hash.
// Every piece of article data is inserted as text (createTextNode / textContent), never
// as markup, so article text can hold anything. Spans in the analysis are UTF-8 byte
// offsets into the body; they are resolved on the encoded bytes (TextEncoder).
'use strict';

const CAMEO_ROOTS = {
  '01': 'Make public statement', '02': 'Appeal', '03': 'Express intent to cooperate', '04': 'Consult',
  '05': 'Engage in diplomatic cooperation', '06': 'Engage in material cooperation', '07': 'Provide aid',
  '08': 'Yield', '09': 'Investigate', '10': 'Demand', '11': 'Disapprove', '12': 'Reject', '13': 'Threaten',
  '14': 'Protest', '15': 'Exhibit force posture', '16': 'Reduce relations', '17': 'Coerce', '18': 'Assault',
  '19': 'Fight', '20': 'Use unconventional mass violence',
};

const main = document.getElementById('main');
const tip = document.getElementById('tip');
const SVG_NS = 'http://www.w3.org/2000/svg';

// h('a', {href: '#/'}, 'text', child...) → element; strings become text nodes.
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'style') el.style.cssText = v;  // CSSOM: allowed by the page's CSP, unlike style=""
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return el;
}

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return el;
}

async function api(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error((body.error && body.error.message) || ('HTTP ' + res.status));
  return body;
}

function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, v);
  return u.toString();
}

function show(...nodes) {
  main.replaceChildren(...nodes.flat());
  hideTip();
}

function showError(err) {
  show(h('h1', {}, 'Something went wrong'), h('p', { class: 'error' }, String(err.message || err)));
}

// Only http(s) links leave the page; anything else is shown as text.
function safeUrl(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}

function articleLink(id, title) { return h('a', { href: '#/article/' + encodeURIComponent(id) }, title || '(untitled)'); }
function entityLink(name) { return h('a', { href: '#/entity-name/' + encodeURIComponent(name) }, name); }
function rootLabel(root) { return root + ' ' + (CAMEO_ROOTS[root] || ''); }
function quadClass(root) { const r = parseInt(root, 10); return r <= 9 ? 'coop' : r >= 10 ? 'conf' : 'neutral'; }

// Snippets mark matches [like so]: shown with <mark>, built as text nodes.
function snippet(text) {
  const out = [];
  const re = /\[([^\[\]]*)\]/g;
  let last = 0, m;
  while ((m = re.exec(text)) !== null) {
    out.push(text.slice(last, m.index), h('mark', {}, m[1]));
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}

// ---------------------------------------------------------------- tooltip
function showTip(ev, nodes) {
  tip.replaceChildren(...nodes);
  tip.hidden = false;
  const x = Math.min(ev.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
  const y = ev.clientY + 18 + tip.offsetHeight > window.innerHeight ? ev.clientY - tip.offsetHeight - 10 : ev.clientY + 18;
  tip.style.left = x + 'px';
  tip.style.top = y + 'px';
}
function hideTip() { tip.hidden = true; }

// ---------------------------------------------------------------- search page
async function searchPage(params) {
  const form = h('form', { class: 'search', id: 'search-form' },
    h('input', { name: 'q', type: 'search', placeholder: 'Search articles…', value: params.q || '', autofocus: '' }),
    h('input', { name: 'entity', class: 'small', placeholder: 'entity', value: params.entity || '' }),
    h('input', { name: 'speaker', class: 'small', placeholder: 'speaker', value: params.speaker || '' }),
    h('input', { name: 'cameo', class: 'small', placeholder: 'CAMEO code', value: params.cameo || '' }),
    h('input', { name: 'from', class: 'small', placeholder: 'from YYYY-MM-DD', value: params.from || '' }),
    h('input', { name: 'to', class: 'small', placeholder: 'to YYYY-MM-DD', value: params.to || '' }),
    h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = {};
    for (const [k, v] of new FormData(form)) p[k] = String(v).trim();
    location.hash = '#/search?' + qs(p);
  });
  const results = h('section', { id: 'results' }, h('p', { class: 'muted' }, 'Searching…'));
  const facets = h('aside', { id: 'facets' });
  show(form, h('div', { class: 'layout' }, facets, results));
  const offset = parseInt(params.offset || '0', 10) || 0;
  const limit = 20;
  let r;
  try {
    r = await api('/v1/search?' + qs({ ...params, limit, offset }));
  } catch (err) {
    results.replaceChildren(h('p', { class: 'error' }, err.message));
    return;
  }
  const refine = (k, v) => '#/search?' + qs({ ...params, [k]: v, offset: '' });
  const chips = h('div', { class: 'chips' });
  for (const k of ['entity', 'speaker', 'cameo', 'from', 'to']) {
    if (params[k]) chips.append(h('span', { class: 'chip' }, k + ': ' + params[k], ' ', h('a', { href: refine(k, ''), title: 'remove filter' }, '×')));
  }
  const list = r.hits.map((hit) => h('article', { class: 'card hit' },
    h('h2', {}, articleLink(hit.id, hit.title)),
    h('div', { class: 'meta' }, hit.published || 'undated', ' · ',
      hit.story_id ? h('a', { href: '#/story/' + encodeURIComponent(hit.story_id) }, 'story') : '',
      safeUrl(hit.url) ? [' · ', h('a', { href: safeUrl(hit.url), rel: 'noopener noreferrer' }, 'source')] : ''),
    h('div', { class: 'snippet' }, snippet(hit.snippet || ''))));
  const pager = h('div', { class: 'pager' },
    offset > 0 ? h('a', { href: refine('offset', Math.max(0, offset - limit)) }, '← previous') : '',
    h('span', { class: 'muted' }, r.total ? `${offset + 1}–${offset + r.hits.length} of ${r.total}` : ''),
    offset + limit < r.total ? h('a', { href: refine('offset', offset + limit) }, 'next →') : '');
  results.replaceChildren(chips, h('p', { class: 'muted', id: 'total' }, `${r.total} article${r.total === 1 ? '' : 's'}`),
    ...list, pager);
  const facet = (title, items, key, label) => h('div', { class: 'facet card' }, h('h3', {}, title),
    items.length ? h('ul', {}, items.map((f) => h('li', {},
      h('a', { href: refine(key, f.value) }, label ? label(f.value) : f.value), h('span', { class: 'n' }, f.count)))) :
      h('p', { class: 'muted' }, 'none'));
  const maxDay = Math.max(1, ...r.facets.dates.map((d) => d.count));
  facets.replaceChildren(
    facet('Entities', r.facets.entities, 'entity'),
    facet('Speakers', r.facets.speakers, 'speaker'),
    facet('CAMEO roots', r.facets.cameo_roots, 'cameo', rootLabel),
    h('div', { class: 'facet card' }, h('h3', {}, 'Dates'),
      r.facets.dates.length ? h('ul', {}, r.facets.dates.map((d) => h('li', {},
        h('a', { href: '#/search?' + qs({ ...params, from: d.value, to: d.value, offset: '' }) }, d.value),
        h('span', { style: `flex:1;margin:6px 6px 0` }, h('div', { class: 'bar', style: `width:${Math.round(100 * d.count / maxDay)}%` })),
        h('span', { class: 'n' }, d.count)))) : h('p', { class: 'muted' }, 'none')));
}

// ---------------------------------------------------------------- article page
// Splits `body` at every annotation boundary (UTF-8 byte offsets) and wraps each piece in
// a span carrying the annotations that cover it.
function highlightBody(body, annotations, removedSummary) {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const bytes = enc.encode(body);
  const n = bytes.length;
  // Boundaries never split a UTF-8 character.
  const snap = (i) => { i = Math.max(0, Math.min(n, i | 0)); while (i > 0 && i < n && (bytes[i] & 0xc0) === 0x80) i--; return i; };
  const anns = annotations.map((a) => ({ ...a, start: snap(a.start), end: snap(a.end) })).filter((a) => a.end > a.start);
  const cuts = new Set([0, n]);
  for (const a of anns) { cuts.add(a.start); cuts.add(a.end); }
  const points = [...cuts].sort((x, y) => x - y);
  const container = h('div', { class: 'body', id: 'article-body' });
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i], to = points[i + 1];
    const text = dec.decode(bytes.subarray(from, to));
    const active = anns.filter((a) => a.start <= from && a.end >= to);
    if (!active.length) { container.appendChild(document.createTextNode(text)); continue; }
    const kinds = [...new Set(active.map((a) => a.kind))];
    const span = h('span', { class: 'hl ' + kinds.map((k) => 'hl-' + k).join(' '), 'data-kinds': kinds.join(' ') }, text);
    span.addEventListener('mousemove', (ev) => showTip(ev, tipFor(active, removedSummary)));
    span.addEventListener('mouseleave', hideTip);
    container.appendChild(span);
  }
  return container;
}

function tipFor(active, removedSummary) {
  const out = [];
  for (const a of active) {
    if (out.length) out.push(h('div', { class: 'sep' }));
    out.push(h('div', {}, ...a.describe()));
  }
  if (removedSummary) out.push(h('div', { class: 'sep' }), h('div', {}, removedSummary));
  return out;
}

async function articlePage(id) {
  const a = await api('/v1/articles/' + encodeURIComponent(id));
  const anns = [];
  for (const e of a.entities) {
    for (const m of e.mentions) {
      anns.push({ kind: 'entity', start: m.start, end: m.end, describe: () => [
        h('b', {}, e.name), ` (${e.type})`, e.title ? [h('br'), e.title] : '', e.country ? [h('br'), 'Country: ' + e.country] : '',
        e.aliases.length ? [h('br'), 'Also: ' + e.aliases.join(', ')] : ''] });
    }
  }
  for (const q of a.quotes) {
    anns.push({ kind: 'quote', start: q.start, end: q.end, describe: () => [
      h('b', {}, 'Quote'), ' — speaker: ', q.speaker || 'unattributed', q.cue ? [h('br'), 'Cue: “' + q.cue + '”'] : ''] });
  }
  for (const ev of a.events) {
    anns.push({ kind: 'event', start: ev.evidence_start, end: ev.evidence_end, describe: () => [
      h('b', {}, `Event ${ev.cameo} · ${rootLabel(ev.root)}`), h('br'),
      `${ev.source || '?'}${ev.source_code ? ' [' + ev.source_code + ']' : ''} → ${ev.target || '?'}${ev.target_code ? ' [' + ev.target_code + ']' : ''}`,
      h('br'), 'Evidence: “' + ev.evidence + '”', h('br'), 'Rule: ' + (ev.rule || '—'),
      ev.location || ev.when || ev.date ? [h('br'), [ev.location, ev.when, ev.date].filter(Boolean).join(' · ')] : ''] });
  }
  const removedSummary = a.removed.length
    ? `Cleaning removed ${a.removed.length} passage${a.removed.length === 1 ? '' : 's'} from this article: ` +
      a.removed.map((r) => r.kind + (r.reason ? ' (' + r.reason + ')' : '')).join('; ') : 'Cleaning removed nothing from this article.';
  const body = highlightBody(a.body, anns, removedSummary);
  const side = h('aside', {},
    h('div', { class: 'card' }, h('h3', {}, 'Entities'), a.entities.length ? h('table', {}, a.entities.map((e) =>
      h('tr', {}, h('td', {}, entityLink(e.name), e.title ? h('div', { class: 'muted' }, e.title) : ''),
        h('td', {}, h('span', { class: 'tag' }, e.type)), h('td', { class: 'muted' }, e.mentions.length + '×')))) : h('p', { class: 'muted' }, 'none')),
    h('div', { class: 'card' }, h('h3', {}, 'Quotes'), a.quotes.length ? a.quotes.map((q) =>
      h('div', { class: 'quote' }, '“' + q.text + '”', h('div', { class: 'muted' }, '— ', q.speaker ? entityLink(q.speaker) : 'unattributed'))) : h('p', { class: 'muted' }, 'none')),
    h('div', { class: 'card' }, h('h3', {}, 'Events'), a.events.length ? h('table', {}, a.events.map((ev) =>
      h('tr', {}, h('td', {}, h('span', { class: 'tag' }, ev.cameo)), h('td', {}, `${ev.source || '?'} → ${ev.target || '?'}`,
        h('div', { class: 'muted' }, CAMEO_ROOTS[ev.root] || ''))))) : h('p', { class: 'muted' }, 'none')),
    h('div', { class: 'card' }, h('h3', {}, 'Removed by cleaning'), a.removed.length ? a.removed.map((r) =>
      h('div', {}, h('span', { class: 'tag' }, r.kind), r.reason ? h('span', { class: 'muted' }, r.reason) : '', h('div', { class: 'removed' }, r.text))) : h('p', { class: 'muted' }, 'nothing')));
  show(h('h1', { id: 'article-title' }, a.title || '(untitled)'),
    h('p', { class: 'muted' }, [a.published || 'undated', a.dateline, a.byline].filter(Boolean).join(' · '),
      safeUrl(a.url) ? [' · ', h('a', { href: safeUrl(a.url), rel: 'noopener noreferrer' }, 'source')] : '',
      ` · tone ${a.tone.score.toFixed(2)}`),
    h('div', { class: 'legend' }, h('span', { class: 'hl-entity' }, 'entity'), h('span', { class: 'hl-quote' }, 'quotation'),
      h('span', { class: 'hl-event' }, 'event'), h('span', { class: 'muted' }, 'hover a highlight for its evidence')),
    h('div', { class: 'layout right' }, h('div', { class: 'card' }, body), side));
}

// ---------------------------------------------------------------- entity page
async function entityByName(name) {
  const r = await api('/v1/entities?' + qs({ q: name, limit: 200 }));
  const exact = r.entities.find((e) => e.name === name) || r.entities.find((e) => e.aliases.includes(name));
  if (!exact) throw new Error('no entity named ' + name);
  history.replaceState(null, '', '#/entity/' + exact.id);
  return entityPage(exact.id);
}

// Events per day as bars (cooperation up in green, conflict down in red).
function timeline(events) {
  const byDay = new Map();
  for (const e of events) {
    const day = e.date || e.published;
    if (!day) continue;
    const d = byDay.get(day) || { coop: 0, conf: 0 };
    d[quadClass(e.root)] = (d[quadClass(e.root)] || 0) + 1;
    byDay.set(day, d);
  }
  if (!byDay.size) return h('p', { class: 'muted' }, 'No dated events.');
  const days = [...byDay.keys()].sort();
  const t0 = Date.parse(days[0]), t1 = Math.max(Date.parse(days[days.length - 1]), t0 + 86400000);
  const W = 860, H = 200, L = 64, R = 12, mid = 100;
  const max = Math.max(1, ...[...byDay.values()].map((d) => Math.max(d.coop, d.conf)));
  const x = (day) => L + (W - L - R) * (Date.parse(day) - t0) / (t1 - t0);
  const bw = Math.max(3, Math.min(14, (W - L - R) / ((t1 - t0) / 86400000 + 1) - 1));
  const g = svg('g', { class: 'bars' });
  for (const [day, d] of byDay) {
    const hc = 80 * d.coop / max, hf = 80 * d.conf / max;
    if (d.coop) g.appendChild(svg('rect', { x: x(day) - bw / 2, y: mid - hc, width: bw, height: hc, class: 'coop' }, svg('title', {}, `${day}: ${d.coop} cooperative`)));
    if (d.conf) g.appendChild(svg('rect', { x: x(day) - bw / 2, y: mid, width: bw, height: hf, class: 'conf' }, svg('title', {}, `${day}: ${d.conf} conflictual`)));
  }
  const ticks = [];
  let lastTick = -Infinity;
  for (const day of days) {  // labels at least 90 px apart
    if (x(day) - lastTick < 90 || x(day) > W - 40) continue;
    lastTick = x(day);
    ticks.push(svg('text', { x: Math.max(x(day), L + 30), y: H - 4, 'text-anchor': 'middle' }, day));
  }
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-label': 'events over time', id: 'timeline' },
    svg('line', { x1: L, x2: W - R, y1: mid, y2: mid, stroke: '#9aa3b5' }),
    svg('text', { x: 2, y: 26 }, 'coop'), svg('text', { x: 2, y: 186 - 10 }, 'conflict'),
    g, ...ticks);
}

async function entityPage(id) {
  const e = await api('/v1/entities/' + encodeURIComponent(id));
  show(h('h1', { id: 'entity-name' }, e.name),
    h('p', { class: 'muted' }, h('span', { class: 'tag' }, e.type), e.country ? h('span', { class: 'tag' }, e.country) : '',
      `${e.articles} article${e.articles === 1 ? '' : 's'} · ${e.mentions} mentions · `,
      h('a', { href: '#/search?' + qs({ entity: e.name }) }, 'articles'), ' · ',
      h('a', { href: '#/network?' + qs({ actor: e.name }) }, 'network')),
    h('div', { class: 'layout right' },
      h('div', {},
        h('div', { class: 'card' }, h('h3', {}, 'Events over time'), timeline(e.events)),
        h('div', { class: 'card', id: 'entity-quotes' }, h('h3', {}, 'What they said'), e.quotes.length ? e.quotes.map((q) =>
          h('div', { class: 'quote' }, '“' + q.text + '”', h('div', { class: 'muted' }, q.published || '', ' · ', articleLink(q.article_id, 'article')))) :
          h('p', { class: 'muted' }, 'No quotations.')),
        h('div', { class: 'card' }, h('h3', {}, 'Events'), e.events.length ? h('table', {},
          h('tr', {}, h('th', {}, 'day'), h('th', {}, 'code'), h('th', {}, 'who → whom'), h('th', {}, 'evidence')),
          e.events.slice(0, 200).map((ev) => h('tr', {}, h('td', {}, ev.date || ev.published || ''),
            h('td', {}, h('span', { class: 'tag' }, ev.cameo)), h('td', {}, `${ev.source || '?'} → ${ev.target || '?'}`),
            h('td', {}, articleLink(ev.article_id, ev.evidence || 'article'))))) : h('p', { class: 'muted' }, 'No events.'))),
      h('aside', {},
        h('div', { class: 'card' }, h('h3', {}, 'Titles'), e.titles.length ? h('ul', {}, e.titles.map((t) => h('li', {}, t))) : h('p', { class: 'muted' }, 'none')),
        h('div', { class: 'card' }, h('h3', {}, 'Aliases'), e.aliases.length ? h('ul', {}, e.aliases.map((t) => h('li', {}, t))) : h('p', { class: 'muted' }, 'none')),
        h('div', { class: 'card facet' }, h('h3', {}, 'Appears with'), e.co_occurring.length ? h('ul', {}, e.co_occurring.map((c) =>
          h('li', {}, h('a', { href: '#/entity/' + c.id }, c.name), h('span', { class: 'n' }, c.articles)))) : h('p', { class: 'muted' }, 'nobody')))));
}

async function entitiesPage(params) {
  const r = await api('/v1/entities?' + qs({ q: params.q, limit: 100 }));
  const form = h('form', { class: 'search' }, h('input', { name: 'q', placeholder: 'Find an entity…', value: params.q || '' }), h('button', { type: 'submit' }, 'Find'));
  form.addEventListener('submit', (e) => { e.preventDefault(); location.hash = '#/entities?' + qs({ q: form.q.value.trim() }); });
  show(h('h1', {}, 'Entities'), form, h('div', { class: 'card' }, h('table', {},
    h('tr', {}, h('th', {}, 'name'), h('th', {}, 'type'), h('th', {}, 'titles'), h('th', {}, 'articles'), h('th', {}, 'mentions')),
    r.entities.map((e) => h('tr', {}, h('td', {}, h('a', { href: '#/entity/' + e.id }, e.name)), h('td', {}, h('span', { class: 'tag' }, e.type)),
      h('td', { class: 'muted' }, e.titles.join(', ')), h('td', {}, e.articles), h('td', {}, e.mentions))))));
}

// ---------------------------------------------------------------- stories
async function storiesPage() {
  const r = await api('/v1/stories?limit=100');
  show(h('h1', {}, 'Stories'), h('p', { class: 'muted' }, 'Reposts and near-duplicates grouped; largest first.'),
    h('div', { class: 'card' }, h('table', {}, h('tr', {}, h('th', {}, 'story'), h('th', {}, 'articles'), h('th', {}, 'first'), h('th', {}, 'last')),
      r.stories.map((s) => h('tr', {}, h('td', {}, h('a', { href: '#/story/' + encodeURIComponent(s.id) }, s.title || s.id)),
        h('td', {}, s.articles), h('td', {}, s.first_published || ''), h('td', {}, s.last_published || ''))))));
}

async function storyPage(id) {
  const s = await api('/v1/stories/' + encodeURIComponent(id));
  show(h('h1', {}, s.title || s.id), h('p', { class: 'muted' }, `${s.articles} article${s.articles === 1 ? '' : 's'}`,
    s.first_published ? ` · ${s.first_published} – ${s.last_published}` : ''),
    s.article_list.map((a) => h('div', { class: 'card hit' }, h('h2', {}, articleLink(a.id, a.title)),
      h('div', { class: 'meta' }, [a.published, a.source].filter(Boolean).join(' · '), safeUrl(a.url) ? [' · ', h('a', { href: safeUrl(a.url), rel: 'noopener noreferrer' }, a.url)] : ''),
      h('div', { class: 'snippet' }, a.lead))));
}

// ---------------------------------------------------------------- actor network
async function networkPage(params) {
  const form = h('form', { class: 'search' },
    h('input', { name: 'actor', class: 'small', placeholder: 'actor', value: params.actor || '' }),
    h('input', { name: 'cameo', class: 'small', placeholder: 'CAMEO code', value: params.cameo || '' }),
    h('input', { name: 'from', class: 'small', placeholder: 'from YYYY-MM-DD', value: params.from || '' }),
    h('input', { name: 'to', class: 'small', placeholder: 'to YYYY-MM-DD', value: params.to || '' }),
    h('button', { type: 'submit' }, 'Draw'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = {};
    for (const [k, v] of new FormData(form)) p[k] = String(v).trim();
    location.hash = '#/network?' + qs(p);
  });
  const r = await api('/v1/network?' + qs({ actor: params.actor, cameo: params.cameo, from: params.from, to: params.to, limit: 80 }));
  if (!r.nodes.length) { show(h('h1', {}, 'Actor network'), form, h('p', { class: 'muted' }, 'No events with both actors named.')); return; }
  const W = 1000, H = 560, cx = W / 2, cy = H / 2, rad = Math.min(W, H) / 2 - 40;
  const nodes = [...r.nodes].sort((a, b) => b.events - a.events);
  const pos = new Map();
  nodes.forEach((n, i) => { const t = 2 * Math.PI * i / nodes.length - Math.PI / 2; pos.set(n.id, [cx + rad * Math.cos(t), cy + rad * Math.sin(t), t]); });
  const maxE = Math.max(1, ...r.edges.map((e) => e.events));
  const maxN = Math.max(1, ...nodes.map((n) => n.events));
  const defs = svg('defs', {}, ...['coop', 'conf'].map((k) => svg('marker', { id: 'arrow-' + k, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' },
    svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: k === 'coop' ? '#2f7d4f' : '#b42318' }))));
  const edges = r.edges.map((e) => {
    const [x1, y1] = pos.get(e.source), [x2, y2] = pos.get(e.target);
    let coop = 0, conf = 0;
    for (const [root, n] of Object.entries(e.roots)) { if (quadClass(root) === 'coop') coop += n; else conf += n; }
    const kind = coop >= conf ? 'coop' : 'conf';
    // Bend each edge a little so A→B and B→A stay apart; stop short of the target circle.
    const dx = x2 - x1, dy = y2 - y1, len = Math.hypot(dx, dy) || 1;
    const rt = 6 + 10 * Math.sqrt((nodes.find((n) => n.id === e.target) || { events: 1 }).events / maxN);
    const ex = x2 - dx / len * (rt + 2), ey = y2 - dy / len * (rt + 2);
    const mx = (x1 + ex) / 2 - dy / len * 24, my = (y1 + ey) / 2 + dx / len * 24;
    return svg('path', { d: `M${x1},${y1} Q${mx},${my} ${ex},${ey}`, fill: 'none', stroke: kind === 'coop' ? '#2f7d4f' : '#b42318',
      'stroke-opacity': 0.6, 'stroke-width': (1 + 7 * e.events / maxE).toFixed(1), 'marker-end': `url(#arrow-${kind})` },
    svg('title', {}, `${e.source} → ${e.target}: ${e.events} event${e.events === 1 ? '' : 's'} (` +
      Object.entries(e.roots).map(([k, v]) => `${v}× ${rootLabel(k)}`).join(', ') + ')'));
  });
  const circles = nodes.map((n) => {
    const [x, y, t] = pos.get(n.id);
    const right = Math.cos(t) >= 0;
    const a = document.createElementNS(SVG_NS, 'a');
    a.setAttribute('href', '#/entity-name/' + encodeURIComponent(n.id));
    a.append(svg('circle', { cx: x, cy: y, r: 6 + 10 * Math.sqrt(n.events / maxN) }, svg('title', {}, `${n.id}${n.code ? ' [' + n.code + ']' : ''}: ${n.events} events`)),
      svg('text', { x: x + (right ? 16 : -16), y: y + 4, 'text-anchor': right ? 'start' : 'end' }, n.id));
    return a;
  });
  show(h('h1', {}, 'Actor network'), h('p', { class: 'muted' },
    `Who acted on whom: ${r.edges.length} pairs from ${r.events_seen} events. Edge width: number of events; green: mostly cooperation (CAMEO 01–09), red: mostly conflict (10–20).`),
  form, h('div', { class: 'card' }, svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', class: 'net', id: 'network', role: 'img', 'aria-label': 'actor network' }, defs, ...edges, ...circles)));
}

// ---------------------------------------------------------------- routing
let routeSeq = 0;  // renders started; only the latest one may mark the page ready

async function route() {
  const seq = ++routeSeq;
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  const params = Object.fromEntries(new URLSearchParams(query || ''));
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  try {
    if (parts.length === 0 || parts[0] === 'search') await searchPage(params);
    else if (parts[0] === 'article' && parts[1]) await articlePage(parts[1]);
    else if (parts[0] === 'entity' && parts[1]) await entityPage(parts[1]);
    else if (parts[0] === 'entity-name' && parts[1]) await entityByName(parts[1]);
    else if (parts[0] === 'entities') await entitiesPage(params);
    else if (parts[0] === 'stories') await storiesPage();
    else if (parts[0] === 'story' && parts[1]) await storyPage(parts[1]);
    else if (parts[0] === 'network') await networkPage(params);
    else show(h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/' }, 'Back to search')));
  } catch (err) {
    showError(err);
  }
  // The route now in the address bar (a page may have canonicalised it, e.g. an entity
  // name to its id), set only by the latest render so tests never see a stale page.
  if (seq === routeSeq) document.body.dataset.ready = location.hash.replace(/^#/, '') || '/';
}

async function loadStats() {
  try {
    const s = await api('/healthz');
    document.getElementById('stats').textContent =
      `${s.articles} articles · ${s.stories} stories · ${s.entities} entities · ${s.quotes} quotes · ${s.events} events`;
  } catch (err) { /* the page works without the counts */ }
}

window.addEventListener('hashchange', route);
loadStats();
route();
