import type { TagEvidence } from '../core/document.js';
import { MatchTally, type Field } from './evidence.js';
import type { NameHit } from './countries.js';

/** A relation cue word found in a sentence. */
export interface CueHit {
  relation: number;
  term: string;
  field: Field;
  sentence: number;
}

type PairEvidence = TagEvidence & { relation?: string };

interface PairTally {
  sentences: number;
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
  const countries = countriesBySentence(names);
  const tallies = new Map<string, PairTally>();
  for (const [sentence, sentenceCues] of cuesBySentence(cues)) {
    for (const pair of pairsOf(countries.get(sentence))) {
      const tally = tallies.get(pair) ?? {
        sentences: 0,
        byRelation: new Array<number>(relationCount).fill(0),
        matches: new MatchTally(),
      };
      tallies.set(pair, tally);
      tally.sentences += 1;
      for (const cue of sentenceCues) {
        tally.byRelation[cue.relation] = (tally.byRelation[cue.relation] ?? 0) + 1;
        tally.matches.add(cue.term, cue.field);
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

/**
 * Sorted country pairs (`CN-RU`) named in one sentence with a relation cue word, among main
 * countries or seen in at least MIN_PAIR_SENTENCES sentences. Score = joining sentences.
 */
export function findPairs(
  names: NameHit[],
  cues: CueHit[],
  main: ReadonlySet<string>,
  relations: string[],
): { pairs: string[]; evidence: Record<string, PairEvidence> } {
  const evidence: Record<string, PairEvidence> = {};
  const tallies = tallyPairs(names, cues, relations.length);
  for (const pair of [...tallies.keys()].sort()) {
    const tally = tallies.get(pair) as PairTally;
    const [a, b] = pair.split('-') as [string, string];
    if (!(main.has(a) && main.has(b)) && tally.sentences < MIN_PAIR_SENTENCES) continue;
    const relation = dominantRelation(tally.byRelation, relations);
    evidence[pair] = {
      score: tally.sentences,
      matches: tally.matches.list(),
      ...(relation ? { relation } : {}),
    };
  }
  return { pairs: Object.keys(evidence), evidence };
}
