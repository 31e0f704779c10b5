import { load } from 'cheerio';

/** Markup or character references worth handing to an HTML parser. */
const HTML_SIGNS = /[<&]/;

/** Plain text of an HTML fragment (tags dropped, entities decoded), whitespace collapsed. */
export function htmlToText(html: string | undefined): string | undefined {
  if (html === undefined) return undefined;
  const text = HTML_SIGNS.test(html) ? load(html, null, false).root().text() : html;
  return collapseWhitespace(text);
}

/** Trimmed, runs of whitespace as one space; undefined when nothing is left. */
export function collapseWhitespace(text: string | undefined): string | undefined {
  const collapsed = text?.replace(/\s+/g, ' ').trim();
  return collapsed === '' ? undefined : collapsed;
}

/** Absolute URL of `href` against `base`; undefined when it cannot be made into one. */
export function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  const trimmed = href?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  try {
    const href = new URL(trimmed, base).href;
    // `http://example.org` stays as the feed wrote it rather than gain the root's slash.
    return href === `${trimmed}/` ? trimmed : href;
  } catch {
    return undefined;
  }
}

/** The first entry that is a non-empty string. */
export function firstText(...values: (string | undefined)[]): string | undefined {
  return values.find((value) => value !== undefined && value.trim() !== '');
}

/** `jdoe@example.com (Jane Doe)`, the RSS 2.0 <author> form. */
const EMAIL_THEN_NAME = /^\S+@\S+\s*\((.+)\)$/;
/** `Jane Doe (jdoe@example.com)` or `Jane Doe <jdoe@example.com>`. */
const NAME_THEN_EMAIL = /^(.+?)\s*[(<]\S+@[^\s)>]+[)>]$/;

/** A person's name without the e-mail address feeds like to attach to it. */
export function personName(raw: string | undefined): string | undefined {
  const text = collapseWhitespace(raw);
  if (text === undefined) return undefined;
  return EMAIL_THEN_NAME.exec(text)?.[1] ?? NAME_THEN_EMAIL.exec(text)?.[1] ?? text;
}

/** Names in order, without blanks, e-mail decorations or repeats. */
export function uniqueNames(names: (string | undefined)[]): string[] {
  const cleaned = names.map(personName).filter((name) => name !== undefined);
  return [...new Set(cleaned)];
}
