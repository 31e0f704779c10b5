import { existsSync, readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { formatZodIssues } from './issues.js';

/** One outlet that publishes under several domains (mirrors): its documents are one source. */
export interface SourceConfig {
  id: string;
  name?: string;
  domains: string[];
  /** Names a copy credits the outlet by ("RT DE", "RT Deutsch"), matched as whole words. */
  credit_names: string[];
}

const HOSTNAME = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

const sourceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and - only'),
  name: z.string().min(1).optional(),
  domains: z.array(z.string().regex(HOSTNAME, 'a lowercase host name such as de.rt.com')).min(1),
  credit_names: z.array(z.string().min(2)).default([]),
});

const sourcesFileSchema = z
  .strictObject({ sources: z.array(sourceSchema) })
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    const domains = new Map<string, string>();
    file.sources.forEach((source, i) => {
      if (ids.has(source.id))
        ctx.addIssue({
          code: 'custom',
          path: ['sources', i, 'id'],
          message: `duplicate id ${source.id}`,
        });
      ids.add(source.id);
      source.domains.forEach((domain, j) => {
        const owner = domains.get(domain);
        if (owner !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['sources', i, 'domains', j],
            message: `${domain} already belongs to ${owner}`,
          });
        domains.set(domain, source.id);
      });
    });
  });

/** Reads sources.yaml; a missing file means no grouping. Every problem is reported at once. */
export function loadSources(path: string, label = path): SourceConfig[] {
  if (!existsSync(path)) return [];
  const doc = parseDocument(readFileSync(path, 'utf8'));
  if (doc.errors.length > 0) {
    throw new ConfigError(doc.errors.map((e) => `${label}: ${e.message.split('\n')[0]}`));
  }
  const parsed = sourcesFileSchema.safeParse(doc.toJS());
  if (!parsed.success) throw new ConfigError(formatZodIssues(label, parsed.error));
  return parsed.data.sources;
}
