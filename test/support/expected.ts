import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_ROOT } from './e2e.js';

/** What a human labeller expects of each fixture page (test/fixtures/site/EXPECTED.md). */
export interface ExpectedPage {
  language: string;
  title: string;
  authors: string[];
  published_at: string;
  must: string[];
  mustNot: string[];
  topics: string[];
  countries: string[];
}

export const EXPECTED: Record<string, ExpectedPage> = JSON.parse(
  readFileSync(join(SITE_ROOT, 'expected.json'), 'utf8'),
) as Record<string, ExpectedPage>;

/** Pages of the scenario's feeds that must end up indexed. */
export function expectedIndexed(siteUrl: string): Map<string, ExpectedPage> {
  return new Map(Object.entries(EXPECTED).map(([path, page]) => [`${siteUrl}${path}`, page]));
}
