import type { FeedConfig } from '../core/feed-types.js';
import type { HttpClient } from '../core/http-types.js';
import type { RobotsPolicy } from './robots.js';

/**
 * Article fetches ask robots.txt first. Feeds are exempt (an outlet publishes a feed to be
 * polled), and so are the hosts of feeds configured with `robots: ignore`.
 */
export function robotsClient(
  http: HttpClient,
  robots: RobotsPolicy,
  feeds: FeedConfig[],
): HttpClient {
  const feedUrls = new Set(feeds.map((feed) => feed.url));
  const ignoredHosts = new Set(
    feeds.filter((feed) => feed.robots === 'ignore').map((feed) => new URL(feed.url).host),
  );
  return {
    async get(request) {
      const exempt = feedUrls.has(request.url) || ignoredHosts.has(new URL(request.url).host);
      if (!exempt) await robots.check(request.url);
      return http.get(request);
    },
  };
}
