import type { Redis } from 'ioredis';
import type { FeedState } from '../../core/feed-types.js';
import type { FeedStateStore } from '../../core/store-types.js';

/**
 * Feed state in Redis: one hash per feed (the state as JSON plus two counters that HINCRBY
 * keeps exact under concurrent workers) and one sorted set of next-check times, which the
 * scheduler reads to find due feeds.
 */
export class RedisFeedStateStore implements FeedStateStore {
  private readonly dueKey: string;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    this.dueKey = `${prefix}:feeds:due`;
  }

  private feedKey(feedId: string): string {
    return `${this.prefix}:feed:${feedId}`;
  }

  async get(feedId: string): Promise<FeedState | undefined> {
    return toState(await this.redis.hgetall(this.feedKey(feedId)));
  }

  async put(state: FeedState): Promise<void> {
    const { articlesIndexed: _i, articlesFailed: _f, ...rest } = state;
    await this.redis
      .multi()
      .hset(this.feedKey(state.feedId), 'state', JSON.stringify(rest))
      .zadd(this.dueKey, Date.parse(state.nextCheckAt), state.feedId)
      .exec();
  }

  async list(): Promise<FeedState[]> {
    const ids = await this.redis.zrange(this.dueKey, 0, -1);
    const states = await Promise.all(ids.map((id) => this.get(id)));
    return states.filter((s): s is FeedState => s !== undefined);
  }

  async due(now: Date): Promise<string[]> {
    return this.redis.zrangebyscore(this.dueKey, '-inf', now.getTime());
  }

  /**
   * Takes the due feeds and pushes their next check `leaseMs` ahead in one step, so a feed is
   * handed out once even with two schedulers; the poll then writes its real next check.
   */
  async claimDue(now: Date, leaseMs: number): Promise<string[]> {
    const claimed = await this.redis.eval(CLAIM_DUE, 1, this.dueKey, now.getTime(), leaseMs);
    return claimed as string[];
  }

  async reconcile(feedIds: string[], now: Date): Promise<void> {
    const known = new Set(await this.redis.zrange(this.dueKey, 0, -1));
    const wanted = new Set(feedIds);
    const tx = this.redis.multi();
    for (const id of feedIds) if (!known.has(id)) tx.zadd(this.dueKey, now.getTime(), id);
    for (const id of known) if (!wanted.has(id)) tx.zrem(this.dueKey, id).del(this.feedKey(id));
    await tx.exec();
  }

  async countArticle(feedId: string, outcome: 'indexed' | 'failed'): Promise<void> {
    const field = outcome === 'indexed' ? 'articlesIndexed' : 'articlesFailed';
    await this.redis.hincrby(this.feedKey(feedId), field, 1);
  }

  async close(): Promise<void> {}
}

const CLAIM_DUE = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
for _, id in ipairs(ids) do redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[2]), id) end
return ids`;

function toState(hash: Record<string, string>): FeedState | undefined {
  if (!hash.state) return undefined;
  return {
    ...(JSON.parse(hash.state) as Omit<FeedState, 'articlesIndexed' | 'articlesFailed'>),
    articlesIndexed: Number(hash.articlesIndexed ?? 0),
    articlesFailed: Number(hash.articlesFailed ?? 0),
  };
}
