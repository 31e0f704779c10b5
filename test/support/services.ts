/** Where the real Redis and Elasticsearch of a test run listen (started by scripts/services.sh). */
export interface ServiceUrls {
  redisUrl: string;
  elasticsearchUrl: string;
}

/**
 * Integration tests need the real servers; without them they must fail, never skip, so that a
 * run without services cannot pass by testing nothing.
 */
export function requireServices(): ServiceUrls {
  const redisUrl = process.env.REDIS_URL;
  const elasticsearchUrl = process.env.ELASTICSEARCH_URL;
  const missing = [
    ...(redisUrl ? [] : ['REDIS_URL']),
    ...(elasticsearchUrl ? [] : ['ELASTICSEARCH_URL']),
  ];
  if (!redisUrl || !elasticsearchUrl) {
    throw new Error(
      `${missing.join(' and ')} not set: integration tests need the real Redis and Elasticsearch; ` +
        'run the tests through `npm test`, which starts them ' +
        '(or `eval "$(scripts/services.sh up)"` first)',
    );
  }
  return { redisUrl, elasticsearchUrl };
}
