import type { ArticleDocument } from '../core/document.js';
import { PresswatchError } from '../core/errors.js';
import { StoreUnavailableError } from '../core/stage-errors.js';
import type { PutOutcome } from '../core/store-types.js';

export type PutMany = (docs: ArticleDocument[]) => Promise<PutOutcome[]>;

export interface BulkWriterOptions {
  /** Send when this many documents wait. */
  maxDocs: number;
  /** Send when the waiting documents' JSON reaches this size. */
  maxBytes: number;
  /** Send at the latest this long after the first document of a batch arrived. */
  flushIntervalMs: number;
}

/**
 * 200 news articles of a few KB make a request of about 1 MB, where Elasticsearch's "tune for
 * indexing speed" guide has benchmarks start (100-400 documents) and far below the "couple tens of
 * megabytes" it warns against when several workers send at once; 5 MB caps batches of very long
 * articles. A document waits at most 1 s, because its job is acknowledged only once it is stored.
 */
export const DEFAULT_BULK_WRITER_OPTIONS: BulkWriterOptions = {
  maxDocs: 200,
  maxBytes: 5 * 1024 * 1024,
  flushIntervalMs: 1000,
};

interface Waiting {
  doc: ArticleDocument;
  resolve: () => void;
  reject: (err: PresswatchError) => void;
}

/**
 * Collects documents from many concurrent jobs into bulk requests. `write` resolves when that
 * document is stored and rejects with its own outcome's error (DocumentRejectedError) or with the
 * StoreUnavailableError of the whole request. Batches are sent one after another, in order, so a
 * later version of a document never overtakes an earlier one.
 */
export class BulkWriter {
  private batch: Waiting[] = [];
  private batchBytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private sending: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly putMany: PutMany,
    private readonly options: BulkWriterOptions = DEFAULT_BULK_WRITER_OPTIONS,
  ) {}

  write(doc: ArticleDocument): Promise<void> {
    if (this.closed) {
      return Promise.reject(
        new StoreUnavailableError('bulk writer is closed', { context: { id: doc.id } }),
      );
    }
    const bytes = Buffer.byteLength(JSON.stringify(doc));
    if (this.batch.length > 0 && this.batchBytes + bytes > this.options.maxBytes) void this.flush();
    const stored = new Promise<void>((resolve, reject) =>
      this.batch.push({ doc, resolve, reject }),
    );
    this.batchBytes += bytes;
    if (this.batch.length >= this.options.maxDocs || this.batchBytes >= this.options.maxBytes) {
      void this.flush();
    } else {
      this.timer ??= setTimeout(() => void this.flush(), this.options.flushIntervalMs);
    }
    return stored;
  }

  /** Sends what waits now; resolves once it and every earlier batch are settled. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.batch;
    this.batch = [];
    this.batchBytes = 0;
    if (batch.length > 0) this.sending = this.sending.then(() => this.send(batch));
    return this.sending;
  }

  /**
   * Runs a store call after every batch already being sent and before any batch sent later,
   * so that it finds their documents stored; its failure is the caller's, not the batches'.
   */
  inSequence<T>(call: () => Promise<T>): Promise<T> {
    const result = this.sending.then(call);
    this.sending = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Refuses new writes and sends everything still waiting. */
  close(): Promise<void> {
    this.closed = true;
    return this.flush();
  }

  private async send(batch: Waiting[]): Promise<void> {
    let outcomes: PutOutcome[];
    try {
      outcomes = await this.putMany(batch.map((waiting) => waiting.doc));
    } catch (err) {
      const error = asStoreError(err);
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    batch.forEach((waiting, i) => settle(waiting, outcomes[i]));
  }
}

function settle(waiting: Waiting, outcome: PutOutcome | undefined): void {
  if (outcome?.ok) waiting.resolve();
  else if (outcome) waiting.reject(outcome.error);
  else waiting.reject(new StoreUnavailableError(`store gave no outcome for ${waiting.doc.id}`));
}

function asStoreError(err: unknown): PresswatchError {
  if (err instanceof PresswatchError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new StoreUnavailableError(`store write failed: ${message}`, { cause: err });
}
