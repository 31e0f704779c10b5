/**
 * Every failure presswatch records is a PresswatchError: a stable `code` for scripts and
 * dashboards, a `disposition` that routes the job (see `routeError` in ./disposition.ts),
 * and context (feed id, URL, status) with secrets redacted.
 */
export type Disposition = 'permanent' | 'retryable' | 'rate-limited';

export interface ErrorContext {
  feedId?: string;
  url?: string;
  status?: number;
  [key: string]: unknown;
}

export interface ErrorOptions {
  cause?: unknown;
  context?: ErrorContext;
}

const SECRET_QUERY = /([?&](?:api[_-]?key|token|access_token|password|secret|sig)=)[^&#]*/gi;
const URL_CREDENTIALS = /(\/\/)[^/@\s]+@/g;

/** Removes credentials from URLs and secret-looking query parameters before they reach a log. */
export function redact(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1***@').replace(SECRET_QUERY, '$1***');
}

function redactContext(context: ErrorContext): ErrorContext {
  const out: ErrorContext = {};
  for (const [key, value] of Object.entries(context)) {
    out[key] = typeof value === 'string' ? redact(value) : value;
  }
  return out;
}

export abstract class PresswatchError extends Error {
  abstract readonly code: string;
  abstract readonly disposition: Disposition;
  readonly context: ErrorContext;

  constructor(message: string, options: ErrorOptions = {}) {
    super(redact(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.context = redactContext(options.context ?? {});
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message, ...this.context };
  }
}

/** Bad configuration or usage: every issue is listed at once. Maps to exit code 2. */
export class ConfigError extends PresswatchError {
  readonly code = 'CONFIG_INVALID';
  readonly disposition = 'permanent';
  constructor(readonly issues: string[]) {
    super(issues.join('\n'));
  }
}

export class UsageError extends PresswatchError {
  readonly code = 'USAGE';
  readonly disposition = 'permanent';
}
