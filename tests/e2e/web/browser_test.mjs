// Browser test of the web UI: headless Debian chromium driven by playwright-core.
//   node browser_test.mjs BASE_URL SCREENSHOT_DIR
// Loads the search page, searches, opens articles (highlights by byte span, hover and
// keyboard-focus tooltips, markup in article text shown as text), an entity page (timeline,
// quotes), a story, the events and quotes explorers with their filters and downloads, the
// actor network (force layout, labels apart, every node clickable) and the map; checks the
// API's input errors; checks every page at 400 px (no horizontal scroll, tooltips inside);
// saves a screenshot of each page.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error('usage: node browser_test.mjs BASE_URL SCREENSHOT_DIR');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
// A build without npm has no chart library (tools/web_vendor.sh): nothing to test here.
const vendor = await (await fetch(base + '/vendor.js')).text();
if (vendor.includes('NEWSGRAPH_NO_VENDOR')) {
  console.log('SKIP: this build has no bundled browser libraries (npm was unavailable at build time)');
  process.exit(77);
}

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}

const profile = mkdtempSync(join(tmpdir(), 'newsgraph-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
});
try {
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  // The page is ready when it has rendered the route now in the address bar (not the one
  // before it) and that route starts with `hashPrefix`.
  const ready = (hashPrefix) =>
    page.waitForFunction((p) => {
      const rendered = document.body.dataset.ready || '';
      return rendered.startsWith(p) && rendered === (location.hash.replace(/^#/, '') || '/');
    }, hashPrefix);

  // Search page: a term from the fixtures, results and facets.
  await page.goto(base + '/');
  await ready('/');
  await page.fill('#search-form input[name=q]', 'grain');
  await page.press('#search-form input[name=q]', 'Enter');
  await ready('/search?q=grain');
  const hits = await page.locator('.hit').count();
  check(hits > 0, `search "grain" shows results (${hits})`);
  check((await page.locator('#total').textContent()).match(/^\d+ articles?$/) !== null, 'result count shown');
  const facetEntities = await page.locator('#facets .facet').first().locator('li').count();
  check(facetEntities > 0, `entity facet lists entities (${facetEntities})`);
  check(await page.locator('.snippet mark').count() > 0, 'snippets mark the search term');
  check(await page.locator('#search-chart rect').count() > 0, 'search shows articles per day as a chart');
  check(await page.locator('#search-chart .tone-line').count() === 1, 'and mean tone per day as a line');
  await page.screenshot({ path: join(shots, 'search.png'), fullPage: false });

  // Results grouped by story: the two reposts show as one hit with "+1 repost".
  await page.goto(base + '/#/search?q=' + encodeURIComponent('"Grain council warns"'));
  await ready('/search?q=');
  const reposts = await page.locator('.hit .reposts').allTextContents();
  check(await page.locator('.hit').count() === 1 && reposts.join() === '+1 repost', `reposts grouped into one hit: ${reposts}`);
  check((await page.locator('#total').textContent()) === '2 articles' && (await page.locator('#stories-total').textContent()) === ' in 1 story',
    'the count says articles and stories');

  // A facet click filters the results.
  await page.locator('#facets .facet').nth(2).locator('li a').first().click();
  await ready('/search?');
  check(page.url().includes('cameo='), 'CAMEO facet adds a filter');
  check(await page.locator('.chip').count() === 1, 'active filter shown as a chip');

  // Article page with non-ASCII text before the spans: highlights must match the names.
  const api = async (path) => (await page.request.get(base + path)).json();
  const found = await api('/v1/search?q=' + encodeURIComponent('Société'));
  check(found.total >= 1, 'search finds the non-ASCII article');
  const article = await api('/v1/articles/' + found.hits[0].id);
  await page.goto(base + '/#/article/' + article.id);
  await ready('/article/');
  const names = new Set(article.entities.flatMap((e) => [e.name, ...e.aliases]));
  const entityTexts = await page.locator('#article-body .hl-entity').allTextContents();
  check(entityTexts.length >= article.entities.reduce((n, e) => n + e.mentions.length, 0),
    `every entity mention highlighted (${entityTexts.length})`);
  check(entityTexts.every((t) => names.has(t)), `entity highlights cover exactly the names: ${entityTexts.join(' | ')}`);
  const quoteText = (await page.locator('#article-body .hl-quote').allTextContents()).join('');
  check(quoteText === article.quotes.map((q) => q.text).join(''), `quote highlighted: "${quoteText}"`);
  const eventTexts = await page.locator('#article-body .hl-event').allTextContents();
  check(eventTexts.join('|') === article.events.map((e) => e.evidence).join('|'), `event evidence highlighted: ${eventTexts}`);
  check((await page.locator('#article-body').textContent()) === article.body, 'article body shown unchanged');
  await page.locator('#article-body .hl-event').first().hover();
  const tip = await page.locator('#tip').textContent();
  check(await page.locator('#tip').isVisible() && tip.includes('Rule:') && tip.includes('Evidence:'), 'hover shows evidence and rule');
  check(tip.includes('Cleaning removed'), 'hover shows what cleaning removed');
  // Keyboard focus shows what hover shows.
  await page.mouse.move(0, 0);
  const firstEntity = page.locator('#article-body .hl-entity').first();
  await firstEntity.hover();
  const hoverTip = await page.locator('#tip').textContent();
  await page.mouse.move(0, 0);
  await page.locator('#article-body .hl-entity').first().focus();
  check(await page.locator('#tip').isVisible() && (await page.locator('#tip').textContent()) === hoverTip,
    'keyboard focus on a highlight shows the same as hover');
  check(await page.locator('#article-body .hl-event').evaluateAll((els) => els.every((e) => e.parentElement.id === 'article-body')),
    'each event evidence is one span');
  await page.locator('#article-body .hl-entity').last().hover();
  await page.screenshot({ path: join(shots, 'article.png'), fullPage: false });

  // Markup in article text renders as text and never runs.
  const xss = await api('/v1/search?q=payload');
  check(xss.total === 1, 'markup test article found');
  await page.goto(base + '/#/article/' + xss.hits[0].id);
  await ready('/article/');
  // The previous page was an article too: wait until this article's title is rendered.
  const titleShown = await page
    .waitForFunction(() => (document.querySelector('#article-title')?.textContent || '').includes('<script>'), null,
                     { timeout: 10000 })
    .then(() => true, () => false);
  check(await page.evaluate(() => window.__xss) === undefined, 'no injected script ran');
  check(titleShown, 'title markup shown as text');
  const bodyText = await page.locator('#article-body').textContent();
  check(bodyText.includes('<img src=x onerror="window.__xss=2">'), 'body markup shown as text');
  check(await page.locator('#article-body img, #article-body script, main script').count() === 0, 'no element made from article text');
  await page.goto(base + '/#/search?q=payload');
  await ready('/search?q=payload');
  check(await page.evaluate(() => window.__xss) === undefined, 'search results do not run markup either');

  // Entity page: titles, aliases, quotes, timeline chart.
  await page.goto(base + '/#/article/' + article.id);
  await ready('/article/');
  const speaker = article.quotes[0].speaker;
  await page.locator('aside a', { hasText: speaker }).first().click();
  await ready('/entity');
  await page.waitForSelector('#entity-name');
  check((await page.locator('#entity-name').textContent()) === speaker, `entity page for ${speaker}`);
  check(await page.locator('#timeline rect').count() > 0, 'timeline chart has bars');
  check(await page.locator('#entity-quotes .quote').count() > 0, 'what they said is listed');
  await page.screenshot({ path: join(shots, 'entity.png'), fullPage: false });

  // Story with reposts, and the actor network.
  const stories = await api('/v1/stories?limit=1');
  await page.goto(base + '/#/story/' + stories.stories[0].id);
  await ready('/story/');
  check(await page.locator('.hit').count() === stories.stories[0].articles && stories.stories[0].articles >= 2, 'story lists all its reposts');
  await page.screenshot({ path: join(shots, 'story.png'), fullPage: false });
  // Events explorer: filters, counts, evidence, downloads.
  const allEvents = await api('/v1/events?limit=1');
  await page.goto(base + '/#/events');
  await ready('/events');
  check((await page.locator('#events-total').textContent()) === `${allEvents.total} events`, `events explorer counts ${allEvents.total} events`);
  check(await page.locator('#events-chart rect').count() > 0, 'events per day charted');
  await page.fill('#events-form input[name=cameo]', '04');
  await page.selectOption('#events-form select[name=quad_class]', '1');
  await page.press('#events-form input[name=cameo]', 'Enter');
  await ready('/events?');
  check(page.url().includes('cameo=04') && page.url().includes('quad_class=1'), 'code and quad class filters in the address');
  const consult = await api('/v1/events?cameo=04&quad_class=1&limit=1');
  check((await page.locator('#events-total').textContent()) === `${consult.total} events` && consult.total > 0 && consult.total < allEvents.total,
    `filtered to ${consult.total} consultations`);
  const groupRows = await page.locator('#event-groups tr.group').count();
  const counted = await page.locator('#event-groups tr.group td.n:nth-of-type(4)').allTextContents();
  check(groupRows > 0 && counted.reduce((n, t) => n + +t, 0) === consult.total, 'group counts add up to the total');
  check((await page.locator('#event-groups tr.group').first().textContent()).includes('consult'), 'codes shown with their names');
  await page.locator('#event-groups button.expand').first().click();
  check(await page.locator('#event-groups tr.evidence:not([hidden]) li').count() > 0, 'a row opens to its evidence sentences');
  const csvHref = await page.locator('a.download', { hasText: 'CSV' }).getAttribute('href');
  const csv = await page.request.get(base + csvHref);
  const csvLines = (await csv.text()).trim().split('\r\n');
  check(csv.headers()['content-type'].startsWith('text/csv') && csvLines[0].startsWith('day,source,') && csvLines.length === consult.total + 1,
    `CSV download of the filter (${csvLines.length - 1} rows)`);
  const gdelt = await (await page.request.get(base + (await page.locator('a.download', { hasText: 'GDELT' }).getAttribute('href')))).text();
  const gdeltRows = gdelt.trim().split('\n');
  check(gdeltRows.length === consult.total && gdeltRows.every((r) => r.split('\t').length === 61), 'GDELT download: 61 columns a row');
  await page.goto(base + '/#/events?source=' + encodeURIComponent(consult.events[0].source_code) + '&target=' + encodeURIComponent(consult.events[0].target_code));
  await ready('/events?');
  check(+(await page.locator('#events-total').textContent()).split(' ')[0] > 0, 'actor pair filter');
  await page.screenshot({ path: join(shots, 'events.png'), fullPage: false });

  // Quotes explorer.
  await page.goto(base + '/#/quotes?q=farmers');
  await ready('/quotes?q=farmers');
  const farmerQuotes = await api('/v1/quotes?q=farmers&limit=1');
  check(farmerQuotes.total > 0 && (await page.locator('#quotes-total').textContent()).startsWith(farmerQuotes.total + ' '), `quotes found by words (${farmerQuotes.total})`);
  const marks = await page.locator('.quote-card mark').allTextContents();
  check(marks.length > 0 && marks.every((m) => m.includes('farmers')), 'each quote marked inside its context sentence');
  check(await page.locator('.quote-card .meta a[href^="#/article/"]').count() === marks.length, 'each quote links its article');
  const quoted = await page.locator('.quote-card .meta a[href^="#/quotes?speaker"]').first().textContent();
  await page.locator('.quote-card .meta a[href^="#/quotes?speaker"]').first().click();
  await ready('/quotes?speaker=');
  check((await page.locator('.quote-card .meta a[href^="#/quotes?speaker"]').allTextContents()).every((t) => t === quoted), `speaker filter (${quoted})`);
  await page.screenshot({ path: join(shots, 'quotes.png'), fullPage: false });

  // Actor network: force layout, quad-class colours, labels apart, every node clickable.
  await page.goto(base + '/#/network');
  await ready('/network');
  check(await page.locator('#network path[stroke-width]').count() > 0, 'network draws edges');
  const widths = await page.locator('#network path[stroke-width]').evaluateAll((els) => els.map((e) => +e.getAttribute('stroke-width')));
  check(Math.max(...widths) > Math.min(...widths), 'edge width follows event count');
  const quads = await page.locator('#network circle').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-quad')))]);
  check(quads.length >= 2 && !quads.includes('0'), `nodes coloured by quad class (${quads})`);
  const boxes = await page.locator('#network text.label').evaluateAll((els) => els.map((e) => { const b = e.getBBox(); return [b.x, b.y, b.width, b.height]; }));
  let overlapping = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, b] = [boxes[i], boxes[j]];
    if (a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]) overlapping++;
  }
  check(boxes.length > 0 && overlapping === 0, `${boxes.length} labels, none overlapping`);
  await page.screenshot({ path: join(shots, 'network.png'), fullPage: false });
  const nodeLinks = await page.locator('#network a.node').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
  await page.locator('#network a.node').first().click();
  await ready('/events?actor=');
  check((await page.locator('h1').textContent()) === 'Events', 'clicking a node opens its events');
  let broken = [];
  for (const href of nodeLinks) {
    await page.goto(base + '/' + href);
    await ready('/events?actor=');
    const total = +(await page.locator('#events-total').textContent()).split(' ')[0];
    if (!(total > 0) || (await page.locator('.error').count()) > 0) broken.push(href);
  }
  check(nodeLinks.length > 0 && broken.length === 0, `every node (${nodeLinks.length}) opens its events: ${broken.join(' ')}`);

  // Map: countries of the actors and places of the events.
  await page.goto(base + '/#/map');
  await ready('/map');
  check(await page.locator('#map path.country.active').count() > 0, 'map shades the actors\' countries');
  check(await page.locator('#map a.place circle').count() > 0, 'map marks event places');
  await page.screenshot({ path: join(shots, 'map.png'), fullPage: false });

  // The API's input errors, as a browser sees them.
  const status = async (path, init) => (await page.request.fetch(base + path, init)).status();
  check(await status('/v1/search?from=2025-13-45') === 400, 'impossible date: 400');
  check(await status('/v1/events?cameo=999') === 400, 'unknown CAMEO code: 400');
  check(await status('/v1/analyze', { method: 'POST', headers: { 'Content-Type': 'application/pdf' }, data: '%PDF' }) === 415, 'unreadable content type: 415');
  const misnamed = await page.request.post(base + '/v1/analyze', { headers: { 'Content-Type': 'application/json' }, data: JSON.stringify({ body: 'x' }) });
  check(misnamed.status() === 400 && (await misnamed.json()).error.message.includes('accepted fields'), 'misnamed body names the accepted fields');
  check((await api('/v1/stories?limit=1')).total >= 1 && (await api('/v1/entities?limit=1')).total >= 1, 'lists return their total');

  // 400 px wide: no horizontal scroll on any page, tooltips inside the viewport.
  await page.setViewportSize({ width: 400, height: 800 });
  for (const route of ['/', '/search?q=grain', '/article/' + article.id, '/events', '/quotes', '/network', '/map', '/stories', '/entities']) {
    await page.goto(base + '/#' + route);
    await ready(route.split('?')[0]);
    const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    check(sw <= iw, `400 px: ${route} has no horizontal scroll (${sw} <= ${iw})`);
  }
  await page.goto(base + '/#/article/' + article.id);
  await ready('/article/');
  await page.locator('#article-body .hl-entity').last().focus();
  const tipBox = await page.locator('#tip').boundingBox();
  check(tipBox && tipBox.x >= 0 && tipBox.x + tipBox.width <= 400, 'tooltip inside the 400 px viewport');
  await page.screenshot({ path: join(shots, 'article-400.png'), fullPage: false });
  await page.goto(base + '/#/events');
  await ready('/events');
  await page.screenshot({ path: join(shots, 'events-400.png'), fullPage: false });

  check(consoleErrors.length === 0, 'no console errors' + (consoleErrors.length ? ': ' + consoleErrors.join('; ') : ''));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(failures ? `${failures} check(s) failed` : 'all browser checks passed');
process.exit(failures ? 1 : 0);
