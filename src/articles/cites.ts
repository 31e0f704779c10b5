import type { Element } from 'domhandler';
import { descendants } from './dom.js';
import { absoluteHttpUrl } from './meta.js';

/**
 * News agencies credited by name, mapped to the domain that stands for them. Names match as
 * whole words; JavaScript's \b knows no Cyrillic, hence the letter lookarounds.
 */
const AGENCY_NAMES: [string[], string][] = [
  [['TASS', 'ТАСС'], 'tass.ru'],
  [['RIA Novosti', 'RIA', 'РИА Новости', 'РИА'], 'ria.ru'],
  [['Reuters', 'Рейтер', 'Рейтерс'], 'reuters.com'],
  [['AFP', 'АФП'], 'afp.com'],
  [['dpa', 'DPA'], 'dpa.com'],
  [['AP', 'Associated Press'], 'apnews.com'],
  [['Xinhua', 'Синьхуа'], 'xinhuanet.com'],
  [['Interfax', 'Интерфакс'], 'interfax.ru'],
  [['RT DE', 'RT Deutsch'], 'de.rt.com'],
  [['RT'], 'rt.com'],
];
const AGENCY_DOMAINS: [RegExp, string][] = AGENCY_NAMES.map(([names, domain]) => [
  new RegExp(`(?<![\\p{L}])(?:${names.join('|')})(?![\\p{L}]|\\s(?:DE|Deutsch)\\b)`, 'u'),
  domain,
]);
const DOMAIN = /\b((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})\b/gi;
/** "~ de.rt.com": the tilde credit RT DE and its copiers put under quoted material. */
const TILDE_CREDIT = /(?:^|\s)~\s*((?:[a-z0-9-]+\.)+[a-z]{2,})/gim;
/** "Quelle: TASS", "Source: Reuters", "Источник: ТАСС": the credit runs to the end of the clause. */
const SOURCE_CREDIT =
  /(?:Quellen?|Sources?|Источник(?:и)?)\s*:\s*([^\n;)]+?)(?=\.(?:\s|$)|[\n;)]|$)/gimu;

/** Domains the article links to (other than its own) or credits in its text, sorted, unique. */
export function readCites(containers: Element[], text: string, pageUrl: string): string[] {
  const own = hostOf(pageUrl);
  const domains = new Set<string>();
  for (const domain of linkedDomains(containers, pageUrl)) if (domain !== own) domains.add(domain);
  for (const domain of creditedDomains(text)) domains.add(domain);
  return [...domains].sort();
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

function linkedDomains(containers: Element[], pageUrl: string): string[] {
  return containers
    .flatMap((c) => [c, ...descendants(c)])
    .filter((el) => el.name === 'a' && el.attribs.href !== undefined)
    .map((a) => absoluteHttpUrl(a.attribs.href as string, pageUrl))
    .map((href) => (href === undefined ? undefined : hostOf(href)))
    .filter((host): host is string => host !== undefined);
}

export function creditedDomains(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(TILDE_CREDIT)) found.push((match[1] as string).toLowerCase());
  for (const match of text.matchAll(SOURCE_CREDIT))
    found.push(...domainsInCredit(match[1] as string));
  return found.map((d) => d.replace(/^www\./, ''));
}

function domainsInCredit(credit: string): string[] {
  const agencies = AGENCY_DOMAINS.filter(([pattern]) => pattern.test(credit)).map(([, d]) => d);
  const bare = [...credit.matchAll(DOMAIN)].map((m) => (m[1] as string).toLowerCase());
  return [...agencies, ...bare];
}
