import { readFileSync } from 'node:fs';
import { Client, errors, type ClientOptions } from '@elastic/elasticsearch';
import { StoreUnavailableError } from '../../core/stage-errors.js';
import { PresswatchError } from '../../core/errors.js';

export interface ConnectionOptions {
  node: string;
  apiKey?: string;
  username?: string;
  password?: string;
  /** Path to a PEM file with the CA that signed the cluster's certificate. */
  caCert?: string;
}

// A 5 MB bulk request on a busy cluster takes seconds; 30 s is Elasticsearch's own default
// for the work behind a request, so waiting longer only hides an outage.
const REQUEST_TIMEOUT_MS = 30_000;
// The transport retries connection errors and 502/503/504 at once, without backoff. One retry
// absorbs a keep-alive socket the server closed; more would only delay reporting a dead cluster,
// whose documents then wait in the job queue, which backs off properly.
const MAX_TRANSPORT_RETRIES = 1;

export function createClient(options: ConnectionOptions): Client {
  const config: ClientOptions = {
    node: options.node,
    requestTimeout: REQUEST_TIMEOUT_MS,
    maxRetries: MAX_TRANSPORT_RETRIES,
  };
  if (options.apiKey) config.auth = { apiKey: options.apiKey };
  else if (options.username && options.password) {
    config.auth = { username: options.username, password: options.password };
  }
  if (options.caCert) config.tls = { ca: readFileSync(options.caCert) };
  return new Client(config);
}

export function responseStatus(err: unknown): number | undefined {
  return err instanceof errors.ResponseError ? err.statusCode : undefined;
}

/** Elasticsearch's error type (`resource_already_exists_exception`) of a failed response. */
export function responseErrorType(err: unknown): string | undefined {
  if (!(err instanceof errors.ResponseError)) return undefined;
  const body: unknown = err.body;
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error: unknown = body.error;
  return typeof error === 'object' && error !== null && 'type' in error
    ? String(error.type)
    : undefined;
}

/** The failure of a whole request: no document was judged, so every one of them can wait. */
export function unavailable(action: string, node: string, err: unknown): PresswatchError {
  if (err instanceof PresswatchError) return err;
  const status = responseStatus(err);
  const reason = err instanceof Error ? err.message : String(err);
  return new StoreUnavailableError(`Elasticsearch ${action} failed: ${reason}`, {
    cause: err,
    context: { url: node, ...(status === undefined ? {} : { status }) },
  });
}
