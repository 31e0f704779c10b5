import type { NameRef } from './gazetteer.js';
import type { PhraseMatch } from './phrase-index.js';
import type { CountriesFile } from './schema.js';
import type { Lang } from './stemming.js';
import { CAPITALISED, normalizeWord, type TokenStream } from './text.js';

/**
 * Country names that are also something else: a person (`Jordan Henderson`, `Michael Jordan`)
 * or another place (`Georgia` with Atlanta and a Senate race). Keys are normalised names.
 */
export interface Ambiguity {
  persons: Set<string>;
  /** Name → words of the article that tell the other place. */
  elsewhere: Map<string, Set<string>>;
}

export function compileAmbiguity(file: CountriesFile, lang: Lang): Ambiguity {
  const elsewhere = Object.entries(file.other_places?.[lang] ?? {}).map(
    ([name, words]) => [normalizeWord(name), new Set(words.map(normalizeWord))] as const,
  );
  return {
    persons: new Set((file.in_longer_names?.[lang] ?? []).map(normalizeWord)),
    elsewhere: new Map(elsewhere),
  };
}

/**
 * A capitalised word in the same sentence at `at`; a sentence's first word is capitalised
 * anyway, so it says nothing.
 */
function capitalisedNeighbour(tokens: TokenStream, at: number, inSentence: number): boolean {
  if (at < 0 || at >= tokens.words.length || tokens.sentences[at] !== inSentence) return false;
  const sentenceStart = at === 0 || tokens.sentences[at - 1] !== inSentence;
  return !sentenceStart && ((tokens.flags[at] as number) & CAPITALISED) !== 0;
}

function nextToCapitalised(tokens: TokenStream, start: number, length: number): boolean {
  const sentence = tokens.sentences[start] as number;
  return (
    capitalisedNeighbour(tokens, start - 1, sentence) ||
    capitalisedNeighbour(tokens, start + length, sentence)
  );
}

/** Keeps a country match unless it reads as a person or as the other place of the same name. */
export function keepName(
  rules: Ambiguity,
  match: PhraseMatch<NameRef>,
  tokens: TokenStream,
  articleWords: ReadonlySet<string>,
): boolean {
  if (match.value.kind !== 'country' || match.length !== 1) return true;
  const name = tokens.words[match.start] as string;
  if (rules.persons.has(name) && nextToCapitalised(tokens, match.start, match.length)) return false;
  const tells = rules.elsewhere.get(name);
  return tells === undefined || ![...tells].some((word) => articleWords.has(word));
}
