import type { TagEvidence } from '../core/document.js';
import { MatchTally, roundScore, type Field } from './evidence.js';
import type { TopicSpec, TopicsFile } from './schema.js';
import type { TermRef } from './terms.js';

export interface TermHit {
  ref: TermRef;
  field: Field;
}

interface TopicTally {
  score: number;
  matches: MatchTally;
  /** Groups with at least one positive-weight match, for `requires`. */
  groups: Set<string>;
}

function tallyHits(
  topics: TopicSpec[],
  defaults: TopicsFile['defaults'],
  hits: TermHit[],
): TopicTally[] {
  const tallies = topics.map(() => ({
    score: 0,
    matches: new MatchTally(),
    groups: new Set<string>(),
  }));
  for (const { ref, field } of hits) {
    const topic = topics[ref.owner] as TopicSpec;
    const tally = tallies[ref.owner] as TopicTally;
    const titleWeight = topic.title_weight ?? defaults.title_weight;
    tally.score += ref.weight * (field === 'title' ? titleWeight : 1);
    tally.matches.add(ref.term, field);
    if (ref.weight > 0 && ref.group !== undefined) tally.groups.add(ref.group);
  }
  return tallies;
}

function meetsRequirements(topic: TopicSpec, tally: TopicTally, countryCount: number): boolean {
  return (topic.requires ?? []).every(
    (req) =>
      req.groups.some((group) => tally.groups.has(group)) ||
      (req.min_countries !== undefined && countryCount >= req.min_countries),
  );
}

/** An umbrella topic is tagged with each narrower one, its evidence the union of theirs. */
function propagateBroader(topics: TopicSpec[], tallies: TopicTally[], tagged: boolean[]): void {
  const indexOf = new Map(topics.map((topic, i) => [topic.id, i]));
  topics.forEach((topic, i) => {
    const parent = topic.broader === undefined ? undefined : indexOf.get(topic.broader);
    if (parent === undefined || !tagged[i]) return;
    const parentTally = tallies[parent] as TopicTally;
    const childTally = tallies[i] as TopicTally;
    parentTally.score += childTally.score;
    parentTally.matches.merge(childTally.matches);
    tagged[parent] = true;
  });
}

/**
 * Topic i is tagged when its weighted score (title matches × title weight, body matches
 * counted) reaches its threshold and each `requires` group matched; umbrellas follow.
 */
export function scoreTopics(
  file: TopicsFile,
  hits: TermHit[],
  countryCount: number,
): { topics: string[]; evidence: Record<string, TagEvidence> } {
  const tallies = tallyHits(file.topics, file.defaults, hits);
  const tagged = file.topics.map((topic, i) => {
    const tally = tallies[i] as TopicTally;
    const threshold = topic.threshold ?? file.defaults.threshold;
    return tally.score >= threshold && meetsRequirements(topic, tally, countryCount);
  });
  propagateBroader(file.topics, tallies, tagged);
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
