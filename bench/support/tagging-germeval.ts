/**
 * Country mentions on GermEval 2014 (German NER): which gold location spans (LOC, LOCderiv,
 * LOCpart) are countries is decided from i18n-iso-countries' German names and our hand-written
 * demonym list, never from the tagger's own gazetteer; per sentence, the tagger's
 * country_mentions are compared with the gold set.
 */
import { readFileSync } from 'node:fs';
import countryCodes from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import { tagLine } from '../../src/cli/commands/tag.js';
import type { Tagger } from '../../src/tagging/index.js';
import { GERMAN_ABBREVIATIONS, GERMAN_CAPITALS, GERMAN_DEMONYMS } from './tagging-demonyms.js';
import { Counts } from './tagging-scores.js';

const LOC_LABELS = new Set(['LOC', 'LOCderiv', 'LOCpart']);
/** Dataset names shorter than this are not used as the start of a compound (`Oman` is 4). */
const MIN_PREFIX_NAME = 4;

interface Span {
  label: string;
  text: string;
}

export interface Sentence {
  tokens: string[];
  spans: Span[];
}

/** Token lines `n token outer inner`; spans are B-/I- runs of a location label in either column. */
export function parseGermEval(path: string): Sentence[] {
  return readFileSync(path, 'utf8')
    .split(/\n\s*\n/)
    .map((block) => {
      const rows = block
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith('#'))
        .map((l) => l.split('\t'));
      return {
        tokens: rows.map((r) => r[1] ?? ''),
        spans: [2, 3].flatMap((c) => spansIn(rows, c)),
      };
    });
}

function spansIn(rows: string[][], col: number): Span[] {
  const spans: Span[] = [];
  for (const row of rows) {
    const [prefix, label] = (row[col] ?? 'O').split('-') as [string, string | undefined];
    if (label === undefined || !LOC_LABELS.has(label)) continue;
    const last = spans[spans.length - 1];
    if (prefix === 'B' || !last) spans.push({ label, text: row[1] ?? '' });
    else last.text += ` ${row[1] ?? ''}`;
  }
  return spans;
}

countryCodes.registerLocale(de);
const NAMES = new Map<string, string>();
for (const [code, names] of Object.entries(countryCodes.getNames('de', { select: 'all' })))
  for (const name of names) NAMES.set(name.toLowerCase(), code);
for (const [name, code] of Object.entries(GERMAN_ABBREVIATIONS)) NAMES.set(name, code);

/** A span as written, without a genitive -s, and with adjectives in -en (`Vereinigten Staaten`). */
function variants(lower: string): string[] {
  return [lower, lower.replace(/s$/, ''), lower.replace(/en(?= )/gu, 'e')];
}
const PREFIXES = [
  ...[...NAMES].filter(([name]) => name.length >= MIN_PREFIX_NAME && !name.includes(' ')),
  ...Object.entries(GERMAN_DEMONYMS),
];

/** The country a gold span names: a dataset name (or its genitive), a demonym, a compound. */
function spanCountry(span: Span, withCapitals: boolean): string | undefined {
  const lower = span.text.toLowerCase();
  const exact = variants(lower).find((v) => NAMES.has(v));
  if (exact) return NAMES.get(exact);
  if (withCapitals && GERMAN_CAPITALS[span.text]) return GERMAN_CAPITALS[span.text];
  const head = lower.split('-')[0] as string;
  if (lower.includes('-') && NAMES.has(head)) return NAMES.get(head);
  if (span.label === 'LOC') return undefined;
  return PREFIXES.find(([start]) => lower.startsWith(start))?.[1];
}

/** The countries a sentence's gold location spans name. */
export function goldCountries(sentence: Sentence, withCapitals: boolean): string[] {
  return sentence.spans
    .map((span) => spanCountry(span, withCapitals))
    .filter((code): code is string => code !== undefined);
}

export function germEvalScores(
  tagger: Tagger,
  sentences: Sentence[],
  withCapitals: boolean,
): Counts {
  const counts = new Counts();
  for (const sentence of sentences) {
    const text = sentence.tokens.join(' ');
    const got = tagLine(tagger, JSON.stringify({ id: 0, title: '', text, language: 'de' }));
    counts.add(got.country_mentions, goldCountries(sentence, withCapitals));
  }
  return counts;
}
