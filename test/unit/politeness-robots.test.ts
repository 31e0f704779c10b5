import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpStatusError } from '../../src/core/http-errors.js';
import type { HttpClient, HttpRequest, HttpResponse } from '../../src/core/http-types.js';
import { HostBusyError } from '../../src/core/stage-errors.js';
import { createMemoryHostGate } from '../../src/politeness/memory-gate.js';
import { robotsClient } from '../../src/politeness/robots-client.js';
import {
  createRobotsPolicy,
  RobotsDisallowedError,
  RobotsUnavailableError,
} from '../../src/politeness/robots.js';

const HOUR = 3_600_000;
const ROBOTS =
  'User-agent: *\nDisallow: /intern/\n\nUser-agent: presswatch\nDisallow: /archiv/\nCrawl-delay: 7\n';

/** Serves robots.txt by host; counts what was asked. */
function fakeSite(answers: Record<string, () => string>): HttpClient & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async get(request: HttpRequest): Promise<HttpResponse> {
      asked.push(request.url);
      const { host, pathname } = new URL(request.url);
      const answer = answers[host];
      if (pathname !== '/robots.txt')
        return { url: request.url, status: 200, headers: {}, body: Buffer.from('page') };
      if (answer === undefined) throw new HttpStatusError(404, request.url);
      return {
        url: request.url,
        status: 200,
        headers: { 'cache-control': 'max-age=7200' },
        body: Buffer.from(answer()),
      };
    },
  };
}

test('our group of robots.txt decides; refusals are permanent errors', async () => {
  const robots = createRobotsPolicy(fakeSite({ 'a.example': () => ROBOTS }));
  await robots.check('https://a.example/news/1');
  await robots.check('https://a.example/intern/1'); // the * group does not bind presswatch
  await assert.rejects(robots.check('https://a.example/archiv/2019'), RobotsDisallowedError);
});

test('robots.txt is cached per host until its own expiry, then read again', async () => {
  let now = 0;
  const site = fakeSite({ 'a.example': () => ROBOTS });
  const robots = createRobotsPolicy(site, () => now);
  await Promise.all([robots.check('https://a.example/1'), robots.check('https://a.example/2')]);
  now = 1.5 * HOUR;
  await robots.check('https://a.example/3');
  assert.equal(site.asked.length, 1);
  now = 2.5 * HOUR; // max-age=7200 has run out
  await robots.check('https://a.example/4');
  assert.equal(site.asked.length, 2);
});

test('no robots.txt allows everything; an unreachable one holds fetches back for a while', async () => {
  const robots = createRobotsPolicy(
    fakeSite({
      'down.example': () => {
        throw new HttpStatusError(503, 'x');
      },
    }),
  );
  await robots.check('https://none.example/a');
  await assert.rejects(robots.check('https://down.example/a'), RobotsUnavailableError);
});

test('Crawl-delay widens the host gap of the gate', async () => {
  let now = 0;
  const robots = createRobotsPolicy(fakeSite({ 'a.example': () => ROBOTS }));
  await robots.check('https://a.example/1');
  const gate = createMemoryHostGate(
    { minGapMs: 1000, maxConcurrent: 2 },
    () => now,
    robots.crawlDelayMs,
  );
  const release = async (host: string) => (await gate.acquire(host))();
  await release('a.example');
  now = 5000;
  await assert.rejects(
    gate.acquire('a.example'),
    (err: unknown) => err instanceof HostBusyError && err.waitMs === 2000,
  );
  await release('b.example');
  now = 6000; // b.example has no Crawl-delay: the global second applies
  await release('b.example');
});

test('feeds, and hosts of feeds with robots: ignore, skip robots.txt', async () => {
  const site = fakeSite({
    'a.example': () => 'User-agent: *\nDisallow: /\n',
    'b.example': () => 'User-agent: *\nDisallow: /\n',
  });
  const http = robotsClient(site, createRobotsPolicy(site), [
    { id: 'a', url: 'https://a.example/rss', intervalMs: HOUR, enabled: true },
    { id: 'b', url: 'https://b.example/rss', intervalMs: HOUR, enabled: true, robots: 'ignore' },
  ]);
  await http.get({ url: 'https://a.example/rss' });
  await http.get({ url: 'https://b.example/article' });
  await assert.rejects(http.get({ url: 'https://a.example/article' }), RobotsDisallowedError);
});
