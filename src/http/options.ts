import type { EnvConfig } from '../config/env.js';

export interface HttpClientOptions {
  userAgent: string;
  /** Total budget for one get(): connect, every redirect hop, headers and body. */
  timeoutMs: number;
  /** Cap on the decoded body size. */
  maxBytes: number;
  maxRedirects: number;
  allowPrivateNetworks: boolean;
}

/** 20 s: a healthy news site answers in well under a second; longer means it is struggling. */
const DEFAULT_TIMEOUT_MS = 20_000;
/** 5 MB: large feeds and article pages are a few hundred KB; beyond this it is not a news page. */
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** 5 hops covers http→https→www→CDN→final; browsers allow 20, but feeds and articles need few. */
const DEFAULT_MAX_REDIRECTS = 5;
const PROJECT_URL = 'https://github.com/presswatch/presswatch';

/** Identifies us and says where to reach the operator: their contact URL, else the project's. */
export function defaultUserAgent(version: string, contactUrl: string = PROJECT_URL): string {
  return `presswatch/${version} (+${contactUrl})`;
}

export function httpOptionsFromEnv(env: EnvConfig, version: string): HttpClientOptions {
  return {
    userAgent: env.PRESSWATCH_USER_AGENT ?? defaultUserAgent(version, env.PRESSWATCH_CONTACT_URL),
    timeoutMs: DEFAULT_TIMEOUT_MS,
    maxBytes: DEFAULT_MAX_BYTES,
    maxRedirects: DEFAULT_MAX_REDIRECTS,
    allowPrivateNetworks: env.PRESSWATCH_ALLOW_PRIVATE_NETWORKS,
  };
}
