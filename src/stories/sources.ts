import type { SourceConfig } from '../config/sources.js';

/** Maps domains and credit names to source ids, so that mirrors of one outlet are one source. */
export interface SourceDirectory {
  /** The source id of a host: the configured source owning it or a parent domain, else the host. */
  sourceOf(host: string): string;
  /** Source ids whose credit names appear in the text as whole words. */
  namedIn(text: string): string[];
}

function bareHost(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

function nameMatcher(names: string[]): RegExp | undefined {
  if (names.length === 0) return undefined;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // JavaScript's \b knows no Cyrillic, hence letter lookarounds.
  return new RegExp(`(?<![\\p{L}])(?:${escaped.join('|')})(?![\\p{L}])`, 'u');
}

export function sourceDirectory(sources: SourceConfig[]): SourceDirectory {
  const byDomain = new Map<string, string>();
  for (const source of sources) for (const d of source.domains) byDomain.set(d, source.id);
  const matchers = sources.map((s) => [s.id, nameMatcher(s.credit_names)] as const);
  return {
    sourceOf(host) {
      const bare = bareHost(host);
      const labels = bare.split('.');
      // Longest suffix first: de.rt.com may be its own source while rt.com is another.
      for (let i = 0; i < labels.length - 1; i++) {
        const owner = byDomain.get(labels.slice(i).join('.'));
        if (owner !== undefined) return owner;
      }
      return bare;
    },
    namedIn(text) {
      return matchers.filter(([, m]) => m?.test(text)).map(([id]) => id);
    },
  };
}
