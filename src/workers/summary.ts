import { errorMessage, routeError } from '../core/disposition.js';

export interface Failure {
  feedId: string;
  url?: string;
  code: string;
  message: string;
}

/** What `run --once` reports: feeds polled and failed, articles new, indexed and failed, with reasons. */
export interface RunSummary {
  feeds: { polled: number; failed: number };
  articles: { new: number; indexed: number; failed: number };
  failures: Failure[];
}

export function emptySummary(): RunSummary {
  return {
    feeds: { polled: 0, failed: 0 },
    articles: { new: 0, indexed: 0, failed: 0 },
    failures: [],
  };
}

export function failureOf(feedId: string, err: unknown, url?: string): Failure {
  return { feedId, url, code: routeError(err).code, message: errorMessage(err) };
}
