import { compileAmbiguity, type Ambiguity } from './ambiguity.js';
import { CompoundNames } from './compound-names.js';
import type { Field } from './evidence.js';
import type { CueHit } from './pairs.js';
import { createStemmer, type Lang, type Stem } from './stemming.js';
import type { Taxonomy } from './taxonomy.js';
import { TermMatcher, type TermEntry, type TermRef } from './terms.js';
import { surfaceForm, type TokenStream } from './text.js';
import type { TermHit } from './topics.js';

/** One language's compiled rules: topic terms, proximity anchors, relation cues. */
export interface LanguageRules {
  stem: Stem;
  topics: TermMatcher;
  /** The `near` words of proximity terms; a ref's owner is the proximity key. */
  anchors: TermMatcher;
  relations: TermMatcher;
  /** Country names that may be a person or another place. */
  ambiguity: Ambiguity;
  /** German only: country names at the start of compounds. */
  compounds?: CompoundNames;
}

export interface FieldTokens {
  field: Field;
  tokens: TokenStream;
}

function topicEntries(
  taxonomy: Taxonomy,
  lang: Lang,
): { terms: TermEntry[]; anchors: TermEntry[] } {
  const terms: TermEntry[] = [];
  const anchors: TermEntry[] = [];
  taxonomy.topics.topics.forEach((topic, owner) => {
    for (const spec of topic.terms[lang] ?? []) {
      const { term, weight, group, compound, near, within } = spec;
      const ref: TermRef = { owner, term, weight, ...(group === undefined ? {} : { group }) };
      if (near !== undefined && within !== undefined) {
        ref.near = { key: anchors.length, within };
        const key = anchors.length;
        for (const word of near)
          anchors.push({ term: word, ref: { owner: key, term: word, weight: 1 } });
      }
      terms.push({ term, ...(compound === undefined ? {} : { compound }), ref });
    }
  });
  return { terms, anchors };
}

export function compileLanguage(taxonomy: Taxonomy, lang: Lang): LanguageRules {
  const stem = createStemmer(lang);
  const { terms, anchors } = topicEntries(taxonomy, lang);
  const relationEntries = taxonomy.topics.relations.flatMap((relation, owner) =>
    (relation.cues[lang] ?? []).map((cue) => ({
      ...cue,
      ref: { owner, term: cue.term, weight: 1 },
    })),
  );
  return {
    stem,
    topics: new TermMatcher(terms, stem),
    anchors: new TermMatcher(anchors, stem),
    relations: new TermMatcher(relationEntries, stem),
    ambiguity: compileAmbiguity(taxonomy.countries, lang),
    ...(lang === 'de' ? { compounds: new CompoundNames(taxonomy) } : {}),
  };
}

/** Keeps a proximity term only when one of its anchors stands within its distance. */
export function withinReach(hits: TermHit[], anchors: Map<number, number[]>): TermHit[] {
  return hits.filter(({ ref, at }) => {
    if (ref.near === undefined) return true;
    const { key, within } = ref.near;
    return (anchors.get(key) ?? []).some((pos) => pos !== at && Math.abs(pos - at) <= within);
  });
}

function fieldTerms(
  rules: LanguageRules,
  field: Field,
  stems: string[],
  tokens: TokenStream,
): TermHit[] {
  const hits: TermHit[] = [];
  rules.topics.find(stems, tokens.flags, (ref, at, length) =>
    hits.push({ ref, field, at, form: surfaceForm(tokens, at, length) }),
  );
  const anchors = new Map<number, number[]>();
  rules.anchors.find(stems, tokens.flags, (ref, at) => {
    const list = anchors.get(ref.owner);
    if (list) list.push(at);
    else anchors.set(ref.owner, [at]);
  });
  return withinReach(hits, anchors);
}

/** Topic terms (after proximity) and relation cues of every field. */
export function findTerms(
  rules: LanguageRules,
  fields: FieldTokens[],
): { terms: TermHit[]; cues: CueHit[] } {
  const terms: TermHit[] = [];
  const cues: CueHit[] = [];
  for (const { field, tokens } of fields) {
    const stems = tokens.words.map(rules.stem);
    terms.push(...fieldTerms(rules, field, stems, tokens));
    rules.relations.find(stems, tokens.flags, (ref, at, length) =>
      cues.push({
        relation: ref.owner,
        term: ref.term,
        form: surfaceForm(tokens, at, length),
        field,
        sentence: tokens.sentences[at] as number,
      }),
    );
  }
  return { terms, cues };
}
