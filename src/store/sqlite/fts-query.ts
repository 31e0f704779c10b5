/**
 * Turns what a user typed into an FTS5 MATCH expression that can never be a syntax error:
 * every whitespace-separated word becomes a quoted FTS5 string (`"` doubled inside), so
 * operators (AND, OR, NEAR, `-`, `:`, `^`, parentheses) in user input are plain text. The
 * words are ANDed, as Elasticsearch's `default_operator: and`.
 *
 * The tokenizer folds case and diacritics only (see migrations.ts): it does not stem. So each
 * word of at least PREFIX_MIN_LENGTH characters becomes a prefix query (`"word"*`): `Bündnis`
 * then also finds `Bündnisses`, `союз` finds `союза` and `союзом`, and `Militär` finds the
 * compound `Militärbündnis`. Compounds that end in the word (`Militärbündnis` for `Bündnis`)
 * are still not found: that needs a trigram index. A hyphenated word (`Nord-Stream`) is
 * tokenized into a phrase whose last token is the prefix.
 */

/** Shorter words are mostly acronyms (EU, UN, USA) where prefix expansion only adds noise. */
const PREFIX_MIN_LENGTH = 4;
/** Same token characters as the unicode61 tokenizer: letters, digits, and private-use marks. */
const TOKEN_CHARS = /[\p{L}\p{N}\p{Co}]/gu;

function tokenLength(word: string): number {
  return word.match(TOKEN_CHARS)?.length ?? 0;
}

function quoteWord(word: string): string {
  const quoted = `"${word.replaceAll('"', '""')}"`;
  return tokenLength(word) >= PREFIX_MIN_LENGTH ? `${quoted}*` : quoted;
}

/** The MATCH expression, or undefined when the text holds no searchable word at all. */
export function toMatchExpression(text: string): string | undefined {
  const words = text.split(/\s+/u).filter((word) => tokenLength(word) > 0);
  return words.length === 0 ? undefined : words.map(quoteWord).join(' ');
}
