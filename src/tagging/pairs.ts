import type { TagEvidence } from '../core/document.js';
import { MatchTally, type Field } from './evidence.js';
import type { NameHit } from './countries.js';

/** A relation cue word found in a sentence. */
export interface CueHit {
  relation: number;
  term: string;
  /** The cue as written in the article. */
  form: string;
  field: Field;
  sentence: number;
}

type PairEvidence = TagEvidence & { relation?: string };

interface PairTally {
  /** Sentences joining the pair with a cue word. */
  sentences: number;
  /** Sentences naming both without a cue word. */
  bare: number;
  byRelation: number[];
  matches: MatchTally;
}

/**
 * A pair of countries that are not both main countries needs this many sentences that join
 * them with a cue word: one such sentence about side countries is as often an aside as a relation.
 */
const MIN_PAIR_SENTENCES = 2;

function countriesBySentence(names: NameHit[]): Map<number, Set<string>> {
  const bySentence = new Map<number, Set<string>>();
  for (const { ref, sentence } of names) {
    const country = ref.kind === 'country' ? ref.id : ref.country;
    if (country === undefined) continue;
    const set = bySentence.get(sentence) ?? new Set<string>();
    bySentence.set(sentence, set.add(country));
  }
  return bySentence;
}

function cuesBySentence(cues: CueHit[]): Map<number, CueHit[]> {
  const bySentence = new Map<number, CueHit[]>();
  for (const cue of cues)
    bySentence.set(cue.sentence, [...(bySentence.get(cue.sentence) ?? []), cue]);
  return bySentence;
}

function pairsOf(codes: Set<string> | undefined): string[] {
  const sorted = [...(codes ?? [])].sort();
  return sorted.flatMap((a, i) => sorted.slice(i + 1).map((b) => `${a}-${b}`));
}

function tallyPairs(
  names: NameHit[],
  cues: CueHit[],
  relationCount: number,
): Map<string, PairTally> {
  const cuesAt = cuesBySentence(cues);
  const tallies = new Map<string, PairTally>();
  for (const [sentence, codes] of countriesBySentence(names)) {
    const sentenceCues = cuesAt.get(sentence) ?? [];
    for (const pair of pairsOf(codes)) {
      const tally = tallies.get(pair) ?? {
        sentences: 0,
        bare: 0,
        byRelation: new Array<number>(relationCount).fill(0),
        matches: new MatchTally(),
      };
      tallies.set(pair, tally);
      if (sentenceCues.length === 0) tally.bare += 1;
      else tally.sentences += 1;
      for (const cue of sentenceCues) {
        tally.byRelation[cue.relation] = (tally.byRelation[cue.relation] ?? 0) + 1;
        tally.matches.add(cue.term, cue.field, cue.form);
      }
    }
  }
  return tallies;
}

/** The relation with the most cues; on a tie the one listed first in topics.yaml. */
function dominantRelation(byRelation: number[], relations: string[]): string | undefined {
  let best = -1;
  byRelation.forEach((count, i) => {
    if (count > 0 && (best < 0 || count > (byRelation[best] as number))) best = i;
  });
  return relations[best];
}

/** Evidence of one pair, or undefined when the pair does not hold (see findPairs). */
function pairEvidence(
  tally: PairTally,
  bothMain: boolean,
  relations: string[],
  topicRelation: string | undefined,
): PairEvidence | undefined {
  if (tally.sentences >= MIN_PAIR_SENTENCES || (bothMain && tally.sentences > 0)) {
    const relation =
      bothMain && topicRelation !== undefined
        ? topicRelation
        : dominantRelation(tally.byRelation, relations);
    return {
      score: tally.sentences,
      matches: tally.matches.list(),
      ...(relation ? { relation } : {}),
    };
  }
  if (!bothMain || tally.bare === 0 || topicRelation === undefined) return undefined;
  return { score: tally.bare, matches: [], relation: topicRelation };
}

/**
 * Sorted country pairs (`CN-RU`): named in one sentence with a relation cue word, among main
 * countries or in at least MIN_PAIR_SENTENCES sentences (score = such sentences); or two main
 * countries named in one sentence without a cue in an article whose topic gives a relation
 * (score = such sentences, no matched cue). Between main countries the article's topic names
 * the relation when it gives one (on the dev half of the gold set it named it more often right
 * than the cue words of single sentences); otherwise the cue words do.
 */
export function findPairs(
  names: NameHit[],
  cues: CueHit[],
  main: ReadonlySet<string>,
  relations: { ids: string[]; fromTopic?: string },
): { pairs: string[]; evidence: Record<string, PairEvidence> } {
  const evidence: Record<string, PairEvidence> = {};
  const tallies = tallyPairs(names, cues, relations.ids.length);
  for (const pair of [...tallies.keys()].sort()) {
    const [a, b] = pair.split('-') as [string, string];
    const bothMain = main.has(a) && main.has(b);
    const found = pairEvidence(
      tallies.get(pair) as PairTally,
      bothMain,
      relations.ids,
      relations.fromTopic,
    );
    if (found) evidence[pair] = found;
  }
  return { pairs: Object.keys(evidence), evidence };
}
