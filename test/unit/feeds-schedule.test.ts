import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { scheduleNextCheck } from '../../src/feeds/index.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const now = new Date('2024-06-01T12:00:00Z');
const delay = (input: Omit<Parameters<typeof scheduleNextCheck>[0], 'now'>): number =>
  scheduleNextCheck({ now, ...input }).getTime() - now.getTime();

describe('scheduleNextCheck after success', () => {
  test('uses the configured interval', () => {
    assert.equal(delay({ intervalMs: 15 * MINUTE, consecutiveFailures: 0 }), 15 * MINUTE);
  });
  test('is stretched by max-age, ttl and Retry-After, never shortened', () => {
    assert.equal(
      delay({ intervalMs: 10 * MINUTE, consecutiveFailures: 0, cache: { maxAgeMs: 30 * MINUTE } }),
      30 * MINUTE,
    );
    assert.equal(
      delay({ intervalMs: 10 * MINUTE, consecutiveFailures: 0, cache: { ttlMs: 60 * MINUTE } }),
      60 * MINUTE,
    );
    assert.equal(
      delay({
        intervalMs: 10 * MINUTE,
        consecutiveFailures: 0,
        cache: { retryAfterMs: 20 * MINUTE },
      }),
      20 * MINUTE,
    );
    assert.equal(
      delay({ intervalMs: 10 * MINUTE, consecutiveFailures: 0, cache: { maxAgeMs: MINUTE } }),
      10 * MINUTE,
    );
  });
  test('is clamped to [1 min, 24 h]', () => {
    assert.equal(delay({ intervalMs: 5_000, consecutiveFailures: 0 }), MINUTE);
    assert.equal(
      delay({
        intervalMs: 10 * MINUTE,
        consecutiveFailures: 0,
        cache: { maxAgeMs: 7 * 24 * HOUR },
      }),
      24 * HOUR,
    );
  });
});

describe('scheduleNextCheck after failure', () => {
  const middle = () => 0.5; // no jitter
  test('backs off exponentially: interval·2^(failures−1)', () => {
    const delays = [1, 2, 3, 4].map((f) =>
      delay({ intervalMs: 10 * MINUTE, consecutiveFailures: f, random: middle }),
    );
    assert.deepEqual(delays, [10 * MINUTE, 20 * MINUTE, 40 * MINUTE, 80 * MINUTE]);
  });
  test('jitter stays within ±20 %', () => {
    const low = delay({ intervalMs: 10 * MINUTE, consecutiveFailures: 2, random: () => 0 });
    const high = delay({ intervalMs: 10 * MINUTE, consecutiveFailures: 2, random: () => 0.999999 });
    assert.equal(low, 16 * MINUTE);
    assert.ok(high > 23.9 * MINUTE && high <= 24 * MINUTE);
  });
  test('never passes 6 h and keeps trying at the cap, still spread by jitter', () => {
    const samples = [0, 0.25, 0.5, 0.75, 0.999999].map((r) =>
      delay({ intervalMs: 15 * MINUTE, consecutiveFailures: 50, random: () => r }),
    );
    for (const value of samples) assert.ok(value >= 4 * HOUR && value <= 6 * HOUR, `${value}`);
    assert.equal(new Set(samples).size, samples.length);
  });
  test('is never sooner than Retry-After', () => {
    const value = delay({
      intervalMs: MINUTE,
      consecutiveFailures: 1,
      random: middle,
      cache: { retryAfterMs: 3 * HOUR },
    });
    assert.equal(value, 3 * HOUR);
  });
  test('is pure: the same input gives the same date', () => {
    const input = { now, intervalMs: 10 * MINUTE, consecutiveFailures: 3, random: () => 0.3 };
    assert.equal(scheduleNextCheck(input).getTime(), scheduleNextCheck(input).getTime());
  });
});
