import type { TagEvidence } from '../core/document.js';

export type Field = 'title' | 'body';
type Match = TagEvidence['matches'][number];

/**
 * Distinct spellings kept per match: enough to show an analyst which inflections and compounds
 * a term caught (`Militärbündnis`, `Bündnisses`) without one common word filling the document.
 */
const MAX_FORMS = 5;

interface Tally {
  term: string;
  field: Field;
  count: number;
  forms: Set<string>;
}

/** Counts matched terms per field, with the forms they were written in: a TagEvidence's `matches`. */
export class MatchTally {
  private readonly byKey = new Map<string, Tally>();

  add(term: string, field: Field, form: string, count = 1): void {
    const key = `${field}\0${term}`;
    const tally = this.byKey.get(key) ?? { term, field, count: 0, forms: new Set<string>() };
    this.byKey.set(key, tally);
    tally.count += count;
    if (tally.forms.size < MAX_FORMS) tally.forms.add(form);
  }

  merge(other: MatchTally): void {
    for (const { term, field, count, forms } of other.byKey.values()) {
      const [first = term, ...rest] = forms;
      this.add(term, field, first, count);
      for (const form of rest) this.add(term, field, form, 0);
    }
  }

  /** Title matches first, then by count, then by term, so evidence reads the same every run. */
  list(): Match[] {
    return [...this.byKey.values()]
      .sort(
        (a, b) =>
          (a.field === b.field ? 0 : a.field === 'title' ? -1 : 1) ||
          b.count - a.count ||
          a.term.localeCompare(b.term),
      )
      .map(({ term, field, count, forms }) => ({ term, field, count, forms: [...forms] }));
  }
}

/** Scores are sums of weights; two decimals keep documents readable and stable. */
export function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}
