/** The corpus's `*.expect.json` checks, evaluated on `feed inspect --json` output. */

export interface Check {
  path: string;
  eq?: unknown;
  contains?: unknown;
}

/** `items[0].enclosures[*].url` → the values at that path; `a|b` tries each alternative. */
export function valuesAt(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  for (const segment of path.split('.')) {
    current = current.flatMap((value) =>
      segment.split('|').flatMap((alternative) => step(value, alternative)),
    );
  }
  return current;
}

function step(value: unknown, segment: string): unknown[] {
  const match = /^(\w+)(?:\[(\d+|\*)\])?$/.exec(segment);
  if (!match || value === null || typeof value !== 'object') return [];
  const [, name = '', index] = match;
  const field = (value as Record<string, unknown>)[name];
  if (index === undefined) return field === undefined ? [] : [field];
  if (!Array.isArray(field)) return [];
  return index === '*' ? field : field.length > Number(index) ? [field[Number(index)]] : [];
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The expected text with tags stripped and entities decoded, as the README allows. */
function plain(text: string): string {
  return collapse(
    text
      .replace(/<[^>]*>/g, '')
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/&(\w+);/g, (whole, name: string) => ENTITIES[name] ?? whole),
  );
}

function sameText(actual: unknown, expected: unknown): boolean {
  if (typeof expected !== 'string' || typeof actual !== 'string') return actual === expected;
  const got = collapse(actual);
  return got === collapse(expected) || got === plain(expected);
}

export function checkMet(output: unknown, check: Check): boolean {
  if (check.path.endsWith('.length')) {
    const [list] = valuesAt(output, check.path.slice(0, -'.length'.length));
    return Array.isArray(list) && list.length === check.eq;
  }
  const values = valuesAt(output, check.path);
  const expected = check.contains ?? check.eq;
  return values.some((value) => sameText(value, expected));
}
