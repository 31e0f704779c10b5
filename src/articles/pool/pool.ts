import pLimit from 'p-limit';
import { Piscina } from 'piscina';
import type { Extraction } from '../../core/document.js';
import { NoArticleTextError } from '../../core/stage-errors.js';
import { ExtractionFailedError, ExtractionTimeoutError } from './errors.js';
import type { ExtractOutcome, ExtractTask } from './worker.js';

export interface ExtractionPoolOptions {
  threads?: number;
  /** Per page: parsing and extraction that run longer are stopped and the page fails. */
  timeoutMs?: number;
  /** Old-generation heap per thread: a page that needs more fails alone. */
  maxHeapMb?: number;
}

export interface ExtractionPool {
  extract(html: string, url: string): Promise<Extraction>;
  close(): Promise<void>;
}

/**
 * One thread: extraction takes 8 ms of CPU on a typical page, so one thread keeps up with 100+
 * articles per second while the main thread fetches, tags and writes; each further thread
 * costs its own heap against the 300 MB a worker process may use.
 */
const DEFAULT_THREADS = 1;
/** Typical pages take about 10 ms and rare real ones a few seconds: ten seconds is pathological. */
const DEFAULT_TIMEOUT_MS = 10_000;
/** A 10 MB page's DOM needs about 150 MB; more than that is not a page worth indexing. */
const DEFAULT_MAX_HEAP_MB = 192;

/**
 * V8 sizes a thread's young generation like a process's (up to 32 MB a semi-space). Parsing
 * makes short-lived nodes fast, but 8 MB cost no throughput on bench:pipeline and took 15 MB
 * off the worker process, which must stay under 300 MB with this thread in it.
 */
const YOUNG_GENERATION_MB = 8;

/** Under tsx (tests, benchmarks) the thread loads the TypeScript source, else the build. */
function workerFile(): string {
  const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  return new URL(`./worker.${ext}`, import.meta.url).href;
}

interface StartedMessage {
  started: number;
}

/** Extraction on worker threads, where a page that runs too long can be stopped. */
export function createExtractionPool(options: ExtractionPoolOptions = {}): ExtractionPool {
  const threads = options.threads ?? DEFAULT_THREADS;
  const limit: TimeLimit = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    starters: new Map(),
  };
  const pool = new Piscina<ExtractTask, ExtractOutcome>({
    filename: workerFile(),
    minThreads: threads,
    maxThreads: threads,
    resourceLimits: {
      maxOldGenerationSizeMb: options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB,
      maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
    },
  });
  pool.on('message', (message: StartedMessage) => limit.starters.get(message.started)?.());
  // Pages wait here, not in Piscina's queue: at most one page per thread is in flight.
  const free = pLimit(threads);
  let nextId = 0;
  return {
    async extract(html, url) {
      const task = { id: nextId++, html, url };
      const outcome = await free(() => runWithLimit(pool, task, limit));
      if (outcome.ok) return outcome.extraction;
      const ErrorClass =
        outcome.code === 'NO_ARTICLE_TEXT' ? NoArticleTextError : ExtractionFailedError;
      throw new ErrorClass(outcome.message, { context: { url } });
    },
    close: () => pool.close(),
  };
}

interface TimeLimit {
  timeoutMs: number;
  /** Per task id: starts the task's clock when its thread reports that it began. */
  starters: Map<number, () => void>;
}

/**
 * The clock starts when the thread begins the page, not when it is sent: a thread started
 * anew loads its modules first. Aborting a running task terminates its thread; Piscina starts
 * a fresh one for the next page.
 */
async function runWithLimit(
  pool: Piscina<ExtractTask, ExtractOutcome>,
  task: ExtractTask,
  limit: TimeLimit,
): Promise<ExtractOutcome> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  limit.starters.set(task.id, () => {
    timer = setTimeout(() => controller.abort(), limit.timeoutMs);
  });
  try {
    return await pool.run(task, { signal: controller.signal });
  } catch (err) {
    throw poolError(err, controller.signal.aborted, limit.timeoutMs, task.url);
  } finally {
    clearTimeout(timer);
    limit.starters.delete(task.id);
  }
}

function poolError(err: unknown, timedOut: boolean, timeoutMs: number, url: string): Error {
  const options = { context: { url }, cause: err };
  if (timedOut) {
    return new ExtractionTimeoutError(`extraction took longer than ${timeoutMs} ms`, options);
  }
  const reason = err instanceof Error ? err.message : String(err);
  return new ExtractionFailedError(`extraction failed: ${reason}`, options);
}
