import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { HostGate, PolitenessSettings } from '../core/host-gate.js';
import { HostBusyError } from '../core/stage-errors.js';
import type { HostGap } from './memory-gate.js';

/**
 * A slot is held for at most this long: a worker that dies mid-request frees its slot when the
 * lease runs out. Longer than the HTTP client's total timeout (20 s) with room to spare.
 */
const LEASE_MS = 60_000;

// Atomic check-and-take: drop expired holders, refuse while the gap runs or the cap is full,
// else record the holder and the time of this request. Returns 0 or milliseconds to wait.
const ACQUIRE = `
local now = tonumber(ARGV[1]); local gap = tonumber(ARGV[2]); local cap = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
if now < last + gap then return last + gap - now end
if redis.call('ZCARD', KEYS[2]) >= cap then
  local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  return math.max(1, math.min(tonumber(first[2]) - now, gap > 0 and gap or 250))
end
redis.call('SET', KEYS[1], now, 'PX', math.max(gap * 2, 1000))
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[5]), ARGV[4])
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[5]))
return 0`;

export function createRedisHostGate(
  redis: Redis,
  keyPrefix: string,
  settings: PolitenessSettings,
  hostGap: HostGap = () => undefined,
): HostGate {
  return {
    async acquire(host) {
      const token = randomUUID();
      const last = `${keyPrefix}:host:${host}:last`;
      const holders = `${keyPrefix}:host:${host}:holders`;
      const wait = Number(
        await redis.eval(
          ACQUIRE,
          2,
          last,
          holders,
          Date.now(),
          Math.max(settings.minGapMs, hostGap(host) ?? 0),
          settings.maxConcurrent,
          token,
          LEASE_MS,
        ),
      );
      if (wait > 0) throw new HostBusyError(host, wait);
      return async () => {
        await redis.zrem(holders, token);
      };
    },
  };
}
