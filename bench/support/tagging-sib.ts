/**
 * Cross-lingual agreement on SIB-200: the same sentence in de/en/fr/ru; among sentences where any
 * language finds a country, the share where all four find the same set of country mentions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tagLine } from '../../src/cli/commands/tag.js';
import type { Tagger } from '../../src/tagging/index.js';

const SIB_LANGS = { de: 'deu_Latn', en: 'eng_Latn', fr: 'fra_Latn', ru: 'rus_Cyrl' } as const;
type SibLang = keyof typeof SIB_LANGS;

function readSib(dir: string, lang: SibLang): Map<string, string> {
  const rows = readFileSync(join(dir, `${SIB_LANGS[lang]}_dev.tsv`), 'utf8')
    .trim()
    .split('\n');
  return new Map(
    rows
      .slice(1)
      .map((row) => row.split('\t'))
      .map((c) => [c[0] ?? '', c[2] ?? '']),
  );
}

export interface Agreement {
  withCountry: number;
  agreeing: number;
  disagreements: string[];
}

export function sibAgreement(tagger: Tagger, dir: string): Agreement {
  const langs = Object.keys(SIB_LANGS) as SibLang[];
  const texts = langs.map((lang) => [lang, readSib(dir, lang)] as const);
  const result: Agreement = { withCountry: 0, agreeing: 0, disagreements: [] };
  for (const id of texts[0]?.[1].keys() ?? []) {
    const sets = texts.map(([language, byId]) => {
      const line = JSON.stringify({ id, title: '', text: byId.get(id) ?? '', language });
      return tagLine(tagger, line).country_mentions.join(',');
    });
    if (sets.every((s) => s === '')) continue;
    result.withCountry += 1;
    if (sets.every((s) => s === sets[0])) result.agreeing += 1;
    else result.disagreements.push(`${id}: ${langs.map((l, i) => `${l}=[${sets[i]}]`).join(' ')}`);
  }
  return result;
}
