import { PresswatchError } from '../../core/errors.js';

/** The page took longer than the per-page limit to parse and extract: it would again. */
export class ExtractionTimeoutError extends PresswatchError {
  readonly code = 'EXTRACTION_TIMEOUT';
  readonly disposition = 'permanent';
}

/** Extraction failed inside its thread (out of memory on a huge page, a parser bug). */
export class ExtractionFailedError extends PresswatchError {
  readonly code = 'EXTRACTION_FAILED';
  readonly disposition = 'permanent';
}
