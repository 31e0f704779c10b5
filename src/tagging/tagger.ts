import type { TagResult } from '../core/document.js';
import { mainCountries, nameEvidence, tallyNames, type NameHit } from './countries.js';
import type { Field } from './evidence.js';
import { buildNameIndexes, type NameIndexes, type NameRef } from './gazetteer.js';
import { detectLanguage, normalizeLanguage } from './language.js';
import { findPairs, type CueHit } from './pairs.js';
import type { PhraseIndex } from './phrase-index.js';
import {
  createStemmer,
  isStemmedLanguage,
  STEMMED_LANGUAGES,
  type Lang,
  type Stem,
} from './stemming.js';
import type { Taxonomy } from './taxonomy.js';
import { TermMatcher } from './terms.js';
import { tokenize, type TokenStream } from './text.js';
import { scoreTopics, type TermHit } from './topics.js';

export interface TagInput {
  title: string;
  text: string;
  language?: string;
}

export interface Tagger {
  /** What documents record as tagger_version: code version plus taxonomy hash. */
  readonly version: string;
  tag(input: TagInput): TagResult;
}

interface LanguageRules {
  stem: Stem;
  topics: TermMatcher;
  relations: TermMatcher;
}

interface FieldTokens {
  field: Field;
  tokens: TokenStream;
}

function compileLanguage(taxonomy: Taxonomy, lang: Lang): LanguageRules {
  const stem = createStemmer(lang);
  const topicEntries = taxonomy.topics.topics.flatMap((topic, owner) =>
    (topic.terms[lang] ?? []).map((spec) => ({ ...spec, ref: { ...spec, owner } })),
  );
  const relationEntries = taxonomy.topics.relations.flatMap((relation, owner) =>
    (relation.cues[lang] ?? []).map((cue) => ({
      ...cue,
      ref: { owner, term: cue.term, weight: 1 },
    })),
  );
  return {
    stem,
    topics: new TermMatcher(topicEntries, stem),
    relations: new TermMatcher(relationEntries, stem),
  };
}

function findNames(index: PhraseIndex<NameRef>, fields: FieldTokens[]): NameHit[] {
  return fields.flatMap(({ field, tokens }) =>
    index.scan(tokens.words, tokens.flags).map((match) => ({
      ref: match.value,
      field,
      sentence: tokens.sentences[match.start] as number,
    })),
  );
}

function findTerms(
  rules: LanguageRules,
  fields: FieldTokens[],
): { terms: TermHit[]; cues: CueHit[] } {
  const terms: TermHit[] = [];
  const cues: CueHit[] = [];
  for (const { field, tokens } of fields) {
    const stems = tokens.words.map(rules.stem);
    rules.topics.find(stems, tokens.flags, (ref) => terms.push({ ref, field }));
    rules.relations.find(stems, tokens.flags, (ref, at) =>
      cues.push({
        relation: ref.owner,
        term: ref.term,
        field,
        sentence: tokens.sentences[at] as number,
      }),
    );
  }
  return { terms, cues };
}

function resolveLanguage(input: TagInput): string {
  return (
    normalizeLanguage(input.language) ?? detectLanguage(`${input.title}\n${input.text}`) ?? 'und'
  );
}

function tagWith(
  taxonomy: Taxonomy,
  names: NameIndexes,
  rules: Map<string, LanguageRules>,
  input: TagInput,
) {
  const language = resolveLanguage(input);
  const title = tokenize(input.title);
  const fields: FieldTokens[] = [
    { field: 'title', tokens: title },
    { field: 'body', tokens: tokenize(input.text, title.nextSentence) },
  ];
  const nameHits = findNames(
    isStemmedLanguage(language) ? names.byLang[language] : names.any,
    fields,
  );
  const languageRules = rules.get(language);
  const { terms, cues } = languageRules
    ? findTerms(languageRules, fields)
    : { terms: [], cues: [] };
  return assemble(taxonomy, language, nameHits, terms, cues);
}

function assemble(
  taxonomy: Taxonomy,
  language: string,
  nameHits: NameHit[],
  terms: TermHit[],
  cues: CueHit[],
): TagResult {
  const titleWeight = taxonomy.topics.defaults.title_weight;
  const countryTallies = tallyNames(nameHits, 'country');
  const actorTallies = tallyNames(nameHits, 'actor');
  const countries = mainCountries(countryTallies);
  const topics = scoreTopics(taxonomy.topics, terms, countryTallies.size);
  const relationIds = taxonomy.topics.relations.map((r) => r.id);
  const pairs = findPairs(nameHits, cues, new Set(countries), relationIds);
  return {
    language,
    topics: topics.topics,
    countries,
    country_mentions: [...countryTallies.keys()].sort(),
    actors: [...actorTallies.keys()].sort(),
    pairs: pairs.pairs,
    evidence: {
      topics: topics.evidence,
      countries: nameEvidence(countryTallies, titleWeight),
      actors: nameEvidence(actorTallies, titleWeight),
      pairs: pairs.evidence,
    },
  };
}

/** Compiles the taxonomy once (stems, phrase indexes, gazetteer); `tag` is then a pure function. */
export function createTagger(taxonomy: Taxonomy): Tagger {
  const names = buildNameIndexes(taxonomy);
  const rules = new Map(
    STEMMED_LANGUAGES.map((lang) => [lang, compileLanguage(taxonomy, lang)] as const),
  );
  return {
    version: taxonomy.version,
    tag: (input) => tagWith(taxonomy, names, rules, input),
  };
}
