// Browser test of the web UI: headless Debian chromium driven by playwright-core.
//   node browser_test.mjs BASE_URL SCREENSHOT_DIR
// Loads the search page, searches, opens articles (highlights by byte span, hover
// tooltips, markup in article text shown as text), an entity page (timeline, quotes), a
// story and the actor network; saves a screenshot of each page.
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
  await page.screenshot({ path: join(shots, 'search.png'), fullPage: false });

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
  await page.goto(base + '/#/network');
  await ready('/network');
  check(await page.locator('#network path[stroke-width]').count() > 0, 'network draws edges');
  const widths = await page.locator('#network path[stroke-width]').evaluateAll((els) => els.map((e) => +e.getAttribute('stroke-width')));
  check(Math.max(...widths) > Math.min(...widths), 'edge width follows event count');
  await page.screenshot({ path: join(shots, 'network.png'), fullPage: false });

  check(consoleErrors.length === 0, 'no console errors' + (consoleErrors.length ? ': ' + consoleErrors.join('; ') : ''));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(failures ? `${failures} check(s) failed` : 'all browser checks passed');
process.exit(failures ? 1 : 0);
