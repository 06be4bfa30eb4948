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
function rootLabel(root) { return root + ' ' + (codeLabel(root) || CAMEO_ROOTS[root] || ''); }
function cameoTag(code, quad) {
  const q = quad || (cameoNames && (cameoNames.get(code) || cameoNames.get((code || '').slice(0, 3)) || {}).quad_class) || 0;
  return h('span', { class: 'tag q' + q, title: codeNamed(code) }, code, ' ', h('span', { class: 'code-label' }, codeLabel(code)));
}
// Cooperation (quad classes 1-2, roots 01-08) or conflict (3-4, roots 09-20: investigating is not cooperation).
function quadClass(root, quad) {
  if (quad) return quad <= 2 ? 'coop' : 'conf';
  const r = parseInt(root, 10);
  return r <= 8 ? 'coop' : r >= 9 ? 'conf' : 'neutral';
}

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
// Kept inside the viewport (also at 400 px); hover and keyboard focus show the same thing.
function placeTip(x, y) {
  const pad = 8, w = tip.offsetWidth, ht = tip.offsetHeight;
  tip.style.left = Math.max(pad, Math.min(x + 14, window.innerWidth - w - pad)) + 'px';
  tip.style.top = (y + 18 + ht > window.innerHeight - pad ? Math.max(pad, y - ht - 10) : y + 18) + 'px';
}
function showTip(ev, nodes) {
  tip.replaceChildren(...nodes);
  tip.hidden = false;
  placeTip(ev.clientX, ev.clientY);
}
function showTipFor(el, nodes) {
  const r = el.getBoundingClientRect();
  tip.replaceChildren(...nodes);
  tip.hidden = false;
  placeTip(r.left, r.bottom - 12);
}
function hideTip() { tip.hidden = true; }

// Makes `el` focusable and shows nodes() on hover and on keyboard focus.
function withTip(el, nodes) {
  if (!el.hasAttribute('tabindex') && el.tagName.toLowerCase() !== 'a') el.setAttribute('tabindex', '0');
  el.addEventListener('mousemove', (ev) => { ev.stopPropagation(); showTip(ev, nodes()); });
  el.addEventListener('mouseleave', hideTip);
  el.addEventListener('focus', (ev) => { ev.stopPropagation(); showTipFor(el, nodes()); });
  el.addEventListener('blur', hideTip);
  return el;
}

// ---------------------------------------------------------------- CAMEO names and charts
let cameoNames = null;  // code -> {label, quad_class}, from /v1/cameo (data/events/codes.tsv)
async function loadCameo() {
  if (cameoNames) return cameoNames;
  try {
    const r = await api('/v1/cameo');
    cameoNames = new Map(r.codes.map((c) => [c.code, c]));
  } catch (err) { cameoNames = new Map(); }
  return cameoNames;
}
function codeLabel(code) {
  if (!code) return '';
  const key = code.length === 2 ? code + '0' : code;
  const c = cameoNames && (cameoNames.get(key) || cameoNames.get(key.slice(0, 3)));
  return c ? c.label : (code.length === 2 ? CAMEO_ROOTS[code] || '' : '');
}
function codeNamed(code) { const l = codeLabel(code); return l ? `${code} ${l}` : code; }
const QUADS = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' };
function quadOfCounts(counts) {
  let best = 0, n = -1;
  for (const [q, c] of Object.entries(counts || {})) if (+q >= 1 && c > n) { best = +q; n = c; }
  return best;
}
function hasD3() { return typeof window.d3 !== 'undefined'; }
function noLibrary(what) {
  return h('p', { class: 'muted' }, `${what} needs the bundled chart library, missing from this build: ` +
    (window.NEWSGRAPH_NO_VENDOR || 'vendor.js did not load') + '.');
}

// Volume per day as bars on a count scale, and a mean (tone) per day as a line on its own
// scale. points: [{date, <count>, <mean>}].
function dayChart(points, { count = 'articles', countLabel = 'articles', mean = 'tone', meanLabel = 'mean tone', id = 'day-chart' } = {}) {
  const days = points.filter((p) => /^\d{4}-\d{2}-\d{2}$/.test(p.date));
  if (!days.length) return h('p', { class: 'muted', id }, 'No dated matches.');
  if (!hasD3()) return noLibrary('The time chart');
  const W = 860, H = 230, m = { l: 46, r: mean ? 50 : 14, t: 14, b: 30 };
  const parse = d3.utcParse('%Y-%m-%d');
  for (const d of days) d.t = parse(d.date);
  const t0 = d3.min(days, (d) => d.t), t1 = d3.max(days, (d) => d.t);
  const x = d3.scaleUtc().domain([d3.utcDay.offset(t0, -1), d3.utcDay.offset(t1, 1)]).range([m.l, W - m.r]);
  const maxCount = d3.max(days, (d) => d[count]) || 1;
  const y = d3.scaleLinear().domain([0, maxCount]).nice().range([H - m.b, m.t]);
  const span = d3.utcDay.count(t0, t1) + 3;
  const bw = Math.max(2, Math.min(20, (W - m.l - m.r) / span - 2));
  const root = d3.create('svg').attr('viewBox', `0 0 ${W} ${H}`).attr('width', '100%').attr('class', 'chart')
    .attr('id', id).attr('role', 'img').attr('aria-label', `${countLabel} per day`);
  root.append('g').attr('class', 'axis x').attr('transform', `translate(0,${H - m.b})`)
    .call(d3.axisBottom(x).ticks(Math.min(6, span)).tickFormat(d3.utcFormat('%b %d')).tickSizeOuter(0));
  root.append('g').attr('class', 'axis y').attr('transform', `translate(${m.l},0)`)
    .call(d3.axisLeft(y).ticks(Math.min(5, maxCount)).tickFormat(d3.format('d')));
  root.append('text').attr('x', 4).attr('y', 10).attr('class', 'axis-label').text(countLabel);
  const bars = root.append('g').attr('class', 'vol');
  for (const d of days) {
    const rect = bars.append('rect').attr('x', x(d.t) - bw / 2).attr('y', y(d[count])).attr('width', bw)
      .attr('height', y(0) - y(d[count])).attr('data-date', d.date).attr('data-count', d[count]).node();
    withTip(rect, () => [h('b', {}, d.date), h('br'), `${d[count]} ${countLabel}`,
      mean && d[mean] !== undefined && d[mean] !== null ? [h('br'), `${meanLabel}: ${(+d[mean]).toFixed(2)}`] : '']);
  }
  if (mean) {
    const vals = days.filter((d) => d[mean] !== undefined && d[mean] !== null);
    const ext = d3.extent(vals, (d) => +d[mean]);
    const yt = d3.scaleLinear().domain([Math.min(0, ext[0]), Math.max(0, ext[1])]).nice().range([H - m.b, m.t]);
    root.append('g').attr('class', 'axis tone').attr('transform', `translate(${W - m.r},0)`).call(d3.axisRight(yt).ticks(4));
    root.append('text').attr('x', W - 4).attr('y', 10).attr('text-anchor', 'end').attr('class', 'axis-label tone').text(meanLabel);
    root.append('path').attr('class', 'tone-line').attr('fill', 'none')
      .attr('d', d3.line().x((d) => x(d.t)).y((d) => yt(+d[mean]))(vals));
    root.append('g').attr('class', 'tone-dots').selectAll('circle').data(vals).join('circle')
      .attr('cx', (d) => x(d.t)).attr('cy', (d) => yt(+d[mean])).attr('r', 2.5);
  }
  return root.node();
}

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
    r = await api('/v1/search?' + qs({ ...params, limit, offset, timeline: 1 }));
  } catch (err) {
    results.replaceChildren(h('p', { class: 'error' }, err.message));
    return;
  }
  const refine = (k, v) => '#/search?' + qs({ ...params, [k]: v, offset: '' });
  const chips = h('div', { class: 'chips' });
  for (const k of ['entity', 'speaker', 'cameo', 'from', 'to']) {
    if (params[k]) chips.append(h('span', { class: 'chip' }, k + ': ' + params[k], ' ', h('a', { href: refine(k, ''), title: 'remove filter' }, '×')));
  }
  // Hits of one story on this page are shown once, with the story's other articles as reposts.
  const seen = new Set();
  const list = [];
  for (const hit of r.hits) {
    if (hit.story_id && seen.has(hit.story_id)) continue;
    if (hit.story_id) seen.add(hit.story_id);
    const reposts = (hit.story_articles || 1) - 1;
    list.push(h('article', { class: 'card hit' },
      h('h2', {}, articleLink(hit.id, hit.title)),
      h('div', { class: 'meta' }, hit.published || 'undated',
        reposts > 0 ? [' · ', h('a', { class: 'reposts', href: '#/story/' + encodeURIComponent(hit.story_id) }, `+${reposts} repost${reposts === 1 ? '' : 's'}`)] : '',
        safeUrl(hit.url) ? [' · ', h('a', { href: safeUrl(hit.url), rel: 'noopener noreferrer' }, 'source')] : ''),
      h('div', { class: 'snippet' }, snippet(hit.snippet || ''))));
  }
  const pager = h('div', { class: 'pager' },
    offset > 0 ? h('a', { href: refine('offset', Math.max(0, offset - limit)) }, '← previous') : '',
    h('span', { class: 'muted' }, r.total ? `${offset + 1}–${offset + r.hits.length} of ${r.total}` : ''),
    offset + limit < r.total ? h('a', { href: refine('offset', offset + limit) }, 'next →') : '');
  results.replaceChildren(chips, h('p', { class: 'muted' }, h('span', { id: 'total' }, `${r.total} article${r.total === 1 ? '' : 's'}`),
    r.stories ? h('span', { id: 'stories-total' }, ` in ${r.stories} stor${r.stories === 1 ? 'y' : 'ies'}`) : ''),
    h('div', { class: 'card' }, h('h3', {}, 'Articles and mean tone per day'),
      dayChart(r.timeline || [], { count: 'articles', countLabel: 'articles', mean: 'tone', meanLabel: 'mean tone', id: 'search-chart' })),
    ...list, pager);
  const facet = (title, items, key, label) => h('div', { class: 'facet card' }, h('h3', {}, title),
    items.length ? h('ul', {}, items.map((f) => h('li', {},
      h('a', { href: refine(key, f.value) }, label ? label(f.value) : f.value), h('span', { class: 'n' }, f.count)))) :
      h('p', { class: 'muted' }, 'none'));
  const maxDay = Math.max(1, ...r.facets.dates.map((d) => d.count));
  facets.replaceChildren(
    facet('Entities (stories)', r.facets.entities, 'entity'),
    facet('Speakers (stories)', r.facets.speakers, 'speaker'),
    facet('CAMEO roots (stories)', r.facets.cameo_roots, 'cameo', rootLabel),
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
  // An event's evidence is one span (one box), holding the pieces of entities and quotes
  // inside it; every highlight shows its information on hover and on keyboard focus.
  let wrapper = null, wrapperAnn = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i], to = points[i + 1];
    const text = dec.decode(bytes.subarray(from, to));
    const active = anns.filter((a) => a.start <= from && a.end >= to);
    const ev = active.find((a) => a.kind === 'event');
    let parent = container;
    if (ev) {
      if (wrapperAnn !== ev) {
        wrapper = withTip(h('span', { class: 'hl hl-event', 'data-kinds': 'event' }), () => tipFor([ev], removedSummary));
        container.appendChild(wrapper);
        wrapperAnn = ev;
      }
      parent = wrapper;
    } else {
      wrapperAnn = null;
    }
    const inner = active.filter((a) => a !== ev);
    if (!inner.length) { parent.appendChild(document.createTextNode(text)); continue; }
    const kinds = [...new Set(inner.map((a) => a.kind))];
    const span = h('span', { class: 'hl ' + kinds.map((k) => 'hl-' + k).join(' '), 'data-kinds': kinds.join(' ') }, text);
    withTip(span, () => tipFor(active, removedSummary));
    parent.appendChild(span);
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
      h('b', {}, `Event ${codeNamed(ev.cameo)}`), h('br'), `Root ${rootLabel(ev.root)}`, h('br'),
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
      h('tr', {}, h('td', {}, cameoTag(ev.cameo)), h('td', {}, `${ev.source || '?'} → ${ev.target || '?'}`,
        h('div', { class: 'muted' }, codeLabel(ev.cameo)))))) : h('p', { class: 'muted' }, 'none')),
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
    const k = quadClass(e.root, e.quad_class);
    d[k] = (d[k] || 0) + 1;
    byDay.set(day, d);
  }
  if (!byDay.size) return h('p', { class: 'muted' }, 'No dated events.');
  const days = [...byDay.keys()].sort();
  const t0 = Date.parse(days[0]), t1 = Math.max(Date.parse(days[days.length - 1]), t0 + 86400000);
  const W = 860, H = 210, L = 40, R = 12, mid = 100;
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
  // Count scale: ticks up (cooperation) and down (conflict) from the middle line.
  const step = Math.max(1, Math.ceil(max / 3));
  const scale = [];
  for (let v = step; v <= max; v += step) {
    for (const [y, label] of [[mid - 80 * v / max, v], [mid + 80 * v / max, v]]) {
      scale.push(svg('line', { x1: L - 4, x2: W - R, y1: y, y2: y, stroke: '#e3e6ec' }),
        svg('text', { x: L - 6, y: y + 4, 'text-anchor': 'end', class: 'tick' }, label));
    }
  }
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-label': 'events over time', id: 'timeline' },
    ...scale, svg('line', { x1: L, x2: W - R, y1: mid, y2: mid, stroke: '#9aa3b5' }),
    svg('text', { x: L - 6, y: mid + 4, 'text-anchor': 'end' }, '0'),
    svg('text', { x: L + 4, y: 12, class: 'muted-text' }, 'cooperation ↑'), svg('text', { x: L + 4, y: H - 22, class: 'muted-text' }, 'conflict ↓'),
    g, ...ticks);
}

async function entityPage(id) {
  const e = await api('/v1/entities/' + encodeURIComponent(id));
  e.events.sort((a, b) => (eventDay(b) > eventDay(a) ? 1 : eventDay(b) < eventDay(a) ? -1 : 0));  // newest first
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
          e.events.slice(0, 200).map((ev) => h('tr', {}, h('td', {}, eventDay(ev)),
            h('td', {}, cameoTag(ev.cameo)), h('td', {}, `${ev.source || '?'} → ${ev.target || '?'}`),
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

// ---------------------------------------------------------------- shared filter forms
// A form of text inputs (and selects) that routes to `route` with its non-empty values.
function filterForm(route, params, fields, button) {
  const form = h('form', { class: 'search filters', id: route.replace(/\W/g, '') + '-form' });
  for (const f of fields) {
    if (f.options) {
      form.append(h('label', { class: 'select' }, h('span', { class: 'sr' }, f.placeholder),
        h('select', { name: f.name, 'aria-label': f.placeholder }, f.options.map(([v, label]) =>
          h('option', { value: v, selected: String(params[f.name] || '') === v ? '' : null }, label)))));
    } else {
      form.append(h('input', { name: f.name, class: f.wide ? 'wide' : 'small', placeholder: f.placeholder,
        'aria-label': f.placeholder, value: params[f.name] || '', list: f.list || null, type: f.type || 'text' }));
    }
  }
  form.append(h('button', { type: 'submit' }, button));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = {};
    for (const [k, v] of new FormData(form)) p[k] = String(v).trim();
    location.hash = '#' + route + '?' + qs(p);
  });
  return form;
}
function pick(params, keys) { const o = {}; for (const k of keys) if (params[k]) o[k] = params[k]; return o; }
function pager(route, params, offset, limit, shown, total) {
  const go = (o) => '#' + route + '?' + qs({ ...params, offset: o || '' });
  return h('div', { class: 'pager' },
    offset > 0 ? h('a', { href: go(Math.max(0, offset - limit)) }, '← previous') : '',
    h('span', { class: 'muted' }, total ? `${offset + 1}–${offset + shown} of ${total}` : ''),
    offset + limit < total ? h('a', { href: go(offset + limit) }, 'next →') : '');
}
function actorText(name, code) { return (name || '?') + (code ? ' [' + code + ']' : ''); }
function eventDay(e) { return e.day || e.date || e.published || ''; }

const EVENT_KEYS = ['actor', 'source', 'target', 'cameo', 'location', 'quad_class', 'from', 'to', 'story'];
const QUAD_OPTIONS = [['', 'any quad class'], ['1', '1 verbal cooperation'], ['2', '2 material cooperation'],
  ['3', '3 verbal conflict'], ['4', '4 material conflict']];
function cameoList() {
  return h('datalist', { id: 'cameo-codes' }, [...(cameoNames || new Map()).values()].map((c) =>
    h('option', { value: c.code }, `${c.code} ${c.label}`)));
}
function eventFields() {
  return [
    { name: 'actor', placeholder: 'actor (name or code)' }, { name: 'source', placeholder: 'source' },
    { name: 'target', placeholder: 'target' }, { name: 'cameo', placeholder: 'CAMEO code or root', list: 'cameo-codes' },
    { name: 'location', placeholder: 'place' }, { name: 'quad_class', placeholder: 'quad class', options: QUAD_OPTIONS },
    { name: 'from', placeholder: 'from YYYY-MM-DD' }, { name: 'to', placeholder: 'to YYYY-MM-DD' }];
}

// ---------------------------------------------------------------- events explorer
// Who did what to whom: events matching the filter (each once per story), grouped by
// (source, target, code) with counts; each row opens to its evidence sentences.
async function eventsPage(params) {
  await loadCameo();
  const filter = pick(params, EVENT_KEYS);
  const sample = 500;
  const r = await api('/v1/events?' + qs({ ...filter, limit: sample }));
  const groups = new Map();
  for (const e of r.events) {
    const key = [e.source_code || e.source, e.target_code || e.target, e.cameo].join('|');
    let g = groups.get(key);
    if (!g) groups.set(key, g = { first: e, events: [], mentions: 0 });
    g.events.push(e);
    g.mentions += e.mentions || 1;
  }
  const rows = [...groups.values()].sort((a, b) => b.events.length - a.events.length || b.mentions - a.mentions);
  const byDay = new Map();
  for (const e of r.events) {
    const d = eventDay(e);
    if (!d) continue;
    const p = byDay.get(d) || { date: d, events: 0, goldstein: 0 };
    p.events += 1;
    p.goldstein += e.goldstein || 0;
    byDay.set(d, p);
  }
  const points = [...byDay.values()].map((p) => ({ ...p, goldstein: p.goldstein / p.events })).sort((a, b) => a.date < b.date ? -1 : 1);
  const link = (k, v) => h('a', { href: '#/events?' + qs({ ...filter, [k]: v }) }, v);
  const table = h('table', { id: 'event-groups', class: 'groups' },
    h('thead', {}, h('tr', {}, h('th', {}, 'who'), h('th', {}, 'did what'), h('th', {}, 'to whom'),
      h('th', { class: 'n' }, 'events'), h('th', { class: 'n' }, 'reports'), h('th', {}, 'last'))));
  const tbody = h('tbody');
  rows.forEach((g, i) => {
    const e = g.first;
    const days = g.events.map(eventDay).filter(Boolean).sort();
    const detail = h('tr', { class: 'evidence', hidden: '' }, h('td', { colspan: 6 }, h('ul', {}, g.events.map((x) =>
      h('li', {}, h('span', { class: 'muted' }, eventDay(x) || 'undated', ' · '), '“' + (x.evidence || '') + '” ',
        articleLink(x.article_id, 'article'), x.mentions > 1 ? h('span', { class: 'muted' }, ` · ${x.mentions} reports`) : '')))));
    const toggle = h('button', { class: 'link expand', type: 'button', 'aria-expanded': 'false', 'aria-label': 'show evidence' }, '▸');
    toggle.addEventListener('click', () => {
      detail.hidden = !detail.hidden;
      toggle.textContent = detail.hidden ? '▸' : '▾';
      toggle.setAttribute('aria-expanded', String(!detail.hidden));
    });
    tbody.append(h('tr', { class: 'group', 'data-row': i },
      h('td', {}, toggle, ' ', link(e.source_code ? 'source' : 'source', e.source_code || e.source || '?'), h('div', { class: 'muted' }, e.source || '')),
      h('td', {}, link('cameo', e.cameo), ' ', h('span', { class: 'code-label q' + (e.quad_class || 0) }, e.cameo_label || codeLabel(e.cameo))),
      h('td', {}, link('target', e.target_code || e.target || '?'), h('div', { class: 'muted' }, e.target || '')),
      h('td', { class: 'n' }, g.events.length), h('td', { class: 'n' }, g.mentions), h('td', {}, days[days.length - 1] || '')), detail);
  });
  table.append(tbody);
  const chips = h('div', { class: 'chips' }, Object.entries(filter).map(([k, v]) => h('span', { class: 'chip' },
    `${k}: ${k === 'cameo' ? codeNamed(v) : k === 'quad_class' ? v + ' ' + QUADS[v] : v} `,
    h('a', { href: '#/events?' + qs({ ...filter, [k]: '' }), title: 'remove filter' }, '×'))));
  const download = (format, name) => h('a', { class: 'download', href: '/v1/events?' + qs({ ...filter, format }), download: name }, format.toUpperCase());
  show(h('h1', {}, 'Events'), filterForm('/events', params, eventFields(), 'Filter'), cameoList(), chips,
    h('p', { class: 'muted' }, h('span', { id: 'events-total' }, `${r.total} event${r.total === 1 ? '' : 's'}`),
      ' (each counted once per story)', r.total > sample ? ` · grouped from the newest ${sample}; narrow the filter for the rest` : '',
      ' · download ', download('csv', 'events.csv'), ' ', download('gdelt', 'events.gdelt.tsv')),
    h('div', { class: 'card' }, h('h3', {}, 'Events and mean Goldstein score per day'),
      dayChart(points, { count: 'events', countLabel: 'events', mean: 'goldstein', meanLabel: 'mean Goldstein', id: 'events-chart' })),
    h('div', { class: 'card scroll' }, rows.length ? table : h('p', { class: 'muted' }, 'No events match.')));
}

// ---------------------------------------------------------------- quotes explorer
async function quotesPage(params) {
  const filter = pick(params, ['q', 'speaker', 'from', 'to', 'story']);
  const offset = parseInt(params.offset || '0', 10) || 0, limit = 30;
  const r = await api('/v1/quotes?' + qs({ ...filter, limit, offset }));
  const items = r.quotes.map((q) => {
    // The context sentence with the quotation marked in it.
    const ctx = q.context || q.text;
    const at = ctx.indexOf(q.text);
    const body = at >= 0 ? [ctx.slice(0, at), h('mark', {}, q.text), ctx.slice(at + q.text.length)] : ['“', h('mark', {}, q.text), '” ', ctx];
    return h('div', { class: 'card quote-card' }, h('blockquote', { class: 'context' }, body),
      h('div', { class: 'meta' }, '— ', q.speaker ? h('a', { href: '#/quotes?' + qs({ speaker: q.speaker }) }, q.speaker) : 'unattributed',
        q.cue ? h('span', { class: 'muted' }, ` (${q.cue})`) : '', ' · ', q.published || 'undated', ' · ',
        articleLink(q.article_id, q.title || 'article'),
        q.story_id ? [' · ', h('a', { href: '#/quotes?' + qs({ story: q.story_id }) }, 'story')] : ''));
  });
  show(h('h1', {}, 'Quotes'),
    filterForm('/quotes', params, [{ name: 'q', placeholder: 'words in the quote', wide: true }, { name: 'speaker', placeholder: 'speaker' },
      { name: 'from', placeholder: 'from YYYY-MM-DD' }, { name: 'to', placeholder: 'to YYYY-MM-DD' },
      { name: 'story', placeholder: 'story id' }], 'Find'),
    h('p', { class: 'muted', id: 'quotes-total' }, `${r.total} quotation${r.total === 1 ? '' : 's'}`),
    items.length ? items : h('p', { class: 'muted' }, 'No quotations match.'),
    pager('/quotes', filter, offset, limit, r.quotes.length, r.total));
}

// ---------------------------------------------------------------- actor network
const QUAD_COLOURS = { 0: '#7b8bb0', 1: '#4c9a63', 2: '#1e6b3a', 3: '#d97706', 4: '#b42318' };

// Places labels greedily, busiest node first: right, left, above or below its circle,
// wherever no placed label or other circle is; a label with no free place is left out
// (its node still shows it on hover and focus).
function placeLabels(nodes, radius, width, height) {
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = '12px system-ui, "DejaVu Sans", sans-serif';  // as .net .label
  const boxes = [];
  const overlaps = (b) => boxes.some((o) => b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h) ||
    nodes.some((n) => { const r = radius(n); return b.x < n.x + r && n.x - r < b.x + b.w && b.y < n.y + r && n.y - r < b.y + b.h; });
  const out = new Map();
  for (const n of [...nodes].sort((a, b) => b.events - a.events)) {
    const w = ctx.measureText(n.text).width + 6, ht = 15, r = radius(n) + 3;
    const spots = [[n.x + r, n.y - ht / 2, 'start'], [n.x - r - w, n.y - ht / 2, 'end'], [n.x - w / 2, n.y - r - ht, 'middle'], [n.x - w / 2, n.y + r, 'middle']];
    for (const [x, y, anchor] of spots) {
      const b = { x, y, w, h: ht };
      if (x < 0 || y < 0 || x + w > width || y + ht > height || overlaps(b)) continue;
      boxes.push(b);
      out.set(n.id, { x: anchor === 'start' ? x : anchor === 'end' ? x + w : x + w / 2, y: y + ht - 3, anchor });
      break;
    }
  }
  return out;
}

async function networkPage(params) {
  await loadCameo();
  const filter = pick(params, ['actor', 'cameo', 'quad_class', 'from', 'to', 'location']);
  const form = filterForm('/network', params, [{ name: 'actor', placeholder: 'actor (name or code)' },
    { name: 'cameo', placeholder: 'CAMEO code or root', list: 'cameo-codes' }, { name: 'quad_class', placeholder: 'quad class', options: QUAD_OPTIONS },
    { name: 'from', placeholder: 'from YYYY-MM-DD' }, { name: 'to', placeholder: 'to YYYY-MM-DD' }], 'Draw');
  const r = await api('/v1/network?' + qs({ ...filter, limit: 80 }));
  const intro = h('p', { class: 'muted' }, `Who acted on whom: ${r.edges.length} pairs of actors (keyed by CAMEO actor code) from ${r.events_seen} events. ` +
    'Edge width: events; colour: the most frequent quad class. Click an actor for its events.');
  const legend = h('div', { class: 'legend quads' }, [1, 2, 3, 4].map((q) => h('span', { class: 'swatch q' + q }, QUADS[q])));
  if (!r.nodes.length) { show(h('h1', {}, 'Actor network'), form, cameoList(), h('p', { class: 'muted' }, 'No events with both actors known.')); return; }
  if (!hasD3()) { show(h('h1', {}, 'Actor network'), form, intro, noLibrary('The network drawing')); return; }
  const W = 1000, H = 640;
  const nodes = r.nodes.map((n) => ({ ...n, quad: quadOfCounts(n.quad_classes), text: n.label + (n.code && n.code !== n.label ? ' ' + n.code : '') }));
  const links = r.edges.map((e) => ({ ...e, quad: quadOfCounts(e.quad_classes) }));
  const maxN = Math.max(1, ...nodes.map((n) => n.events)), maxE = Math.max(1, ...links.map((e) => e.events));
  const radius = (n) => 5 + 11 * Math.sqrt(n.events / maxN);
  const sim = d3.forceSimulation(nodes)
    .force('link', d3.forceLink(links).id((d) => d.id).distance(80).strength(0.5))
    .force('charge', d3.forceManyBody().strength(-320))
    .force('collide', d3.forceCollide((d) => radius(d) + 8))
    .force('x', d3.forceX(W / 2).strength(0.06)).force('y', d3.forceY(H / 2).strength(0.1))
    .stop();
  for (let i = 0; i < 400; i++) sim.tick();
  for (const n of nodes) { n.x = Math.max(24, Math.min(W - 24, n.x)); n.y = Math.max(24, Math.min(H - 24, n.y)); }
  const labels = placeLabels(nodes, radius, W, H);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', class: 'net', id: 'network', role: 'img', 'aria-label': 'actor network' });
  root.append(svg('defs', {}, [0, 1, 2, 3, 4].map((q) => svg('marker', { id: 'arrow-q' + q, viewBox: '0 0 10 10', refX: 10, refY: 5,
    markerWidth: 8, markerHeight: 8, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' }, svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: QUAD_COLOURS[q] })))));
  const describeEdge = (e) => [h('b', {}, `${e.source.label} → ${e.target.label}`), h('br'),
    `${e.events} event${e.events === 1 ? '' : 's'} (${e.mentions} reports)`, h('br'),
    Object.entries(e.roots).map(([k, v]) => `${v}× ${rootLabel(k)}`).join(', ')];
  for (const e of links) {
    const s = e.source, t = e.target;
    const dx = t.x - s.x, dy = t.y - s.y, len = Math.hypot(dx, dy) || 1;
    const ex = t.x - dx / len * (radius(t) + 2), ey = t.y - dy / len * (radius(t) + 2);
    const mx = (s.x + ex) / 2 - dy / len * 18, my = (s.y + ey) / 2 + dx / len * 18;
    const path = svg('path', { d: `M${s.x},${s.y} Q${mx},${my} ${ex},${ey}`, fill: 'none', stroke: QUAD_COLOURS[e.quad],
      'stroke-opacity': 0.65, 'stroke-width': (1 + 6 * e.events / maxE).toFixed(1), 'marker-end': `url(#arrow-q${e.quad})`,
      'data-quad': e.quad, class: 'edge' });
    withTip(path, () => describeEdge(e));
    path.removeAttribute('tabindex');  // edges: hover only; their actors are focusable
    root.append(path);
  }
  for (const n of nodes) {
    const a = document.createElementNS(SVG_NS, 'a');
    a.setAttribute('href', '#/events?' + qs({ actor: n.id }));
    a.setAttribute('class', 'node');
    a.setAttribute('data-id', n.id);
    a.setAttribute('aria-label', `${n.label}${n.code ? ' ' + n.code : ''}: ${n.events} events`);
    a.append(svg('circle', { cx: n.x, cy: n.y, r: radius(n), fill: QUAD_COLOURS[n.quad], 'data-quad': n.quad }));
    const l = labels.get(n.id);
    if (l) a.append(svg('text', { x: l.x, y: l.y, 'text-anchor': l.anchor, class: 'label' }, n.text));
    withTip(a, () => [h('b', {}, n.label), n.code ? ` [${n.code}]` : '', h('br'), `${n.events} event${n.events === 1 ? '' : 's'}: ` +
      Object.entries(n.quad_classes || {}).map(([q, c]) => `${c} ${QUADS[q] || 'unknown'}`).join(', '), h('br'), 'Click for its events.']);
    root.append(a);
  }
  show(h('h1', {}, 'Actor network'), intro, form, cameoList(), legend, h('div', { class: 'card' }, root));
}

// ---------------------------------------------------------------- map
// Event places and the countries of the actors, on Natural Earth country shapes
// (world-atlas, bundled): places by /v1/places coordinates, countries by their shape.
async function mapPage(params) {
  const filter = pick(params, EVENT_KEYS);
  const form = filterForm('/map', params, eventFields(), 'Show');
  await loadCameo();
  if (!hasD3() || typeof topojson === 'undefined') { show(h('h1', {}, 'Map'), form, noLibrary('The map')); return; }
  const [world, places] = await Promise.all([fetch('/world.json').then((x) => x.json()), api('/v1/places?' + qs(filter))]);
  if (!world.objects) { show(h('h1', {}, 'Map'), form, noLibrary('The map')); return; }
  const W = 960, H = 500;
  const countries = topojson.feature(world, world.objects.countries);
  const projection = d3.geoNaturalEarth1().fitSize([W, H], { type: 'Sphere' });
  const path = d3.geoPath(projection);
  const byIso = new Map(places.countries.map((c) => [c.numeric, c]));
  const maxC = Math.max(1, ...places.countries.map((c) => c.events));
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', id: 'map', class: 'map', role: 'img', 'aria-label': 'map of events' });
  root.append(svg('path', { d: path({ type: 'Sphere' }), class: 'sphere' }));
  for (const f of countries.features) {
    const c = byIso.get(String(f.id).padStart(3, '0'));
    const el = svg('path', { d: path(f), class: 'country' + (c ? ' active' : ''), 'data-id': f.id });
    if (c) {
      el.style.fillOpacity = String(0.25 + 0.6 * c.events / maxC);
      withTip(el, () => [h('b', {}, c.name), h('br'), `${c.events} event${c.events === 1 ? '' : 's'} with an actor of ${c.code}`]);
      el.addEventListener('click', () => { location.hash = '#/events?' + qs({ ...filter, actor: c.code }); });
    }
    root.append(el);
  }
  const maxP = Math.max(1, ...places.places.map((p) => p.events));
  for (const p of places.places) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const a = document.createElementNS(SVG_NS, 'a');
    a.setAttribute('href', '#/events?' + qs({ ...filter, location: p.name }));
    a.setAttribute('class', 'place');
    a.append(svg('circle', { cx: xy[0], cy: xy[1], r: 3 + 7 * Math.sqrt(p.events / maxP) }));
    withTip(a, () => [h('b', {}, p.name), p.country ? ` (${p.country})` : '', h('br'), `${p.events} event${p.events === 1 ? '' : 's'} here`]);
    root.append(a);
  }
  show(h('h1', {}, 'Map'), form, cameoList(),
    h('p', { class: 'muted' }, `${places.places.length} places of events (dots, ${places.located} of ${places.events} events placed) and ` +
      `${places.countries.length} countries of their actors (shaded). ${places.unplaced.length ? 'Without coordinates: ' + places.unplaced.slice(0, 8).join(', ') + '.' : ''}`),
    h('div', { class: 'card' }, root));
}

// ---------------------------------------------------------------- routing
let routeSeq = 0;  // renders started; only the latest one may mark the page ready

async function route() {
  const seq = ++routeSeq;
  await loadCameo();
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
    else if (parts[0] === 'events') await eventsPage(params);
    else if (parts[0] === 'quotes') await quotesPage(params);
    else if (parts[0] === 'map') await mapPage(params);
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
