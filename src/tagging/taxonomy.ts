import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { formatZodIssues } from '../config/issues.js';
import { errorMessage } from '../core/disposition.js';
import { ConfigError } from '../core/errors.js';
import { checkActors, checkCountriesFile, checkTopicsFile } from './checks.js';
import {
  ActorsFileSchema,
  CountriesFileSchema,
  TopicsFileSchema,
  type ActorSpec,
  type CountriesFile,
  type TopicsFile,
} from './schema.js';
import { TAGGER_CODE_VERSION } from './version.js';

/** Everything the tagger knows, as validated data. */
export interface Taxonomy {
  /** `<code version>+<hash of the three files>`: what documents record as tagger_version. */
  version: string;
  topics: TopicsFile;
  countries: CountriesFile;
  actors: ActorSpec[];
}

/** The three files, relative to the config directory. */
export const TAXONOMY_FILES = {
  topics: 'topics.yaml',
  countries: join('gazetteer', 'countries.yaml'),
  actors: join('gazetteer', 'actors.yaml'),
} as const;

type FileKey = keyof typeof TAXONOMY_FILES;

/** A file's text and the name issues are reported under (`config/topics.yaml`). */
export type TaxonomySources = Record<FileKey, { source: string; text: string }>;

function validate<T>(
  schema: z.ZodType<T>,
  source: string,
  text: string,
  issues: string[],
): T | undefined {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    issues.push(`${source}: (root): not valid YAML: ${errorMessage(err)}`);
    return undefined;
  }
  const result = schema.safeParse(raw);
  if (!result.success) issues.push(...formatZodIssues(source, result.error));
  return result.success ? result.data : undefined;
}

function checked<T>(
  value: T | undefined,
  source: string,
  check: (v: T) => string[],
  issues: string[],
) {
  if (value !== undefined) issues.push(...check(value).map((issue) => `${source}: ${issue}`));
}

/** Validates all three files and reports every issue of all of them at once. */
export function parseTaxonomy(sources: TaxonomySources): Taxonomy {
  const issues: string[] = [];
  const { topics: t, countries: c, actors: a } = sources;
  const topics = validate(TopicsFileSchema, t.source, t.text, issues);
  const countries = validate(CountriesFileSchema, c.source, c.text, issues);
  const actors = validate(ActorsFileSchema, a.source, a.text, issues);
  checked(topics, t.source, checkTopicsFile, issues);
  checked(countries, c.source, checkCountriesFile, issues);
  checked(actors, a.source, (file) => checkActors(file.actors), issues);
  if (issues.length > 0 || !topics || !countries || !actors) throw new ConfigError(issues);
  return { version: taxonomyVersion(sources), topics, countries, actors: actors.actors };
}

function taxonomyVersion(sources: TaxonomySources): string {
  const hash = createHash('sha256');
  for (const key of Object.keys(TAXONOMY_FILES) as FileKey[])
    hash.update(sources[key].text).update('\0');
  // Eight hex digits tell rule sets apart; the full hash would only lengthen every document.
  return `${TAGGER_CODE_VERSION}+${hash.digest('hex').slice(0, 8)}`;
}

function readSource(configDir: string, key: FileKey, issues: string[]) {
  const source = join(configDir, TAXONOMY_FILES[key]);
  try {
    return { source, text: readFileSync(source, 'utf8') };
  } catch (err) {
    issues.push(`${source}: (root): cannot read: ${errorMessage(err)}`);
    return { source, text: '' };
  }
}

/** Reads and validates the taxonomy once; throws ConfigError listing every issue with its place. */
export function loadTaxonomy(configDir: string): Taxonomy {
  const issues: string[] = [];
  const sources = {
    topics: readSource(configDir, 'topics', issues),
    countries: readSource(configDir, 'countries', issues),
    actors: readSource(configDir, 'actors', issues),
  };
  if (issues.length > 0) throw new ConfigError(issues);
  return parseTaxonomy(sources);
}
