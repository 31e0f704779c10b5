export { createHttpClient, type ClosableHttpClient } from './client.js';
export { httpOptionsFromEnv, defaultUserAgent, type HttpClientOptions } from './options.js';
export { parseRetryAfter } from './retry-after.js';
export { isPublicAddress } from './address-policy.js';
export { UnsupportedSchemeError } from './errors.js';
