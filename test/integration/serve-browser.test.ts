import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { HistogramInterval, SearchQuery } from '../../src/core/store-types.js';
import { launchChromium } from './serve-chromium.js';
import { HOSTILE_TITLE, startServeFixture, type ServeFixture } from './serve-documents.js';

const ARTIFACTS = 'test-artifacts';

let fixture: ServeFixture;
let context: BrowserContext;
let page: Page;

async function chartCounts(): Promise<{ bucket: string; count: number }[]> {
  return page.locator('rect.bar').evaluateAll((rects) =>
    rects.map((r) => ({
      bucket: r.getAttribute('data-bucket')!,
      count: Number(r.getAttribute('data-count')),
    })),
  );
}

async function assertPageMatchesStore(query: SearchQuery, interval: HistogramInterval) {
  assert.deepEqual(await chartCounts(), await fixture.sqlite.articles.histogram(query, interval));
  const { total } = await fixture.sqlite.articles.search(query);
  assert.equal(await page.locator('#total').getAttribute('data-total'), String(total));
  assert.equal(await page.locator('li.article').count(), Math.min(total, 50));
}

async function submit(fields: Record<string, string>, interval?: HistogramInterval) {
  for (const [name, value] of Object.entries(fields)) await page.fill(`[name="${name}"]`, value);
  if (interval) await page.selectOption('select[name="interval"]', interval);
  await Promise.all([page.waitForURL(/\?/), page.click('button[type="submit"]')]);
}

describe('serve in a real browser (headless Debian chromium)', () => {
  before(async () => {
    fixture = await startServeFixture('serve-browser');
    context = await launchChromium(path.join(fixture.dir, 'chromium-profile'));
    page = await context.newPage();
  });

  after(async () => {
    await context?.close();
    await fixture?.close();
  });

  test('the first page charts every dated article per week', async () => {
    await page.goto(fixture.server.url);
    await assertPageMatchesStore({ limit: 50 }, 'week');
  });

  test('search and filters: chart and list equal the store for the same query', async () => {
    await submit({ q: 'Bündnis', topic: 'military-alliance' });
    await assertPageMatchesStore(
      { text: 'Bündnis', topic: 'military-alliance', limit: 50 },
      'week',
    );
    assert.ok((await page.locator('li.article mark').count()) > 0, 'matches are highlighted');
    await submit({ pair: 'RU-CN', language: 'de' }, 'day');
    const query = {
      text: 'Bündnis',
      topic: 'military-alliance',
      pair: 'CN-RU',
      language: 'de',
      limit: 50,
    };
    await assertPageMatchesStore(query, 'day');
    await page.locator('details.evidence').first().click();
    assert.match(await page.locator('details.evidence').first().innerText(), /bündnis ×1 in title/);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'serve-search.png'), fullPage: true });
  });

  test('hostile titles and bodies show as text and run nothing', async () => {
    await submit(
      { q: '', topic: '', pair: '', language: '', from: '2026-10-01', to: '2026-10-31' },
      'week',
    );
    await assertPageMatchesStore({ from: '2026-10-01', to: '2026-10-31', limit: 50 }, 'week');
    assert.equal(await page.evaluate(() => (globalThis as { pwned?: number }).pwned), undefined);
    const hostile = page.locator('li.article[data-id="evil"] h3');
    assert.equal(await hostile.innerText(), HOSTILE_TITLE);
    assert.equal(await hostile.locator('a').count(), 0, 'a javascript: URL is not linked');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'serve-hostile.png'), fullPage: true });
  });
});
