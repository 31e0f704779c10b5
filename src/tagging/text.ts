/** A field of an article cut into normalised words, with what matching needs to know of each. */
export interface TokenStream {
  /** Lower-cased, ё folded to е, so spelling variants meet one key. */
  words: string[];
  /** Per word: as written, for evidence (`Militärbündnis`, `российского`). */
  surface: string[];
  /** Per word: CAPITALISED and ALL_CAPS bits of the original spelling. */
  flags: Uint8Array;
  /** Per word: the sentence it belongs to, counted from `firstSentence`. */
  sentences: Uint32Array;
  /** One past the last sentence id used, so the next field can continue the count. */
  nextSentence: number;
}

export const CAPITALISED = 1;
export const ALL_CAPS = 2;

/**
 * Words are runs of letters, marks and digits (Latin with umlauts and ß, Cyrillic, anything
 * Unicode calls a letter); hyphens and apostrophes split, so `US-Präsident` gives `us` and
 * `l'Iran` gives `iran`. Sentence ends are `.!?` before whitespace, or a line break.
 */
const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*|[.!?]+(?=\s|$)|\n/gu;

export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('ё') ? lower.replaceAll('ё', 'е') : lower;
}

function caseFlags(word: string, lower: string): number {
  if (word === lower) return 0;
  const upper = word.toUpperCase();
  // A single capital letter is an initial, not an acronym.
  return word === upper && word.length > 1 ? CAPITALISED | ALL_CAPS : CAPITALISED;
}

/** The words `start` to `start + length` as written: what evidence shows as a match's form. */
export function surfaceForm(tokens: TokenStream, start: number, length: number): string {
  return length === 1
    ? (tokens.surface[start] as string)
    : tokens.surface.slice(start, start + length).join(' ');
}

export function tokenize(text: string, firstSentence = 0): TokenStream {
  const words: string[] = [];
  const surface: string[] = [];
  const flags: number[] = [];
  const sentences: number[] = [];
  let sentence = firstSentence;
  for (const [token] of text.matchAll(TOKEN)) {
    const first = token.charCodeAt(0);
    if (first === 10 || first === 46 || first === 33 || first === 63) {
      // `U.S.` or `J. Smith`: a stop after one letter is an abbreviation, not a sentence end.
      const previous = words[words.length - 1];
      if (first === 10 || (previous !== undefined && previous.length > 1)) sentence += 1;
      continue;
    }
    const lower = normalizeWord(token);
    words.push(lower);
    surface.push(token);
    flags.push(caseFlags(token, lower));
    sentences.push(sentence);
  }
  return {
    words,
    surface,
    flags: Uint8Array.from(flags),
    sentences: Uint32Array.from(sentences),
    nextSentence: sentence + 1,
  };
}
