import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeHtml, extractArticle } from '../../src/articles/index.js';
import { normalize } from './extract-gold.js';

/** An extractor under test: page bytes and URL in, plain text out ('' for a failure). */
export interface Runner {
  name: string;
  run(bytes: Buffer, url: string): string;
}

/** A crash or an empty output misses every `with` snippet and finds no `without` one. */
function orEmpty(extract: () => string | null | undefined): string {
  try {
    return normalize(extract() ?? '');
  } catch {
    return '';
  }
}

export const presswatch: Runner = {
  name: 'presswatch',
  run: (bytes, url) => orEmpty(() => extractArticle(decodeHtml(bytes), url).text),
};

/** The baseline as measured in shared/data/extraction: Readability's textContent on linkedom. */
export const readability: Runner = {
  name: 'readability',
  run: (bytes) =>
    orEmpty(() => {
      const { document } = parseHTML(decodeHtml(bytes));
      return new Readability(document).parse()?.textContent;
    }),
};
