import type { Lang } from './stemming.js';

/**
 * What a `*` at the end of a gazetteer word stands for: enough of each language's noun and
 * adjective endings to cover names, nationality adjectives and their cases (`russisch*` →
 * russische, russischen; `китайск*` → китайский, китайского, китайской). Surface forms are
 * used instead of stems because Snowball stems names unevenly (китай → кита, китая → кит).
 */
const WILDCARD_ENDINGS: Record<Lang, string[]> = {
  de: ['', 'e', 'em', 'en', 'er', 'es', 'n', 'ns', 's'],
  en: ['', 's'],
  fr: ['', 'e', 'es', 'ne', 'nes', 's'],
  ru: [
    ...['', 'а', 'я', 'у', 'ю', 'е', 'и', 'ы', 'о', 'ь'],
    ...['ой', 'ей', 'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'ью', 'ию', 'ии', 'ия'],
    ...['ами', 'ями', 'ий', 'ый', 'ая', 'яя', 'ое', 'ее', 'ие', 'ые', 'ую', 'юю', 'ою', 'ею'],
    ...['ого', 'его', 'ому', 'ему', 'ым', 'им', 'ых', 'их', 'ыми', 'ими'],
  ],
};

/**
 * A root shorter than this plus any ending hits everyday words (`кит` whale, `мал` small);
 * four letters is the shortest root among the nationality adjectives we list (`русск`).
 */
export const MIN_WILDCARD_ROOT = 4;

export function expandWildcard(root: string, lang: Lang): string[] {
  return WILDCARD_ENDINGS[lang].map((ending) => root + ending);
}

/** Russian adjective endings in dataset names (Российская Федерация, Южная Корея). */
const RUSSIAN_ADJECTIVE_ENDING = /(?:ая|ое|ый|ий|ой|ые|ие)$/;
/** Only these final letters decline; Того, Перу, Мали, Конго do not. */
const RUSSIAN_DECLINING_LETTER = /[аяйь]$/;

/**
 * Inflected forms of a word from a dataset country name, which carries no `*`: German adds the
 * genitive -s (Russlands, Chinas; never -n, or `Man` would become `Mann`); Russian declines
 * words ending in an adjective ending or а/я/й/ь; English and French names do not inflect.
 */
export function inflectNameWord(word: string, lang: Lang, isLast: boolean): string[] {
  if (lang === 'de') return isLast && !/[sxzß]$/.test(word) ? [word, `${word}s`] : [word];
  if (lang !== 'ru') return [word];
  const root = RUSSIAN_ADJECTIVE_ENDING.test(word)
    ? word.slice(0, -2)
    : RUSSIAN_DECLINING_LETTER.test(word)
      ? word.slice(0, -1)
      : word;
  if (root.length < MIN_WILDCARD_ROOT) return [word];
  return [word, ...expandWildcard(root, 'ru')];
}
