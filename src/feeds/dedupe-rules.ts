import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { PACKAGE_ROOT } from '../core/version.js';
import { formatZodIssues } from '../config/issues.js';

const BUNDLED = fileURLToPath(new URL('config/dedupe.yaml', PACKAGE_ROOT));

const schema = z.strictObject({
  tracking_parameters: z.array(z.string().min(1)),
  variant_host_prefixes: z.array(z.string().regex(/^[a-z0-9-]+$/, 'a host label such as m')),
  amp_parameters: z.array(z.string().regex(/^[\w.]+(=[\w.]+)?$/, 'name or name=value')),
  amp_paths: z.array(z.enum(['leading-segment', 'trailing-segment', 'extension'])),
});

export interface DedupeRules {
  tracking: RegExp[];
  variantHost: RegExp;
  ampParameters: { name: string; value?: string }[];
  ampPath: RegExp[];
}

/** `utm_*` → /^utm_.*$/i: the globs of dedupe.yaml as exact, case-blind patterns. */
function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

const AMP_PATHS = {
  'leading-segment': /^\/amp(?=\/)/,
  'trailing-segment': /\/amp\/?$/,
  extension: /\.amp(?=\.\w+$)/,
};

export function compileRules(source: unknown, label: string): DedupeRules {
  const parsed = schema.safeParse(source);
  if (!parsed.success) throw new ConfigError(formatZodIssues(label, parsed.error));
  const rules = parsed.data;
  return {
    tracking: rules.tracking_parameters.map(globToRegExp),
    variantHost: new RegExp(`^(?:${rules.variant_host_prefixes.join('|')})\\.`),
    ampParameters: rules.amp_parameters.map((p) => {
      const [name = p, value] = p.split('=');
      return { name, value };
    }),
    ampPath: rules.amp_paths.map((form) => AMP_PATHS[form]),
  };
}

function readYaml(path: string): unknown {
  return parse(readFileSync(path, 'utf8'));
}

let bundled: DedupeRules | undefined;

/** The bundled rules, read once: canonical URLs must not change with the working directory. */
export function dedupeRules(): DedupeRules {
  return (bundled ??= compileRules(readYaml(BUNDLED), BUNDLED));
}

/**
 * The bundled rules with the operator's `dedupe.yaml` beside feeds.yaml laid over them: each list
 * the operator gives replaces the bundled one whole, so a rule can be dropped as well as added.
 * Changing them changes document ids of URLs they touch: stored copies are not rewritten.
 */
export function loadDedupeRules(configDir: string): DedupeRules {
  const path = join(configDir, 'dedupe.yaml');
  if (!existsSync(path)) return dedupeRules();
  const own = schema.partial().safeParse(readYaml(path) ?? {});
  if (!own.success) throw new ConfigError(formatZodIssues(path, own.error));
  return compileRules({ ...(readYaml(BUNDLED) as object), ...own.data }, path);
}
