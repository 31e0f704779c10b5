/**
 * Why a page gave no article text, when the markup says: an AMP page (whose story may sit in
 * components we do not read), a consent wall (the story comes after the reader agrees), or a
 * script shell (the story is rendered by JavaScript). Read from the raw HTML, since the body
 * pass has already taken the DOM apart.
 */
const AMP_HTML = /<html\b[^>]*?\s(?:amp|⚡)(?:[\s=>])/i;
const CONSENT = /\b(?:consent|cookie|gdpr|datenschutz|einwillig|согласие)/i;
const SCRIPT_TAG = /<script\b/gi;
/** A shell is mostly scripts: more of them than this with no text to show. */
const SHELL_MIN_SCRIPTS = 3;

export function noTextReason(html: string): string | undefined {
  if (AMP_HTML.test(html)) return 'an AMP page';
  if (CONSENT.test(html)) return 'a consent wall or cookie notice';
  if ((html.match(SCRIPT_TAG)?.length ?? 0) >= SHELL_MIN_SCRIPTS) return 'a script-only shell';
  return undefined;
}
