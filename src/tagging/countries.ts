import type { TagEvidence } from '../core/document.js';
import { MatchTally, type Field } from './evidence.js';
import type { NameRef } from './gazetteer.js';

export interface NameHit {
  ref: NameRef;
  field: Field;
  sentence: number;
  /** The name as written in the article. */
  form: string;
}

export interface NameTally {
  title: number;
  body: number;
  matches: MatchTally;
}

/**
 * A country mentioned in the body is a main country when it has at least this many mentions
 * and this share of all country mentions in the body: one passing mention (a holiday in Spain)
 * is not what the article is about, and with a share of a fifth an article can be about up to
 * five countries at once while a list of many passing mentions stays out.
 */
const MAIN_MIN_BODY_MENTIONS = 2;
const MAIN_MIN_SHARE = 0.2;

/** Mentions per id (country code or actor id) of one kind. */
export function tallyNames(hits: NameHit[], kind: NameRef['kind']): Map<string, NameTally> {
  const tallies = new Map<string, NameTally>();
  for (const { ref, field, form } of hits) {
    if (ref.kind !== kind) continue;
    let tally = tallies.get(ref.id);
    if (!tally) tallies.set(ref.id, (tally = { title: 0, body: 0, matches: new MatchTally() }));
    tally[field] += 1;
    tally.matches.add(ref.term, field, form);
  }
  return tallies;
}

/** Countries named in the title, or prominent in the body (see MAIN_MIN_SHARE). */
export function mainCountries(tallies: Map<string, NameTally>): string[] {
  const bodyTotal = [...tallies.values()].reduce((sum, t) => sum + t.body, 0);
  return [...tallies.entries()]
    .filter(
      ([, t]) =>
        t.title > 0 || (t.body >= MAIN_MIN_BODY_MENTIONS && t.body / bodyTotal >= MAIN_MIN_SHARE),
    )
    .map(([code]) => code)
    .sort();
}

/** Score: title mentions count `titleWeight` times, like topic terms. */
export function nameEvidence(
  tallies: Map<string, NameTally>,
  titleWeight: number,
): Record<string, TagEvidence> {
  const evidence: Record<string, TagEvidence> = {};
  for (const id of [...tallies.keys()].sort()) {
    const tally = tallies.get(id) as NameTally;
    evidence[id] = { score: tally.title * titleWeight + tally.body, matches: tally.matches.list() };
  }
  return evidence;
}
