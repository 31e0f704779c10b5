import { PresswatchError } from './errors.js';

export class FeedParseError extends PresswatchError {
  readonly code = 'FEED_PARSE';
  readonly disposition = 'permanent';
}

/** The page parsed but holds no article text (a script shell, a consent wall, an index page). */
export class NoArticleTextError extends PresswatchError {
  readonly code = 'NO_ARTICLE_TEXT';
  readonly disposition = 'permanent';
}

/** The store (Elasticsearch, SQLite) could not take the write now; the document waits. */
export class StoreUnavailableError extends PresswatchError {
  readonly code = 'STORE_UNAVAILABLE';
  readonly disposition = 'retryable';
}

/** The store refused the document itself (mapping error): retrying cannot help. */
export class DocumentRejectedError extends PresswatchError {
  readonly code = 'DOCUMENT_REJECTED';
  readonly disposition = 'permanent';
}

/** Per-host politeness: the host's gap or concurrency cap says wait this long. */
export class HostBusyError extends PresswatchError {
  readonly code = 'HOST_BUSY';
  readonly disposition = 'rate-limited';
  constructor(
    readonly host: string,
    readonly waitMs: number,
  ) {
    super(`host ${host} busy, wait ${waitMs} ms`, { context: { host } });
  }
}
