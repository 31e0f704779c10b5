import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { z } from 'zod';

/** How a route misbehaves, the way real servers do. Several may be combined; see static-routes.ts. */
const behaviourSchema = z.strictObject({
  /** Always answer with this status (the file, if any, is the body). */
  status: z.number().int().min(200).max(599).optional(),
  /** The first N requests get 503 with Retry-After, later ones the file. */
  flaky: z.number().int().positive().optional(),
  /** Stream this many bytes of filler HTML without Content-Length. */
  huge: z.number().int().positive().optional(),
  /** Wait this long before answering. */
  slowMs: z.number().int().nonnegative().optional(),
  /** Answer 302 to this path on the same site. */
  redirectTo: z.string().startsWith('/').optional(),
});

const routeSchema = z
  .strictObject({
    path: z.string().startsWith('/'),
    file: z.string().min(1).optional(),
    contentType: z.string().default('text/html; charset=utf-8'),
    /** HTTP date; defaults to the manifest's. */
    lastModified: z.string().optional(),
    behaviour: behaviourSchema.default({}),
  })
  .refine((r) => r.file !== undefined || hasNoBodyBehaviour(r.behaviour), {
    message: 'a route needs a file unless it redirects, streams filler or answers a fixed status',
  });

const manifestSchema = z.strictObject({
  /** Fixed, so that If-Modified-Since behaves the same on every run and every checkout. */
  lastModified: z.string(),
  routes: z.array(routeSchema),
});

export type RouteBehaviour = z.infer<typeof behaviourSchema>;

/** A manifest route with its file read and its dates parsed. */
export interface SiteRoute {
  path: string;
  contentType: string;
  /** Milliseconds since the epoch, whole seconds (HTTP dates have no finer resolution). */
  lastModifiedMs: number;
  behaviour: RouteBehaviour;
  /** The file's bytes as stored, before `{{BASE}}` is replaced. */
  raw?: Buffer;
}

function hasNoBodyBehaviour(b: RouteBehaviour): boolean {
  return b.redirectTo !== undefined || b.huge !== undefined || b.status !== undefined;
}

function parseHttpDate(text: string, where: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`${where}: not a date: ${text}`);
  return Math.floor(ms / 1000) * 1000;
}

/** Resolves a manifest file name inside root; a name that escapes root is a manifest bug. */
function fileInside(root: string, file: string): string {
  const base = resolve(root);
  const full = resolve(base, file);
  if (!full.startsWith(base + sep)) throw new Error(`site.json: ${file} is outside ${root}`);
  return full;
}

/** Reads `root/site.json` and every file it names. Throws on any problem: fixtures must be right. */
export async function loadSiteRoutes(root: string): Promise<SiteRoute[]> {
  const json: unknown = JSON.parse(await readFile(resolve(root, 'site.json'), 'utf8'));
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new Error(`site.json: ${z.prettifyError(parsed.error)}`);
  const { lastModified, routes } = parsed.data;
  return Promise.all(
    routes.map(async (r) => ({
      path: r.path,
      contentType: r.contentType,
      lastModifiedMs: parseHttpDate(r.lastModified ?? lastModified, r.path),
      behaviour: r.behaviour,
      raw: r.file === undefined ? undefined : await readFile(fileInside(root, r.file)),
    })),
  );
}
