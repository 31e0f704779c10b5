import type { FeedConfig, FeedState } from '../../core/feed-types.js';
import type { FeedStateStore } from '../../core/store-types.js';
import {
  createPollStage,
  type PollOutcome,
  type PollStageDeps,
} from '../../pipeline/poll-stage.js';
import type { PendingArticles } from '../../store/sqlite/pending-articles.js';

/** Feed state whose `put` is held back: everything else goes to the real store. */
function holdingPuts(store: FeedStateStore, hold: (state: FeedState) => void): FeedStateStore {
  return {
    get: (feedId) => store.get(feedId),
    put: async (state) => hold(state),
    list: () => store.list(),
    due: (now) => store.due(now),
    reconcile: (feedIds, now) => store.reconcile(feedIds, now),
    countArticle: (feedId, outcome) => store.countArticle(feedId, outcome),
    close: () => store.close(),
  };
}

/**
 * The poll stage, with the feed's new state (its ETag, Last-Modified and body hash among it)
 * recorded only after the poll's new articles are in the pending queue. Recorded first, a crash
 * in between would make the next poll a 304 and lose those articles; recorded second, a crash
 * in between only polls the feed again and finds the same articles, already pending.
 */
export function createDurablePoll(deps: PollStageDeps & { pending: PendingArticles }) {
  return async function poll(feed: FeedConfig): Promise<PollOutcome> {
    let polled: FeedState | undefined;
    const feedState = holdingPuts(deps.feedState, (state) => (polled = state));
    const outcome = await createPollStage({ ...deps, feedState })(feed);
    if (outcome.ok) await deps.pending.add(outcome.tasks);
    if (polled) await deps.feedState.put(polled);
    return outcome;
  };
}
