import { parentPort } from 'node:worker_threads';
import type { Extraction } from '../../core/document.js';
import { PresswatchError } from '../../core/errors.js';
import { extractArticle } from '../extract.js';

export interface ExtractTask {
  /** Told back when the thread takes the page, so its clock starts there. */
  id: number;
  html: string;
  url: string;
}

/** Errors lose their class between threads: the outcome says what happened in plain data. */
export type ExtractOutcome =
  { ok: true; extraction: Extraction } | { ok: false; code: string; message: string };

/** The pool's thread entry: one page in, its extraction or the reason it has none out. */
export default function extractInThread(task: ExtractTask): ExtractOutcome {
  parentPort?.postMessage({ started: task.id });
  try {
    return { ok: true, extraction: extractArticle(task.html, task.url) };
  } catch (err) {
    const code = err instanceof PresswatchError ? err.code : 'EXTRACTION_FAILED';
    return { ok: false, code, message: err instanceof Error ? err.message : String(err) };
  }
}
