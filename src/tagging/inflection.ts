import type { Lang } from './stemming.js';

/**
 * What a `*` at the end of a gazetteer word stands for: enough of each language's noun and
 * adjective endings to cover names, nationality adjectives and their cases (`russisch*` →
 * russische, russischen; `китайск*` → китайский, китайского, китайской). Surface forms are
 * used instead of stems because Snowball stems names unevenly (китай → кита, китая → кит).
 */
const WILDCARD_ENDINGS: Record<Lang, string[]> = {
  // -in, -innen: feminine inhabitants (Österreicherin, Amerikanerinnen).
  de: ['', 'e', 'em', 'en', 'er', 'es', 'n', 'ns', 's', 'in', 'innen'],
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
const RUSSIAN_ADJECTIVE_FORMS = [
  ...['ая', 'ой', 'ую', 'ое', 'ого', 'ому', 'ом', 'ые', 'ых', 'ым', 'ыми'],
  ...['ий', 'ый', 'ие', 'их', 'им', 'ими', 'ее', 'ей', 'его', 'ему', 'ем', 'яя', 'юю'],
];
/** Plural names in -ы after a consonant (Соединённые Штаты, Нидерланды) decline as plurals. */
const RUSSIAN_PLURAL_NOUN = /[бвгджзклмнпрстфхцчшщ]ы$/;
const RUSSIAN_PLURAL_FORMS = ['ы', 'ов', 'ам', 'ами', 'ах'];
/** Only these final letters decline; Того, Перу, Мали, Конго do not. */
const RUSSIAN_DECLINING_LETTER = /[аяйь]$/;
/**
 * Beside the other words of a name, a short adjective root is safe (Нов-ая Зеландия →
 * Новой Зеландией); alone it would hit everyday words, so alone the usual root minimum holds.
 */
const MIN_ADJECTIVE_ROOT_IN_PHRASE = 2;

function russianForms(word: string, multiWord: boolean): string[] {
  if (RUSSIAN_ADJECTIVE_ENDING.test(word)) {
    const root = word.slice(0, -2);
    const min = multiWord ? MIN_ADJECTIVE_ROOT_IN_PHRASE : MIN_WILDCARD_ROOT;
    return root.length < min ? [word] : [word, ...RUSSIAN_ADJECTIVE_FORMS.map((e) => root + e)];
  }
  const declines = RUSSIAN_PLURAL_NOUN.test(word) || RUSSIAN_DECLINING_LETTER.test(word);
  const root = declines ? word.slice(0, -1) : word;
  if (root.length < MIN_WILDCARD_ROOT) return [word];
  if (RUSSIAN_PLURAL_NOUN.test(word)) return RUSSIAN_PLURAL_FORMS.map((e) => root + e);
  // The bare root is no form of a noun in -ия/-а (Дани is not Дания; it is the name Dani).
  return [word, ...expandWildcard(root, 'ru').filter((form) => form !== root)];
}

/**
 * Inflected forms of a word from a dataset country name, which carries no `*`: German adds the
 * genitive -s (Russlands, Chinas; never -n, or `Man` would become `Mann`); Russian declines
 * adjectives, plurals in -ы and nouns in а/я/й/ь; English and French names do not inflect.
 */
export function inflectNameWord(
  word: string,
  lang: Lang,
  isLast: boolean,
  multiWord = false,
): string[] {
  if (lang === 'de') return isLast && !/[sxzß]$/.test(word) ? [word, `${word}s`] : [word];
  if (lang !== 'ru') return [word];
  return russianForms(word, multiWord);
}
