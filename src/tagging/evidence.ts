import type { TagEvidence } from '../core/document.js';

export type Field = 'title' | 'body';
type Match = TagEvidence['matches'][number];

/** Counts matched terms per field: the `matches` of a TagEvidence. */
export class MatchTally {
  private readonly byKey = new Map<string, Match>();

  add(term: string, field: Field, count = 1): void {
    const key = `${field}\0${term}`;
    const match = this.byKey.get(key);
    if (match) match.count += count;
    else this.byKey.set(key, { term, field, count });
  }

  merge(other: MatchTally): void {
    for (const match of other.byKey.values()) this.add(match.term, match.field, match.count);
  }

  /** Title matches first, then by count, then by term, so evidence reads the same every run. */
  list(): Match[] {
    return [...this.byKey.values()].sort(
      (a, b) =>
        (a.field === b.field ? 0 : a.field === 'title' ? -1 : 1) ||
        b.count - a.count ||
        a.term.localeCompare(b.term),
    );
  }
}

/** Scores are sums of weights; two decimals keep documents readable and stable. */
export function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}
