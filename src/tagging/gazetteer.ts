import countryCodes from 'i18n-iso-countries';
import { expandWildcard, inflectNameWord } from './inflection.js';
import { isShortAcronym, PhraseIndex, type CaseRule, type PatternToken } from './phrase-index.js';
import { STEMMED_LANGUAGES, type Lang } from './stemming.js';
import type { Taxonomy } from './taxonomy.js';
import { CAPITALISED, normalizeWord, tokenize } from './text.js';

/** What a gazetteer name stands for. `term` is the name as written in the data, for evidence. */
export interface NameRef {
  kind: 'country' | 'actor';
  id: string;
  term: string;
  /** For actors: their country, which counts for country pairs. */
  country?: string;
}

export interface NameIndexes {
  byLang: Record<Lang, PhraseIndex<NameRef>>;
  /** All languages at once, for articles in a language we have no gazetteer for. */
  any: PhraseIndex<NameRef>;
}

function caseRule(word: string, flags: number): CaseRule {
  if (isShortAcronym(word, flags)) return 'upper';
  return (flags & CAPITALISED) !== 0 ? 'cap' : 'any';
}

/**
 * A name as written in the data (`Weiß* Haus*`, `US`, `Insel Man`) as a pattern: each word keeps
 * the case it is written in; a `*` expands to the language's endings; dataset names inflect.
 */
export function namePattern(name: string, lang: Lang, inflect: boolean): PatternToken[] {
  const chunks = name.split(/\s+/).filter((chunk) => chunk.length > 0);
  const multiWord = chunks.length > 1;
  return chunks.flatMap((chunk, c) => {
    const wildcard = chunk.endsWith('*');
    const { words, flags } = tokenize(wildcard ? chunk.slice(0, -1) : chunk);
    return words.map((word, w) => {
      const last = w === words.length - 1;
      const forms =
        wildcard && last
          ? expandWildcard(word, lang)
          : inflect
            ? inflectNameWord(word, lang, last && c === chunks.length - 1, multiWord)
            : [word];
      return { forms, caseRule: caseRule(word, flags[w] as number) };
    });
  });
}

/** Evidence shows the name as an analyst would write it: `Kreml*` → `Kreml`. */
function displayName(name: string): string {
  return name.replaceAll('*', '');
}

/**
 * `Syrien, Arabische Republik` → Syrien; `КНР (Китайская Народная Республика)` → both, as the
 * brackets spell out an acronym; but `Виргинские острова (Великобритания)` → the islands only,
 * as there the brackets name the sovereign, which would make Великобритания ambiguous.
 */
function cleanDatasetName(name: string): string[] {
  const paren = /^(.*?)\s*\((.*)\)\s*$/.exec(name);
  if (!paren) return [name.split(',')[0] as string];
  const [, outside = '', inside = ''] = paren;
  const isAcronym = outside.length > 0 && outside === outside.toUpperCase();
  return isAcronym ? [outside, inside] : [outside].filter((n) => n.length > 0);
}

/** Country names of i18n-iso-countries in one language, minus ignored and ambiguous ones. */
export function datasetCountryNames(lang: Lang, ignore: string[]): Map<string, string> {
  const ignored = new Set(ignore.map(normalizeWord));
  const codesByName = new Map<string, { name: string; codes: Set<string> }>();
  for (const [code, names] of Object.entries(countryCodes.getNames(lang, { select: 'all' }))) {
    for (const name of names.flatMap(cleanDatasetName)) {
      const key = normalizeWord(name);
      if (ignored.has(key)) continue;
      const entry = codesByName.get(key) ?? { name, codes: new Set<string>() };
      codesByName.set(key, entry.codes.add(code) && entry);
    }
  }
  // `Congo` and `Korea` name two countries each: without more words they decide nothing.
  const unique = [...codesByName.values()].filter((entry) => entry.codes.size === 1);
  return new Map(unique.map((entry) => [entry.name, [...entry.codes][0] as string]));
}

function addLanguage(index: PhraseIndex<NameRef>, taxonomy: Taxonomy, lang: Lang): void {
  const { countries, ignore } = taxonomy.countries;
  for (const [code, names] of Object.entries(countries)) {
    for (const name of names[lang] ?? [])
      index.add(namePattern(name, lang, false), {
        kind: 'country',
        id: code,
        term: displayName(name),
      });
  }
  for (const actor of taxonomy.actors) {
    const ref = {
      kind: 'actor' as const,
      id: actor.id,
      ...(actor.country ? { country: actor.country } : {}),
    };
    for (const name of actor.names[lang] ?? [])
      index.add(namePattern(name, lang, false), { ...ref, term: displayName(name) });
  }
  // Added last: on an equally long match the hand-written gazetteer wins.
  for (const [name, code] of datasetCountryNames(lang, ignore[lang] ?? [])) {
    index.add(namePattern(name, lang, true), { kind: 'country', id: code, term: name });
  }
}

export function buildNameIndexes(taxonomy: Taxonomy): NameIndexes {
  const any = new PhraseIndex<NameRef>();
  const byLang = {} as Record<Lang, PhraseIndex<NameRef>>;
  for (const lang of STEMMED_LANGUAGES) {
    byLang[lang] = new PhraseIndex<NameRef>();
    addLanguage(byLang[lang], taxonomy, lang);
    addLanguage(any, taxonomy, lang);
  }
  return { byLang, any };
}
