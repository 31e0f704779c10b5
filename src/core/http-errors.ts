import { PresswatchError, type Disposition, type ErrorOptions } from './errors.js';

/** A non-2xx, non-304 answer. 408, 425, 429 and 5xx are worth trying again; the rest are not. */
export class HttpStatusError extends PresswatchError {
  readonly code: string;
  readonly disposition: Disposition;
  readonly status: number;
  /** From Retry-After, when the server sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(status: number, url: string, retryAfterMs?: number, options: ErrorOptions = {}) {
    super(`HTTP ${status} from ${url}`, {
      ...options,
      context: { ...options.context, url, status },
    });
    this.status = status;
    this.retryAfterMs = retryAfterMs;
    this.code = `HTTP_${status}`;
    this.disposition =
      status === 429 ? 'rate-limited' : isRetryableStatus(status) ? 'retryable' : 'permanent';
  }
}

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status >= 500;
}

export class FetchTimeoutError extends PresswatchError {
  readonly code = 'FETCH_TIMEOUT';
  readonly disposition = 'retryable';
}

/** Connection refused, reset, DNS failure: the network, not the resource. */
export class NetworkError extends PresswatchError {
  readonly code = 'NETWORK';
  readonly disposition = 'retryable';
}

export class TooLargeError extends PresswatchError {
  readonly code = 'TOO_LARGE';
  readonly disposition = 'permanent';
}

export class TooManyRedirectsError extends PresswatchError {
  readonly code = 'TOO_MANY_REDIRECTS';
  readonly disposition = 'permanent';
}

/** The target resolves to loopback, private or link-local space and that is not allowed. */
export class BlockedAddressError extends PresswatchError {
  readonly code = 'BLOCKED_ADDRESS';
  readonly disposition = 'permanent';
}

export class UnsupportedContentError extends PresswatchError {
  readonly code = 'UNSUPPORTED_CONTENT';
  readonly disposition = 'permanent';
}
