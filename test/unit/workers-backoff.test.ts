import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retryDelayMs } from '../../src/workers/backoff.js';
import { routeError } from '../../src/core/disposition.js';
import { HttpStatusError, TooLargeError, FetchTimeoutError } from '../../src/core/http-errors.js';
import { HostBusyError, StoreUnavailableError } from '../../src/core/stage-errors.js';

test('retry delays double from 2 s with ±20 % jitter, capped at 5 min', () => {
  assert.equal(
    retryDelayMs(1, new Error('x'), () => 0.5),
    2_000,
  );
  assert.equal(
    retryDelayMs(3, new Error('x'), () => 0.5),
    8_000,
  );
  assert.equal(
    retryDelayMs(3, new Error('x'), () => 0),
    6_400,
  );
  assert.equal(
    retryDelayMs(3, new Error('x'), () => 1),
    9_600,
  );
  assert.equal(
    retryDelayMs(20, new Error('x'), () => 0.5),
    300_000,
  );
});

test("the server's Retry-After and a host's wait win over the exponential delay", () => {
  assert.equal(retryDelayMs(1, new HttpStatusError(503, 'https://a.example/', 30_000)), 30_000);
  assert.equal(retryDelayMs(5, new HostBusyError('a.example', 700)), 700);
});

test('one place routes failures: permanent, rate-limited or retryable', () => {
  assert.equal(routeError(new HttpStatusError(404, 'u')).disposition, 'permanent');
  assert.equal(routeError(new HttpStatusError(410, 'u')).disposition, 'permanent');
  assert.equal(routeError(new HttpStatusError(429, 'u')).disposition, 'rate-limited');
  assert.equal(routeError(new HttpStatusError(503, 'u')).disposition, 'retryable');
  assert.equal(routeError(new TooLargeError('big')).disposition, 'permanent');
  assert.equal(routeError(new FetchTimeoutError('slow')).disposition, 'retryable');
  assert.equal(routeError(new StoreUnavailableError('down')).code, 'STORE_UNAVAILABLE');
  assert.deepEqual(routeError(new TypeError('bug')), {
    disposition: 'retryable',
    code: 'UNEXPECTED',
  });
});

test('errors redact credentials and secret query parameters', () => {
  const err = new HttpStatusError(500, 'https://user:secret@a.example/feed?api_key=abc&x=1');
  assert.equal(err.message, 'HTTP 500 from https://***@a.example/feed?api_key=***&x=1');
  assert.equal(err.context.url, 'https://***@a.example/feed?api_key=***&x=1');
});
