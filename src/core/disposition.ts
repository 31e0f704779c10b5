import { PresswatchError, type Disposition } from './errors.js';
import { HttpStatusError } from './http-errors.js';
import { HostBusyError } from './stage-errors.js';

export interface Routing {
  disposition: Disposition;
  code: string;
  /** How long to wait before the next try, when the failure says (Retry-After, host gap). */
  delayMs?: number;
}

/**
 * The one place that decides whether a failure is permanent, rate-limited or worth retrying.
 * Runners route jobs by this answer; nothing else inspects error types for that purpose.
 */
export function routeError(err: unknown): Routing {
  if (err instanceof HostBusyError) {
    return { disposition: err.disposition, code: err.code, delayMs: err.waitMs };
  }
  if (err instanceof HttpStatusError) {
    const routing: Routing = { disposition: err.disposition, code: err.code };
    if (err.retryAfterMs !== undefined) routing.delayMs = err.retryAfterMs;
    return routing;
  }
  if (err instanceof PresswatchError) return { disposition: err.disposition, code: err.code };
  // An error we did not anticipate is a bug or an unknown outage: retry, it gets recorded.
  return { disposition: 'retryable', code: 'UNEXPECTED' };
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
