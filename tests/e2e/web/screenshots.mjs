// Screenshots of every page of the web UI over the demo corpus, for docs/screenshots/
// (tools/screenshots.sh starts the server).   node screenshots.mjs BASE_URL OUT_DIR
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [base, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
const errors = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  page.on('pageerror', (e) => errors.push(String(e)));
  const ready = (route) => page.waitForFunction((r) => document.body.dataset.ready === r, route, { timeout: 15000 });
  const shoot = async (route, name, prepare) => {
    await page.goto(base + '/#' + route);
    await ready(route);
    if (prepare) await prepare();
    await page.screenshot({ path: join(out, name + '.png') });
    console.log('saved', name);
  };
  const api = async (path) => (await page.request.get(base + path)).json();
  const hit = (await api('/v1/search?q=protest&limit=1')).hits[0];
  const entity = (await api('/v1/entities?limit=1')).entities[0];
  const story = (await api('/v1/stories?limit=1')).stories[0];
  await shoot('/search?q=protest', 'search');
  await shoot('/article/' + hit.id, 'article', () => page.locator('#article-body .hl-event').first().hover());
  await shoot('/entity/' + entity.id, 'entity');
  await shoot('/story/' + story.id, 'story');
  await shoot('/events?quad_class=4', 'events', () => page.locator('#event-groups button.expand').first().click());
  await shoot('/quotes?q=water', 'quotes');
  await shoot('/map', 'map');
  await shoot('/network', 'network', async () => {
    const boxes = await page.locator('#network text.label').evaluateAll((els) => els.map((e) => { const b = e.getBBox(); return [b.x, b.y, b.width, b.height]; }));
    let n = 0;
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]) n++;
    }
    console.log(`network: ${boxes.length} labels, ${n} overlapping`);
    if (n) errors.push('overlapping network labels');
  });
  await page.setViewportSize({ width: 400, height: 800 });
  await shoot('/events', 'events-400');
  await shoot('/article/' + hit.id, 'article-400', () => page.locator('#article-body .hl-entity').first().focus());
} finally {
  await browser.close();
}
if (errors.length) { console.error(errors.join('\n')); process.exit(1); }
