import { MIN_COMPOUND_STEM } from './checks.js';
import { isShortAcronym, PhraseIndex, type PatternToken } from './phrase-index.js';
import { MEMO_LIMIT, type Stem } from './stemming.js';
import { tokenize } from './text.js';

/** One configured term: whose it is (topic or relation index), how it reads, what it weighs. */
export interface TermRef {
  owner: number;
  term: string;
  weight: number;
  group?: string;
  /** Proximity: counts only with an anchor of this key within this many words. */
  near?: { key: number; within: number };
}

export interface TermEntry {
  term: string;
  compound?: boolean;
  ref: TermRef;
}

/**
 * What is left of a compound besides the term must be a word of its own (Angebot, Militär):
 * one or two letters are endings the stemmer left or a linking -s, not a second word.
 */
const MIN_COMPOUND_REMAINDER = 3;
const NONE: readonly TermRef[] = [];

/** A term word matches in any case, except a short acronym (`СВО` is not `своим`). */
function termToken(stem: string, word: string, flags: number): PatternToken {
  return { forms: [stem], caseRule: isShortAcronym(word, flags) ? 'upper' : 'any' };
}

interface TermSlot {
  tokens: PatternToken[];
  refs: TermRef[];
}

/** Terms of one language compiled to stems: phrases in an index, compound parts in a list. */
export class TermMatcher {
  private readonly index = new PhraseIndex<TermRef[]>();
  private readonly compounds: { stem: string; refs: TermRef[] }[] = [];
  private readonly compoundMemo = new Map<string, readonly TermRef[]>();

  constructor(entries: TermEntry[], stem: Stem) {
    const byKey = new Map<string, TermSlot>();
    for (const entry of entries) this.collect(byKey, entry, stem);
    for (const { tokens, refs } of byKey.values()) this.index.add(tokens, refs);
  }

  /** Calls `hit` for every term occurrence in a field's stems, with its word position and length. */
  find(
    stems: readonly string[],
    flags: Uint8Array,
    hit: (ref: TermRef, at: number, length: number) => void,
  ): void {
    let at = 0;
    while (at < stems.length) {
      const match = this.index.matchAt(stems, flags, at);
      if (match) {
        for (const ref of match.value) hit(ref, at, match.tokens.length);
        at += match.tokens.length;
        continue;
      }
      for (const ref of this.compoundRefs(stems[at] as string)) hit(ref, at, 1);
      at += 1;
    }
  }

  /** Terms with the same stems share one pattern; compound terms also go to the parts list. */
  private collect(byKey: Map<string, TermSlot>, entry: TermEntry, stem: Stem): void {
    const { words, flags } = tokenize(entry.term);
    const stems = words.map(stem);
    const tokens = stems.map((s, i) => termToken(s, words[i] as string, flags[i] as number));
    const key = stems.map((s, i) => `${s}/${tokens[i]?.caseRule}`).join(' ');
    const slot = byKey.get(key) ?? { tokens, refs: [] };
    byKey.set(key, slot);
    // `protests` and `protesters` share a stem: one word must not count twice for a topic.
    const same = slot.refs.findIndex((ref) => ref.owner === entry.ref.owner);
    if (same < 0) slot.refs.push(entry.ref);
    else if (entry.ref.weight > (slot.refs[same] as TermRef).weight) slot.refs[same] = entry.ref;
    const only = stems.length === 1 ? (stems[0] as string) : '';
    if (entry.compound === true && only.length >= MIN_COMPOUND_STEM)
      this.addCompound(only, entry.ref);
  }

  private addCompound(stem: string, ref: TermRef): void {
    const slot = this.compounds.find((c) => c.stem === stem);
    if (!slot) this.compounds.push({ stem, refs: [ref] });
    else if (!slot.refs.some((r) => r.owner === ref.owner)) slot.refs.push(ref);
  }

  /** Terms that are the first or last part of this word (Bündnis in Militärbündnis, Bündnisangebot). */
  private compoundRefs(word: string): readonly TermRef[] {
    if (this.compounds.length === 0 || word.length < MIN_COMPOUND_STEM + MIN_COMPOUND_REMAINDER)
      return NONE;
    let refs = this.compoundMemo.get(word);
    if (refs === undefined) {
      if (this.compoundMemo.size >= MEMO_LIMIT) this.compoundMemo.clear();
      refs = this.compounds
        .filter(({ stem }) => word.length >= stem.length + MIN_COMPOUND_REMAINDER)
        .filter(({ stem }) => word.startsWith(stem) || word.endsWith(stem))
        .flatMap((c) => c.refs);
      this.compoundMemo.set(word, refs.length > 0 ? refs : NONE);
    }
    return refs;
  }
}
