import { datasetCountryNames, type NameRef } from './gazetteer.js';
import type { PhraseMatch } from './phrase-index.js';
import { MEMO_LIMIT } from './stemming.js';
import type { Taxonomy } from './taxonomy.js';
import { CAPITALISED, normalizeWord, type TokenStream } from './text.js';

/**
 * German compounds that start with a country name: `Russlandreise`, `Chinapolitik`,
 * `Frankreichbesuch`. Names shorter than five letters are left out, as they open everyday
 * words (`Man` in Mann, `Peru` in Perücke, `Iran` in none yet, but `Oman`, `Mali` in Malibu).
 */
const MIN_NAME = 5;
/** What follows the name must be a word of its own (-reise, -politik), not an ending (-s, -ta). */
const MIN_REST = 4;

export class CompoundNames {
  private readonly names: { name: string; ref: NameRef }[];
  private readonly memo = new Map<string, NameRef | null>();

  constructor(taxonomy: Taxonomy) {
    const dataset = datasetCountryNames('de', taxonomy.countries.ignore.de ?? []);
    this.names = [...dataset]
      .filter(([name]) => name.length >= MIN_NAME && !/[\s-]/.test(name))
      .map(([name, code]) => ({
        name: normalizeWord(name),
        ref: { kind: 'country' as const, id: code, term: name },
      }))
      .sort((a, b) => b.name.length - a.name.length);
  }

  /** The country a capitalised word starts with, when the rest is long enough to be a word. */
  at(tokens: TokenStream, i: number): NameRef | undefined {
    if (((tokens.flags[i] as number) & CAPITALISED) === 0) return undefined;
    const word = tokens.words[i] as string;
    if (word.length < MIN_NAME + MIN_REST) return undefined;
    let ref = this.memo.get(word);
    if (ref === undefined) {
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      const found = this.names.find(
        ({ name }) => word.length - name.length >= MIN_REST && word.startsWith(name),
      );
      ref = found?.ref ?? null;
      this.memo.set(word, ref);
    }
    return ref ?? undefined;
  }
}

/** Country compounds among the words no gazetteer name covered. */
export function compoundHits(
  compounds: CompoundNames,
  tokens: TokenStream,
  covered: readonly PhraseMatch<NameRef>[],
): { ref: NameRef; start: number; length: number }[] {
  const taken = new Uint8Array(tokens.words.length);
  for (const { start, length } of covered) taken.fill(1, start, start + length);
  const hits: { ref: NameRef; start: number; length: number }[] = [];
  for (let i = 0; i < tokens.words.length; i += 1) {
    const ref = taken[i] === 1 ? undefined : compounds.at(tokens, i);
    if (ref) hits.push({ ref, start: i, length: 1 });
  }
  return hits;
}
