import { TooManyRedirectsError } from '../core/http-errors.js';
import { UnsupportedSchemeError } from './errors.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Parses a URL to fetch, refusing anything but http and https. */
export function parseHttpUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch (err) {
    throw new UnsupportedSchemeError(`not a URL: ${raw}`, { cause: err, context: { url: raw } });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UnsupportedSchemeError(`only http and https are fetched: ${url.href}`, {
      context: { url: url.href },
    });
  }
  return url;
}

/**
 * Where a redirect answer points, resolved against the current URL; undefined when the answer
 * is not a redirect (or a redirect without Location, which the caller reports as a status).
 */
export function redirectTarget(
  status: number,
  location: string | string[] | undefined,
  current: URL,
  hopsSoFar: number,
  limits: { maxRedirects: number },
): URL | undefined {
  const target = Array.isArray(location) ? location[0] : location;
  if (!REDIRECT_STATUSES.has(status) || target === undefined) return undefined;
  if (hopsSoFar >= limits.maxRedirects) {
    throw new TooManyRedirectsError(`${current.href}: more than ${limits.maxRedirects} redirects`, {
      context: { url: current.href, maxRedirects: limits.maxRedirects },
    });
  }
  return parseHttpUrl(target, current);
}
