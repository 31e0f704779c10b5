import type { TagResult } from '../core/document.js';
import { mainCountries, nameEvidence, tallyNames, type NameHit } from './countries.js';
import { keepName, type Ambiguity } from './ambiguity.js';
import { compoundHits, type CompoundNames } from './compound-names.js';
import { buildNameIndexes, type NameIndexes, type NameRef } from './gazetteer.js';
import { detectLanguage, normalizeLanguage } from './language.js';
import { findPairs, type CueHit } from './pairs.js';
import type { PhraseIndex } from './phrase-index.js';
import { compileLanguage, findTerms, type FieldTokens, type LanguageRules } from './rules.js';
import { isStemmedLanguage, STEMMED_LANGUAGES } from './stemming.js';
import type { Taxonomy } from './taxonomy.js';
import { surfaceForm, tokenize } from './text.js';
import { scoreTopics, topicRelation, type TermHit } from './topics.js';

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

/** Gazetteer names, minus ambiguous ones, plus German country compounds (`Russlandreise`). */
function findNames(
  index: PhraseIndex<NameRef>,
  ambiguity: Ambiguity | undefined,
  compounds: CompoundNames | undefined,
  fields: FieldTokens[],
): NameHit[] {
  // Only languages with `other_places` need the article's vocabulary.
  const articleWords = ambiguity?.elsewhere.size
    ? new Set(fields.flatMap(({ tokens }) => tokens.words))
    : new Set<string>();
  return fields.flatMap(({ field, tokens }) => {
    const matches = index.scan(tokens.words, tokens.flags);
    const kept = matches
      .filter(
        (match) =>
          !ambiguity || keepName(ambiguity, match, tokens, articleWords, field === 'title'),
      )
      .map(({ value, start, length }) => ({ ref: value, start, length }));
    const found = compounds ? [...kept, ...compoundHits(compounds, tokens, matches)] : kept;
    return found.map(({ ref, start, length }) => ({
      ref,
      field,
      sentence: tokens.sentences[start] as number,
      form: surfaceForm(tokens, start, length),
    }));
  });
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
  const body = tokenize(input.text, title.nextSentence);
  const fields: FieldTokens[] = [
    { field: 'title', tokens: title },
    { field: 'body', tokens: body },
  ];
  const languageRules = rules.get(language);
  const nameHits = findNames(
    isStemmedLanguage(language) ? names.byLang[language] : names.any,
    languageRules?.ambiguity,
    languageRules?.compounds,
    fields,
  );
  const { terms, cues } = languageRules
    ? findTerms(languageRules, fields)
    : { terms: [], cues: [] };
  const words = title.words.length + body.words.length;
  return assemble(taxonomy, language, nameHits, { terms, cues, words });
}

/** A leader named stands for their state when deciding what the article is about. */
function actorAsCountry(hit: NameHit): NameHit {
  const { ref } = hit;
  if (ref.kind !== 'actor' || ref.country === undefined) return hit;
  return { ...hit, ref: { ...ref, kind: 'country', id: ref.country } };
}

function assemble(
  taxonomy: Taxonomy,
  language: string,
  nameHits: NameHit[],
  { terms, cues, words }: { terms: TermHit[]; cues: CueHit[]; words: number },
): TagResult {
  const titleWeight = taxonomy.topics.defaults.title_weight;
  const countryTallies = tallyNames(nameHits, 'country');
  const actorTallies = tallyNames(nameHits, 'actor');
  const countries = mainCountries(tallyNames(nameHits.map(actorAsCountry), 'country'));
  const topics = scoreTopics(taxonomy.topics, terms, {
    mentioned: countryTallies.size,
    main: countries.length,
    words,
  });
  const pairs = findPairs(nameHits, cues, new Set(countries), {
    ids: taxonomy.topics.relations.map((r) => r.id),
    fromTopic: topicRelation(taxonomy.topics, topics.evidence),
  });
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
