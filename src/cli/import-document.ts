import { z } from 'zod';
import type { ArticleDocument } from '../core/document.js';
import { formatZodIssues } from '../config/issues.js';

const strings = z.array(z.string());
const evidence = z.record(
  z.string(),
  z.object({
    score: z.number(),
    matches: z.array(
      z.object({
        term: z.string(),
        field: z.enum(['title', 'body']),
        count: z.number(),
        forms: z.array(z.string()).optional(),
      }),
    ),
    relation: z.string().optional(),
  }),
);

/** The document contract, checked once where documents come in from a file. */
const documentSchema = z.object({
  id: z.string().min(1),
  url: z.string().min(1),
  title: z.string(),
  body: z.string(),
  summary: z.string().optional(),
  authors: strings,
  published_at: z.string().optional(),
  updated_at: z.string().optional(),
  first_seen_at: z.string(),
  fetched_at: z.string(),
  indexed_at: z.string().optional(),
  language: z.string().optional(),
  feed_id: z.string().min(1),
  source: z.object({
    id: z.string().optional(),
    name: z.string().optional(),
    domain: z.string(),
    country: z.string().optional(),
  }),
  topics: strings,
  topic_evidence: z.object({
    topics: evidence,
    countries: evidence,
    actors: evidence,
    pairs: evidence,
  }),
  countries: strings,
  country_mentions: strings,
  actors: strings,
  pairs: strings,
  cites: strings,
  content_hash: z.string(),
  tagger_version: z.string(),
  story_id: z.string().min(1).optional(),
  copied_from: z.string().min(1).optional(),
  copied_by: z.enum(['credit', 'overlap']).optional(),
  credited_sources: strings.optional(),
  origin_overlap: z.number().min(0).max(1).optional(),
  fingerprint: z.string().optional(),
  lsh_keys: strings.optional(),
});

/** `index` and `create` both store the document; `update` and `delete` have no document line. */
const actionSchema = z.union([
  z.object({ index: z.object({ _id: z.string().optional() }).loose() }),
  z.object({ create: z.object({ _id: z.string().optional() }).loose() }),
]);

export type Parsed = { ok: true; doc: ArticleDocument } | { ok: false; errors: string[] };

function parseJson(
  line: string,
  place: string,
): { ok: true; value: unknown } | { ok: false; errors: string[] } {
  try {
    return { ok: true, value: JSON.parse(line) };
  } catch (err) {
    return { ok: false, errors: [`${place}: not JSON: ${(err as Error).message}`] };
  }
}

/** One action line and its document line; `place` is `file:line` of the action. */
export function parseBulkPair(action: string, source: string, place: string): Parsed {
  const actionJson = parseJson(action, place);
  if (!actionJson.ok) return actionJson;
  const parsedAction = actionSchema.safeParse(actionJson.value);
  if (!parsedAction.success)
    return { ok: false, errors: [`${place}: only index and create actions can be imported`] };
  const sourceJson = parseJson(source, place);
  if (!sourceJson.ok) return sourceJson;
  const meta = 'index' in parsedAction.data ? parsedAction.data.index : parsedAction.data.create;
  const withId = {
    ...(sourceJson.value as object),
    ...(meta._id !== undefined && { id: meta._id }),
  };
  const doc = documentSchema.safeParse(withId);
  if (!doc.success) return { ok: false, errors: formatZodIssues(place, doc.error) };
  return { ok: true, doc: doc.data };
}
