import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { loadEnv } from '../../src/config/env.js';
import { BlockedAddressError, TooManyRedirectsError } from '../../src/core/http-errors.js';
import { guardedLookup } from '../../src/http/guarded-lookup.js';
import { httpOptionsFromEnv, isPublicAddress, parseRetryAfter } from '../../src/http/index.js';
import { redirectTarget } from '../../src/http/redirects.js';

describe('isPublicAddress', () => {
  const refused = [
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private 10/8'],
    ['172.16.0.1', 'private 172.16/12'],
    ['192.168.1.1', 'private 192.168/16'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['100.64.0.1', 'CGNAT'],
    ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fe80::1', 'IPv6 link-local'],
    ['fd12:3456::1', 'IPv6 unique-local'],
    ['ff02::1', 'IPv6 multicast'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['not-an-ip', 'garbage'],
  ];
  for (const [address, label] of refused) {
    test(`refuses ${label} (${address})`, () =>
      assert.equal(isPublicAddress(address ?? ''), false));
  }
  for (const address of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:8.8.8.8']) {
    test(`allows public ${address}`, () => assert.equal(isPublicAddress(address), true));
  }
});

describe('parseRetryAfter', () => {
  const now = new Date('2024-06-01T12:00:00Z');
  test('reads delay-seconds', () => assert.equal(parseRetryAfter('90', now), 90_000));
  test('reads an HTTP-date relative to now', () => {
    assert.equal(parseRetryAfter('Sat, 01 Jun 2024 12:05:00 GMT', now), 300_000);
  });
  test('a date in the past means no wait', () => {
    assert.equal(parseRetryAfter('Sat, 01 Jun 2024 11:00:00 GMT', now), 0);
  });
  test('ignores absent and unreadable values', () => {
    assert.equal(parseRetryAfter(undefined, now), undefined);
    assert.equal(parseRetryAfter('soon', now), undefined);
  });
});

describe('redirectTarget', () => {
  const current = new URL('https://news.example.com/a/b/feed.xml');
  test('resolves a relative Location against the current URL', () => {
    assert.equal(
      redirectTarget(301, '../rss', current, 0, { maxRedirects: 5 })?.href,
      'https://news.example.com/a/rss',
    );
  });
  test('is undefined for non-redirect statuses and a redirect without Location', () => {
    assert.equal(redirectTarget(200, '/x', current, 0, { maxRedirects: 5 }), undefined);
    assert.equal(redirectTarget(302, undefined, current, 0, { maxRedirects: 5 }), undefined);
  });
  test('throws once the hop budget is spent', () => {
    assert.throws(
      () => redirectTarget(308, '/x', current, 5, { maxRedirects: 5 }),
      TooManyRedirectsError,
    );
  });
});

describe('httpOptionsFromEnv', () => {
  test('defaults: 20 s, 5 MB, 5 redirects, identifying user agent, private networks refused', () => {
    const options = httpOptionsFromEnv(loadEnv({}), '1.2.3');
    assert.deepEqual(options, {
      userAgent: 'presswatch/1.2.3 (+https://github.com/presswatch/presswatch)',
      timeoutMs: 20_000,
      maxBytes: 5 * 1024 * 1024,
      maxRedirects: 5,
      allowPrivateNetworks: false,
    });
  });
  test('PRESSWATCH_USER_AGENT and PRESSWATCH_ALLOW_PRIVATE_NETWORKS override', () => {
    const env = loadEnv({
      PRESSWATCH_USER_AGENT: 'acme-monitor/2',
      PRESSWATCH_ALLOW_PRIVATE_NETWORKS: 'true',
    });
    const options = httpOptionsFromEnv(env, '1.2.3');
    assert.equal(options.userAgent, 'acme-monitor/2');
    assert.equal(options.allowPrivateNetworks, true);
  });
});

describe('guardedLookup', () => {
  const lookup = (host: string, all: boolean) =>
    new Promise<{ err: Error | null; address: unknown; family?: number }>((resolve) =>
      guardedLookup(host, { all }, (err, address, family) => resolve({ err, address, family })),
    );

  test('passes public addresses through in both callback shapes net.connect uses', async () => {
    // An IP literal resolves to itself without touching the network.
    const one = await lookup('93.184.216.34', false);
    assert.equal(one.err, null);
    assert.equal(one.address, '93.184.216.34');
    assert.equal(one.family, 4);
    const all = await lookup('93.184.216.34', true);
    assert.deepEqual(all.address, [{ address: '93.184.216.34', family: 4 }]);
  });

  test('fails with BlockedAddressError when a name resolves only to internal addresses', async () => {
    const { err } = await lookup('localhost', true);
    assert.ok(err instanceof BlockedAddressError);
  });
});
