import type { FeedConfig } from '../core/feed-types.js';
import type { HttpClient } from '../core/http-types.js';
import type { ArticleStore, FeedStateStore } from '../core/store-types.js';
import { documentId, pollFeed } from '../feeds/index.js';
import { tasksFromFeed, type ArticleTask } from './article-task.js';
import { initialState, recordPollFailure, recordPollSuccess } from './feed-health.js';

export interface PollStageDeps {
  http: HttpClient;
  feedState: FeedStateStore;
  articles: Pick<ArticleStore, 'existing'>;
  now: () => Date;
}

export type PollOutcome =
  | { ok: true; feedId: string; status: number; items: number; tasks: ArticleTask[] }
  | { ok: false; feedId: string; error: unknown };

/**
 * poll(feed): conditional GET, parse, and the articles not yet stored. The feed's health and
 * next check are written here, success or failure, so a failure is recorded exactly once.
 */
export function createPollStage(deps: PollStageDeps) {
  return async function poll(feed: FeedConfig): Promise<PollOutcome> {
    const now = deps.now();
    const previous = (await deps.feedState.get(feed.id)) ?? initialState(feed.id, now);
    try {
      const result = await pollFeed(feed, previous, deps.http);
      const listed =
        result.kind === 'parsed' ? tasksFromFeed(feed, result.feed, now, documentId) : [];
      const stored = await deps.articles.existing(listed.map((t) => t.id));
      const tasks = listed.filter((t) => !stored.has(t.id));
      const counts = { items: listed.length, fresh: tasks.length };
      await deps.feedState.put(recordPollSuccess(previous, feed, result, counts, now));
      return { ok: true, feedId: feed.id, status: result.status, items: listed.length, tasks };
    } catch (error) {
      await deps.feedState.put(recordPollFailure(previous, feed, error, now));
      return { ok: false, feedId: feed.id, error };
    }
  };
}
