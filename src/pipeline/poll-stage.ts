import type { FeedConfig } from '../core/feed-types.js';
import type { HttpClient } from '../core/http-types.js';
import { HostBusyError, StoreUnavailableError } from '../core/stage-errors.js';
import type { ArticleStore, FeedStateStore } from '../core/store-types.js';
import { pollFeed, type UrlIdentity } from '../feeds/index.js';
import { tasksFromFeed, type ArticleTask } from './article-task.js';
import { initialState, recordPollFailure, recordPollSuccess } from './feed-health.js';

export interface PollStageDeps {
  http: HttpClient;
  feedState: FeedStateStore;
  articles: Pick<ArticleStore, 'existing'>;
  /** Canonical URLs and document ids under the operator's dedupe rules. */
  identity: UrlIdentity;
  now: () => Date;
}

/**
 * Which listed articles are stored already. With the store down, enqueue them all: job ids and
 * document ids are the same hash, so nothing is fetched twice at once or stored twice.
 */
async function storedAmong(
  articles: Pick<ArticleStore, 'existing'>,
  ids: string[],
): Promise<Set<string>> {
  try {
    return await articles.existing(ids);
  } catch (err) {
    if (err instanceof StoreUnavailableError) return new Set();
    throw err;
  }
}

export type PollOutcome =
  | { ok: true; feedId: string; status: number; items: number; tasks: ArticleTask[] }
  | { ok: false; feedId: string; error: unknown };

/** Takes a poll's new articles somewhere safe: the article queue, the pending table. */
export type HandOff = (tasks: ArticleTask[]) => Promise<void>;

/**
 * poll(feed, handOff): conditional GET, parse, and the articles not yet stored, handed off
 * BEFORE the feed's new state is written. Written first, the new ETag would make the next poll
 * a 304 and a crash in between would lose the articles; written second, a crash only polls the
 * feed again. The feed's health and next check are written here, success or failure, so a
 * failure is recorded exactly once. Throws only HostBusyError, when the host asks for patience.
 */
export function createPollStage(deps: PollStageDeps) {
  return async function poll(feed: FeedConfig, handOff: HandOff): Promise<PollOutcome> {
    const now = deps.now();
    const previous = (await deps.feedState.get(feed.id)) ?? initialState(feed.id, now);
    try {
      const result = await pollFeed(feed, previous, deps.http);
      const { tasks: listed, guids } =
        result.kind === 'parsed'
          ? tasksFromFeed(feed, result.feed, now, deps.identity, previous.listedGuids)
          : { tasks: [], guids: previous.listedGuids };
      const stored = await storedAmong(
        deps.articles,
        listed.map((t) => t.id),
      );
      const tasks = listed.filter((t) => !stored.has(t.id));
      // Items as the feed listed them, linkless ones included: those have no page to fetch.
      const items = result.kind === 'parsed' ? result.feed.items.length : 0;
      const counts = { items, fresh: tasks.length };
      await handOff(tasks);
      const state = recordPollSuccess(previous, feed, result, counts, now);
      await deps.feedState.put({ ...state, listedGuids: guids });
      return { ok: true, feedId: feed.id, status: result.status, items, tasks };
    } catch (error) {
      // Waiting for the host's turn is not a failure of the feed: the runner delays the poll.
      if (error instanceof HostBusyError) throw error;
      await deps.feedState.put(recordPollFailure(previous, feed, error, now));
      return { ok: false, feedId: feed.id, error };
    }
  };
}
