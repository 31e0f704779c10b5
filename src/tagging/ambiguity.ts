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
  /** Capitals (normalised gazetteer terms) and the words that make them the city, not the state. */
  cities: Set<string>;
  placeWords: Set<string>;
}

export function compileAmbiguity(file: CountriesFile, lang: Lang): Ambiguity {
  const elsewhere = Object.entries(file.other_places?.[lang] ?? {}).map(
    ([name, words]) => [normalizeWord(name), new Set(words.map(normalizeWord))] as const,
  );
  return {
    persons: new Set((file.in_longer_names?.[lang] ?? []).map(normalizeWord)),
    elsewhere: new Map(elsewhere),
    cities: new Set(
      (file.cities?.[lang] ?? []).map((name) => normalizeWord(name.replaceAll('*', ''))),
    ),
    placeWords: new Set((file.place_words?.[lang] ?? []).map(normalizeWord)),
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

/**
 * `in Berlin`, `в Москве`: a capital after a place word in its sentence names the city. Not in
 * a title, where the place is what the article is about (protests in Belgrade).
 */
function placedCity(rules: Ambiguity, match: PhraseMatch<NameRef>, tokens: TokenStream): boolean {
  if (!rules.cities.has(normalizeWord(match.value.term))) return false;
  const before = match.start - 1;
  return (
    before >= 0 &&
    tokens.sentences[before] === tokens.sentences[match.start] &&
    rules.placeWords.has(tokens.words[before] as string)
  );
}

/**
 * Keeps a country match unless it reads as a person, as the other place of the same name, or
 * as a capital standing for its city rather than its state.
 */
export function keepName(
  rules: Ambiguity,
  match: PhraseMatch<NameRef>,
  tokens: TokenStream,
  articleWords: ReadonlySet<string>,
  inTitle: boolean,
): boolean {
  if (match.value.kind !== 'country') return true;
  if (!inTitle && placedCity(rules, match, tokens)) return false;
  if (match.length !== 1) return true;
  const name = tokens.words[match.start] as string;
  if (rules.persons.has(name) && nextToCapitalised(tokens, match.start, match.length)) return false;
  const tells = rules.elsewhere.get(name);
  return tells === undefined || ![...tells].some((word) => articleWords.has(word));
}
