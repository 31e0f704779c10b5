import { ALL_CAPS, CAPITALISED } from './text.js';

/**
 * How a name must be spelt in the text: `cap` for names written capitalised (so `china` the
 * porcelain and `turkey` the bird stay out), `upper` for short acronyms (`US`, not `us`).
 */
export type CaseRule = 'any' | 'cap' | 'upper';

export interface PatternToken {
  forms: Iterable<string>;
  caseRule: CaseRule;
}

interface CompiledToken {
  forms: ReadonlySet<string>;
  caseRule: CaseRule;
}

interface Pattern<T> {
  tokens: CompiledToken[];
  value: T;
}

export interface PhraseMatch<T> {
  value: T;
  start: number;
  length: number;
}

const CASE_BITS: Record<CaseRule, number> = { any: 0, cap: CAPITALISED, upper: ALL_CAPS };

/** Acronyms up to this length must be written in capitals (`US`, `UN`, `EU`; `us`, `un` are words). */
const MAX_ACRONYM_LENGTH = 3;

/** A short word written in capitals (`US`, `СВО`) matches only in capitals (not `us`, `сво`). */
export function isShortAcronym(word: string, flags: number): boolean {
  return (flags & ALL_CAPS) !== 0 && word.length <= MAX_ACRONYM_LENGTH;
}

/** Multi-word patterns keyed by their first word; matching prefers the longest pattern. */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Pattern<T>[]>();

  add(tokens: PatternToken[], value: T): void {
    const compiled = tokens.map((t) => ({ forms: new Set(t.forms), caseRule: t.caseRule }));
    const [first] = compiled;
    if (first === undefined) return;
    for (const form of first.forms) {
      const list = this.byFirst.get(form) ?? [];
      list.push({ tokens: compiled, value });
      list.sort((a, b) => b.tokens.length - a.tokens.length);
      this.byFirst.set(form, list);
    }
  }

  /** Scans left to right; a match consumes its words, so `Weißes Haus` is not also `Haus`. */
  scan(keys: readonly string[], flags: Uint8Array): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    let at = 0;
    while (at < keys.length) {
      const pattern = this.matchAt(keys, flags, at);
      if (pattern === undefined) {
        at += 1;
        continue;
      }
      matches.push({ value: pattern.value, start: at, length: pattern.tokens.length });
      at += pattern.tokens.length;
    }
    return matches;
  }

  /** The longest pattern that starts at word `at`, if any. */
  matchAt(
    keys: readonly string[],
    flags: Uint8Array,
    at: number,
  ): { value: T; tokens: unknown[] } | undefined {
    const candidates = this.byFirst.get(keys[at] as string);
    return candidates?.find((pattern) => matchesAt(pattern.tokens, keys, flags, at));
  }
}

function matchesAt(
  tokens: CompiledToken[],
  keys: readonly string[],
  flags: Uint8Array,
  at: number,
): boolean {
  if (at + tokens.length > keys.length) return false;
  return tokens.every((token, i) => {
    const bits = CASE_BITS[token.caseRule];
    return token.forms.has(keys[at + i] as string) && ((flags[at + i] as number) & bits) === bits;
  });
}
