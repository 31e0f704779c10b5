import type { SourceDirectory } from './sources.js';

/**
 * Words that mark a sentence as a credit, in the languages we monitor ("according to RT DE",
 * "RT DE zufolge", "как сообщает ТАСС"). The tilde (`~ de.rt.com`) and "Quelle:" forms are
 * already turned into domains by the extractor's `cites`; these add the prose forms.
 */
const CREDIT_MARKER =
  /(?:according to|reported by|quelle|source|laut|zufolge|berichtet|по данным|сообщает|сообщил|источник)/iu;
/** Sentences end at . ! ? or a line break. */
const SENTENCE_END = /(?<=[.!?])\s+|\n+/u;

/** Source ids a document credits: its cited domains, and outlets named in credit sentences. */
export function creditedSources(
  body: string,
  cites: string[],
  directory: SourceDirectory,
): string[] {
  const ids = new Set(cites.map((domain) => directory.sourceOf(domain)));
  for (const sentence of body.split(SENTENCE_END)) {
    if (!CREDIT_MARKER.test(sentence)) continue;
    for (const id of directory.namedIn(sentence)) ids.add(id);
  }
  return [...ids].sort();
}
