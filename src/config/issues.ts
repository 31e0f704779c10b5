import type { z } from 'zod';

/** `config/feeds.yaml: feeds[3].url: not a URL`: one line per issue, with its place. */
export function formatZodIssues(source: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${source}: ${formatPath(issue.path)}: ${issue.message}`);
}

function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}
