import { setTimeout as sleep } from 'node:timers/promises';
import type { FeedConfig } from '../../core/feed-types.js';
import type { Runtime } from '../runtime.js';
import { createInlineRunner } from './runner.js';

/** How often due feeds are looked for, as in the BullMQ scheduler. */
const TICK_MS = 2_000;

/** `run` on the embedded default: poll due feeds, process their articles, until stopped. */
export async function runInlineLoop(
  runtime: Runtime,
  feeds: FeedConfig[],
  signal: AbortSignal,
): Promise<void> {
  const runner = createInlineRunner(runtime);
  const enabled = new Map(feeds.filter((f) => f.enabled).map((f) => [f.id, f]));
  await runtime.feedState.reconcile(
    feeds.map((f) => f.id),
    new Date(),
  );
  try {
    while (!signal.aborted) {
      const due = (await runtime.feedState.due(new Date())).flatMap((id) => enabled.get(id) ?? []);
      if (due.length > 0) {
        const summary = await runner.runFeeds(due);
        runtime.logger.info(summary, 'feeds processed');
      }
      await sleep(TICK_MS, undefined, { signal }).catch(() => undefined);
    }
  } finally {
    await runner.close();
  }
}
