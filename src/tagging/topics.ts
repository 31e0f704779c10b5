import type { TagEvidence } from '../core/document.js';
import { MatchTally, roundScore, type Field } from './evidence.js';
import type { TopicSpec, TopicsFile } from './schema.js';
import type { TermRef } from './terms.js';

export interface TermHit {
  ref: TermRef;
  field: Field;
  /** Word position in its field, for proximity. */
  at: number;
  /** The words as written in the article. */
  form: string;
}

/** What scoring needs to know of the article besides its term hits. */
export interface ArticleFacts {
  /** Different countries mentioned, for `requires.min_countries`. */
  mentioned: number;
  /** Main countries, for `broader_min_countries`. */
  main: number;
  /** Words of title and body, for length normalisation. */
  words: number;
}

interface TopicTally {
  score: number;
  matches: MatchTally;
  /** Groups with at least one positive-weight match, for `requires` and `excludes`. */
  groups: Set<string>;
}

function tallyHits(file: TopicsFile, hits: TermHit[]): TopicTally[] {
  const tallies = file.topics.map(() => ({
    score: 0,
    matches: new MatchTally(),
    groups: new Set<string>(),
  }));
  for (const { ref, field, form } of hits) {
    const topic = file.topics[ref.owner] as TopicSpec;
    const tally = tallies[ref.owner] as TopicTally;
    const titleWeight = topic.title_weight ?? file.defaults.title_weight;
    tally.score += ref.weight * (field === 'title' ? titleWeight : 1);
    tally.matches.add(ref.term, field, form);
    if (ref.weight > 0 && ref.group !== undefined) tally.groups.add(ref.group);
  }
  return tallies;
}

/** Divides by √(words / unit) past one unit: evidence must be denser in a long article. */
export function lengthFactor(words: number, unit: number): number {
  return 1 / Math.sqrt(Math.max(1, words / unit));
}

function meetsRequirements(topic: TopicSpec, tally: TopicTally, facts: ArticleFacts): boolean {
  const required = (topic.requires ?? []).every(
    (req) =>
      req.groups.some((group) => tally.groups.has(group)) ||
      (req.min_countries !== undefined && facts.mentioned >= req.min_countries),
  );
  return required && !(topic.excludes ?? []).some((group) => tally.groups.has(group));
}

/** An umbrella topic is tagged with each narrower one, its evidence the union of theirs. */
function propagateBroader(
  topics: TopicSpec[],
  tallies: TopicTally[],
  tagged: boolean[],
  facts: ArticleFacts,
): void {
  const indexOf = new Map(topics.map((topic, i) => [topic.id, i]));
  topics.forEach((topic, i) => {
    const parent = topic.broader === undefined ? undefined : indexOf.get(topic.broader);
    if (parent === undefined || !tagged[i]) return;
    if (facts.main < (topic.broader_min_countries ?? 0)) return;
    const parentTally = tallies[parent] as TopicTally;
    const childTally = tallies[i] as TopicTally;
    parentTally.score += childTally.score;
    parentTally.matches.merge(childTally.matches);
    tagged[parent] = true;
  });
}

/**
 * Topic i is tagged when its weighted score (title matches × title weight, body matches
 * counted, normalised for length) reaches its threshold, each `requires` holds and no
 * `excludes` group matched; umbrellas follow. Evidence scores are the normalised ones.
 */
export function scoreTopics(
  file: TopicsFile,
  hits: TermHit[],
  facts: ArticleFacts,
): { topics: string[]; evidence: Record<string, TagEvidence> } {
  const tallies = tallyHits(file, hits);
  const factor = lengthFactor(facts.words, file.defaults.length_unit);
  for (const tally of tallies) tally.score *= factor;
  const tagged = file.topics.map((topic, i) => {
    const tally = tallies[i] as TopicTally;
    const threshold = topic.threshold ?? file.defaults.threshold;
    return tally.score >= threshold && meetsRequirements(topic, tally, facts);
  });
  propagateBroader(file.topics, tallies, tagged, facts);
  const topics: string[] = [];
  const evidence: Record<string, TagEvidence> = {};
  file.topics.forEach((topic, i) => {
    if (!tagged[i]) return;
    const tally = tallies[i] as TopicTally;
    topics.push(topic.id);
    evidence[topic.id] = { score: roundScore(tally.score), matches: tally.matches.list() };
  });
  return { topics: topics.sort(), evidence };
}

/** The relation given by the highest-scoring tagged topic that has one (see `relation`). */
export function topicRelation(
  file: TopicsFile,
  evidence: Record<string, TagEvidence>,
): string | undefined {
  let best: { relation: string; score: number } | undefined;
  for (const topic of file.topics) {
    const score = evidence[topic.id]?.score;
    if (topic.relation === undefined || score === undefined) continue;
    if (!best || score > best.score) best = { relation: topic.relation, score };
  }
  return best?.relation;
}
