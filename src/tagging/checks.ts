import countryCodes from 'i18n-iso-countries';
import { MIN_WILDCARD_ROOT } from './inflection.js';
import type { CountriesFile, ActorSpec, TermSpec, TopicSpec, TopicsFile } from './schema.js';
import { createStemmer, type Lang } from './stemming.js';
import { tokenize } from './text.js';

/**
 * Rules the schemas cannot express (references, uniqueness, stem lengths), each issue with its
 * place in the file like formatZodIssues: `config/topics.yaml: topics[2].terms.de[0].term: ...`.
 */

/**
 * A compound part must be at least this long once stemmed: shorter stems turn up inside
 * unrelated words (`bund` in Bundesliga, `pakt` in Kompaktwagen, `rat` in Heirat), while five
 * letters still admits the short war words (`krieg`: Kriegsende, Bürgerkrieg).
 */
export const MIN_COMPOUND_STEM = 5;

const germanStem = createStemmer('de');

export function compoundStem(term: string): string {
  return tokenize(term).words.map(germanStem).join(' ');
}

function termIssues(
  terms: Partial<Record<Lang, { term: string; compound?: boolean }[]>>,
  at: string,
) {
  const issues: string[] = [];
  for (const [lang, list] of Object.entries(terms)) {
    list.forEach((spec, i) => {
      const place = `${at}.${lang}[${i}]`;
      if (tokenize(spec.term).words.length === 0) issues.push(`${place}.term: has no words`);
      if (spec.compound !== true) return;
      if (lang !== 'de')
        issues.push(`${place}.compound: compound matching is for German terms only`);
      const stem = compoundStem(spec.term);
      if (stem.includes(' ')) issues.push(`${place}.compound: a compound term must be one word`);
      if (stem.length < MIN_COMPOUND_STEM) {
        issues.push(
          `${place}.term: stem "${stem}" is too short for compound matching (< ${MIN_COMPOUND_STEM})`,
        );
      }
    });
  }
  return issues;
}

function proximityIssues(terms: Partial<Record<Lang, TermSpec[]>>, at: string): string[] {
  return Object.entries(terms).flatMap(([lang, list]) =>
    list.flatMap((spec, i) =>
      (spec.near === undefined) === (spec.within === undefined)
        ? []
        : [`${at}.${lang}[${i}]: "near" and "within" go together`],
    ),
  );
}

function groupIssues(topic: TopicSpec, i: number): string[] {
  const groups = new Set(
    Object.values(topic.terms).flatMap((list: TermSpec[]) => list.map((t) => t.group)),
  );
  const unknown = (group: string, place: string) =>
    groups.has(group) ? [] : [`${place}: no term has group "${group}"`];
  return [
    ...(topic.requires ?? []).flatMap((req, j) =>
      req.groups.flatMap((group, k) => unknown(group, `topics[${i}].requires[${j}].groups[${k}]`)),
    ),
    ...(topic.excludes ?? []).flatMap((group, k) => unknown(group, `topics[${i}].excludes[${k}]`)),
  ];
}

function topicIssues(topic: TopicSpec, i: number, ids: Set<string>): string[] {
  const issues = termIssues(topic.terms, `topics[${i}].terms`);
  if (topic.broader !== undefined && !ids.has(topic.broader)) {
    issues.push(`topics[${i}].broader: unknown topic "${topic.broader}"`);
  }
  if (topic.broader_min_countries !== undefined && topic.broader === undefined) {
    issues.push(`topics[${i}].broader_min_countries: needs "broader"`);
  }
  return [
    ...issues,
    ...proximityIssues(topic.terms, `topics[${i}].terms`),
    ...groupIssues(topic, i),
  ];
}

export function checkTopicsFile(file: TopicsFile): string[] {
  const ids = new Set(file.topics.map((t) => t.id));
  const seen = new Set<string>();
  const issues = file.topics.flatMap((topic, i) => {
    const duplicate = seen.has(topic.id)
      ? [`topics[${i}].id: duplicate topic id "${topic.id}"`]
      : [];
    seen.add(topic.id);
    return [...duplicate, ...topicIssues(topic, i, ids)];
  });
  file.relations.forEach((rel, i) => issues.push(...termIssues(rel.cues, `relations[${i}].cues`)));
  return issues;
}

function wildcardIssues(names: Partial<Record<Lang, string[]>>, at: string): string[] {
  return Object.entries(names).flatMap(([lang, list]) =>
    list.flatMap((name, i) =>
      name
        .split(/\s+/)
        .filter((word) => word.endsWith('*') && word.length - 1 < MIN_WILDCARD_ROOT)
        .map(
          (word) =>
            `${at}.${lang}[${i}]: root of "${word}" is shorter than ${MIN_WILDCARD_ROOT} letters`,
        ),
    ),
  );
}

function codeIssue(code: string | undefined, at: string): string[] {
  return code === undefined || countryCodes.isValid(code)
    ? []
    : [`${at}: unknown country code "${code}"`];
}

export function checkCountriesFile(file: CountriesFile): string[] {
  return Object.entries(file.countries).flatMap(([code, names]) => [
    ...codeIssue(code, `countries.${code}`),
    ...wildcardIssues(names, `countries.${code}`),
  ]);
}

export function checkActors(actors: ActorSpec[]): string[] {
  const seen = new Set<string>();
  return actors.flatMap((actor, i) => {
    const issues = seen.has(actor.id) ? [`actors[${i}].id: duplicate actor id "${actor.id}"`] : [];
    seen.add(actor.id);
    return [
      ...issues,
      ...codeIssue(actor.country, `actors[${i}].country`),
      ...wildcardIssues(actor.names, `actors[${i}].names`),
    ];
  });
}
